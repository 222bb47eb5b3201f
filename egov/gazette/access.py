"""Who may do what in the gazette: the one place that decides.

Published documents and gazette issues are public: anyone, signed in or not, reads them.
Entering, correcting and publishing belong to the *editors* of an issuing body: holders of the
clerk (văn thư) or portal editor role at that body (or over it, with a subtree role), and
system administrators. The issuing bodies are the units that issue legal normative documents:
HĐND and UBND of the province, UBND of communes. The provincial gazette's editors (Văn
phòng UBND tỉnh) hold the portal editor role at UBND tỉnh.

A draft is seen only by the editors of its issuing body; ``get_*_for_user`` answers 404 for
absent and forbidden alike.
"""

from __future__ import annotations

from typing import Any, Literal

from django.db.models import QuerySet
from django.http import Http404

from egov.gazette.choices import DocState, DocType, IssueState
from egov.gazette.models import GazetteIssue, LegalDocument
from egov.organisations import access as org_access
from egov.organisations.access import Scope
from egov.organisations.choices import Role, UnitKind
from egov.organisations.models import OrgUnit

EDITOR_ROLES = frozenset({Role.CLERK, Role.PORTAL_EDITOR})

#: The unit kinds that issue legal normative documents, and the types each issues.
TYPES_BY_ISSUER_KIND: dict[str, frozenset[str]] = {
    UnitKind.PROVINCE_COUNCIL: frozenset({DocType.NQ_HDND_TINH}),
    UnitKind.PROVINCE_COMMITTEE: frozenset({DocType.QD_UBND_TINH}),
    # HĐND xã is not a unit of the organisation tree yet: its resolutions are entered under
    # the commune's committee.
    UnitKind.COMMUNE_COMMITTEE: frozenset({DocType.QD_UBND_XA, DocType.NQ_HDND_XA}),
}
ISSUER_KINDS = frozenset(TYPES_BY_ISSUER_KIND)

Need = Literal["view", "change"]


def editor_scope(user: Any) -> Scope:
    return org_access.scope_for(user, EDITOR_ROLES)


def issuers_for(user: Any) -> QuerySet[OrgUnit]:
    """The issuing bodies in force whose documents ``user`` edits, in tree order."""
    scope = editor_scope(user)
    units: QuerySet[OrgUnit] = (
        OrgUnit.objects.current().filter(kind__in=ISSUER_KINDS).filter(scope.q()).order_by("path")
    )
    return units


def is_editor(user: Any) -> bool:
    if not getattr(user, "is_authenticated", False) or editor_scope(user).is_empty:
        return False
    return issuers_for(user).exists()


def can_edit_for(user: Any, issuer: OrgUnit) -> bool:
    return issuer.kind in ISSUER_KINDS and editor_scope(user).contains(issuer)


def documents_for_editor(user: Any) -> QuerySet[LegalDocument]:
    """Every document, draft or published, of the issuing bodies ``user`` edits."""
    scope = editor_scope(user)
    if scope.is_empty:
        return LegalDocument.objects.none()
    return LegalDocument.objects.filter(scope.q("issuer__"))


def get_document_for_user(user: Any, pk: int, *, need: Need = "view") -> LegalDocument:
    """A document on the editors' screens: 404 unless ``user`` edits its issuing body."""
    del need  # viewing and changing need the same role
    document = documents_for_editor(user).select_related("issuer", "signed_pdf").filter(pk=pk)
    found = document.first()
    if found is None:
        raise Http404
    return found


def get_public_document(pk: int) -> LegalDocument:
    found = (
        LegalDocument.objects.filter(pk=pk, state=DocState.PUBLISHED)
        .select_related("issuer", "signed_pdf")
        .first()
    )
    if found is None:
        raise Http404
    return found


def issues_for_editor(user: Any) -> QuerySet[GazetteIssue]:
    scope = editor_scope(user)
    if scope.is_empty:
        return GazetteIssue.objects.none()
    return GazetteIssue.objects.filter(scope.q("publisher__"))


def get_issue_for_user(user: Any, pk: int) -> GazetteIssue:
    found = issues_for_editor(user).select_related("publisher").filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def get_public_issue(pk: int) -> GazetteIssue:
    found = (
        GazetteIssue.objects.filter(pk=pk, state=IssueState.PUBLISHED)
        .select_related("publisher", "pdf")
        .first()
    )
    if found is None:
        raise Http404
    return found
