from egov.records.models.files import (
    CaseFile,
    CaseFileItem,
    CaseFileTransition,
    FilePlan,
    FilePlanEntry,
    Handover,
)
from egov.records.models.loans import CopyLoan

__all__ = [
    "CaseFile",
    "CaseFileItem",
    "CaseFileTransition",
    "CopyLoan",
    "FilePlan",
    "FilePlanEntry",
    "Handover",
]
