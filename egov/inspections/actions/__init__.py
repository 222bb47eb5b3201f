"""The only place that writes inspections: one function per verb."""
