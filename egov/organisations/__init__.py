"""The organisation registry: units with history, administrative areas, staff, roles, access."""
