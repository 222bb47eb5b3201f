"""Reads of the archived copies' use (Sổ sử dụng bản lưu)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import BooleanField, Case, Q, QuerySet, Value, When

from egov.documents.models import IncomingDocument, OutgoingDocument
from egov.organisations.models import OrgUnit
from egov.records.models import CaseFile, CopyLoan


def _related(loans: QuerySet[CopyLoan]) -> QuerySet[CopyLoan]:
    return loans.select_related(
        "incoming__document_type",
        "outgoing__document_type",
        "case_file",
        "borrower",
        "permitted_by",
    )


def within_clearance(loans: QuerySet[CopyLoan], clearance: int) -> QuerySet[CopyLoan]:
    """Loans of secret documents only up to ``clearance`` (a secret stays in its scope)."""
    return loans.exclude(incoming__secrecy__gt=clearance).exclude(outgoing__secrecy__gt=clearance)


def copies_out(unit: OrgUnit, *, clearance: int, today: dt.date) -> list[CopyLoan]:
    """Copies of ``unit`` not returned yet: overdue ones first (the longest overdue on top),
    then by due date, those without a due date last."""
    loans = within_clearance(
        CopyLoan.objects.filter(unit=unit, returned_on__isnull=True), clearance
    )
    overdue = Case(
        When(due_on__lt=today, then=Value(True)), default=Value(False), output_field=BooleanField()
    )
    return list(
        _related(loans)
        .annotate(overdue_first=overdue)
        .order_by("-overdue_first", "due_on", "lent_on", "pk")
    )


def recently_returned(unit: OrgUnit, *, clearance: int, limit: int = 20) -> list[CopyLoan]:
    loans = within_clearance(
        CopyLoan.objects.filter(unit=unit, returned_on__isnull=False), clearance
    )
    return list(_related(loans).order_by("-returned_on", "-pk")[:limit])


def lent_between(
    unit: OrgUnit, start: dt.date, end: dt.date, *, clearance: int
) -> QuerySet[CopyLoan]:
    loans = CopyLoan.objects.filter(unit=unit, lent_on__gte=start, lent_on__lte=end)
    return _related(within_clearance(loans, clearance)).order_by("lent_on", "pk")


def lendable_files(unit: OrgUnit) -> QuerySet[CaseFile]:
    return CaseFile.objects.filter(unit=unit).order_by("-year", "code")


def lendable_document(user: Any, kind: str, pk: int) -> IncomingDocument | OutgoingDocument | None:
    """The document a loan form names, if ``user`` may see it (else None)."""
    from egov.documents import queries as doc_queries

    if kind == "incoming":
        return doc_queries.incoming_visible_to(user).filter(pk=pk).first()
    if kind == "outgoing":
        return doc_queries.outgoing_visible_to(user).filter(pk=pk).first()
    return None


def permitters(unit: OrgUnit) -> list[Any]:
    """Who may allow a copy's use: the agency's leaders and clerks (a role held at the
    agency, or over a subtree containing it), in one query."""
    from django.contrib.auth import get_user_model

    from egov.lib.dates import local_today
    from egov.organisations.choices import Role
    from egov.organisations.models import RoleAssignment

    today = local_today()
    step = OrgUnit.steplen
    ancestors = [unit.path[:end] for end in range(step, len(unit.path), step)]
    holders = (
        RoleAssignment.objects.filter(
            Q(unit=unit) | Q(covers_subtree=True, unit__path__in=ancestors),
            role__in=[Role.LEADER, Role.CLERK],
            valid_from__lte=today,
        )
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gt=today))
        .values("user_id")
    )
    return list(
        get_user_model()
        .objects.filter(pk__in=holders, is_active=True)
        .order_by("full_name", "username")
    )


def search_documents(user: Any, unit: OrgUnit, text: str) -> list[tuple[str, Any]]:
    """Documents of ``unit`` that ``user`` sees matching ``text`` (number, notation or
    subject): the lending screen's document search."""
    from egov.documents import queries as doc_queries

    text = text.strip()
    if not text:
        return []
    match = Q(subject__icontains=text) | Q(code_notation__icontains=text) | Q(code_number=text)
    incoming = (
        doc_queries.incoming_visible_to(user)
        .filter(match | Q(arrival_number=int(text)) if text.isdigit() else match, unit=unit)
        .select_related("document_type")
        .order_by("-arrived_at")[:15]
    )
    outgoing = (
        doc_queries.outgoing_visible_to(user)
        .filter(match | Q(number=int(text)) if text.isdigit() else match, unit=unit)
        .filter(number__isnull=False)
        .select_related("document_type")
        .order_by("-issued_at")[:15]
    )
    return [("incoming", d) for d in incoming] + [("outgoing", d) for d in outgoing]
