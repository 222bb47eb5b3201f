from egov.gazette.models.documents import DocumentTransition, LegalDocument, Relation
from egov.gazette.models.issues import GazetteEntry, GazetteIssue, IssueTransition

__all__ = [
    "DocumentTransition",
    "GazetteEntry",
    "GazetteIssue",
    "IssueTransition",
    "LegalDocument",
    "Relation",
]
