from egov.reporting.models.catalogue import (
    Category,
    CategoryCombo,
    CategoryOption,
    ExternalCode,
    Indicator,
    OptionCombo,
)
from egov.reporting.models.data import (
    AggregateValue,
    CellComment,
    DataValue,
    DataValueRevision,
    LedgerEntry,
    Submission,
    SubmissionTransition,
)
from egov.reporting.models.forms import (
    FormAssignment,
    FormRow,
    FormSection,
    PlanTarget,
    ReportForm,
    ValidationRule,
)
from egov.reporting.models.periods import Period

__all__ = [
    "AggregateValue",
    "Category",
    "CategoryCombo",
    "CategoryOption",
    "CellComment",
    "DataValue",
    "DataValueRevision",
    "ExternalCode",
    "FormAssignment",
    "FormRow",
    "FormSection",
    "Indicator",
    "LedgerEntry",
    "OptionCombo",
    "Period",
    "PlanTarget",
    "ReportForm",
    "Submission",
    "SubmissionTransition",
    "ValidationRule",
]
