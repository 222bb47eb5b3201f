"""Inspections of how agencies operate the system (seeds 000 and 003): plans, checklists,
findings with deadlines and their follow-up."""

from egov.inspections.models.findings import Finding, FindingTransition
from egov.inspections.models.inspections import (
    ChecklistItem,
    ChecklistTemplate,
    Evidence,
    Inspection,
    InspectionTransition,
)
from egov.inspections.models.plans import Plan, PlanMember, PlanTransition

__all__ = [
    "ChecklistItem",
    "ChecklistTemplate",
    "Evidence",
    "Finding",
    "FindingTransition",
    "Inspection",
    "InspectionTransition",
    "Plan",
    "PlanMember",
    "PlanTransition",
]
