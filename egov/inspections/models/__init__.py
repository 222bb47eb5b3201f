"""Inspections of how agencies operate the system (seeds 000 and 003): plans, checklists,
findings with deadlines and their follow-up."""
