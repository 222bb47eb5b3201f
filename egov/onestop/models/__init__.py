from egov.onestop.models.dossiers import (
    DailyCounter,
    Dossier,
    DossierFile,
    DossierStep,
    DueChange,
    EmailVerification,
    Rating,
    Transition,
)
from egov.onestop.models.procedures import Procedure, ProcedureDocument, ProcedureStep

__all__ = [
    "DailyCounter",
    "Dossier",
    "DossierFile",
    "DossierStep",
    "DueChange",
    "EmailVerification",
    "Procedure",
    "ProcedureDocument",
    "ProcedureStep",
    "Rating",
    "Transition",
]
