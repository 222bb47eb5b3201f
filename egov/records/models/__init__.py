from egov.records.models.files import (
    CaseFile,
    CaseFileItem,
    CaseFileTransition,
    FilePlan,
    FilePlanEntry,
    Handover,
)

__all__ = [
    "CaseFile",
    "CaseFileItem",
    "CaseFileTransition",
    "FilePlan",
    "FilePlanEntry",
    "Handover",
]
