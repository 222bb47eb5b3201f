"""The only writers of KT-XH data: catalogue, entry, workflow, aggregates, exchange."""
