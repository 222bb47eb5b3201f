"""Reads behind the outgoing screens and the search page: who may draft where and whom a
draft may go to, status tabs, all-field search over incoming and outgoing documents (on top
of ``queries.search_incoming`` / ``queries.search_outgoing``, so access and secrecy come
from ``access.visible_*_q``), the columns a user may show and export, saved searches.

Kept apart from ``queries.py`` so that the incoming screens and these evolve separately."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.postgres.search import SearchRank
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Value
from django.db.models.functions import Concat
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from egov.documents import queries
from egov.documents.choices import OutgoingStatus
from egov.documents.models import (
    Clearance,
    IncomingDocument,
    OutgoingDocument,
    Recipient,
    SavedSearch,
)
from egov.documents.search import search_query
from egov.lib.dates import BUSINESS_TZ
from egov.lib.tabular import CellValue
from egov.organisations import access as org_access
from egov.organisations.models import OrgUnit, Person

#: Rows of one page of results.
PAGE_SIZE = 50
#: Most rows one export writes; beyond it the file says so and asks for narrower criteria.
EXPORT_LIMIT = 10_000

INCOMING = "incoming"
OUTGOING = "outgoing"
KINDS: dict[str, Promise] = {INCOMING: _("Văn bản đến"), OUTGOING: _("Văn bản đi")}


# --- Drafting and review pickers ----------------------------------------------------------


def drafting_units_for(user: Any) -> list[OrgUnit]:
    """Units where ``user`` may start a draft: the unit of their staff record and the units
    where they hold a role today (units in force only), in tree order."""
    if not getattr(user, "is_authenticated", False):
        return []
    ids = set(
        Person.objects.active()
        .filter(user=user, unit__isnull=False)
        .values_list("unit_id", flat=True)
    )
    ids |= {a.unit_id for a in org_access.active_assignments(user)}
    return list(OrgUnit.objects.current().filter(pk__in=ids).order_by("path"))


def reviewer_candidates(document: OutgoingDocument) -> list[tuple[int, str]]:
    """Staff of the issuing agency (its divisions included) who may be asked for an opinion
    on ``document``: everyone with an account but its drafter; for a secret document, only
    those cleared to its level at the agency. ``(user id, "name — post, unit")``."""
    choices = queries.staff_choices(document.unit)
    cleared: set[int] | None = None
    if document.secrecy:
        cleared = set(
            Clearance.objects.filter(unit=document.unit, level__gte=document.secrecy).values_list(
                "user_id", flat=True
            )
        )
    return [
        (pk, label)
        for pk, label in choices
        if pk != document.drafter_id and (cleared is None or pk in cleared)
    ]


def signer_candidates(document: OutgoingDocument) -> list[Any]:
    """Leaders of the issuing agency and of the drafting unit (cleared to a secret
    document's level): who may sign it (``actions.outgoing.submit_for_review``)."""
    found: dict[int, Any] = {}
    for unit in (document.unit, document.drafting_unit):
        for user in queries.leaders_of(unit, secrecy=document.secrecy):
            found.setdefault(user.pk, user)
    return list(found.values())


# --- The outgoing list's tabs --------------------------------------------------------------


@dataclass(frozen=True)
class Tab:
    key: str
    label: Promise
    statuses: tuple[str, ...]


OUTGOING_TABS: tuple[Tab, ...] = (
    Tab("all", _("Tất cả"), ()),
    Tab("drafts", _("Dự thảo"), (OutgoingStatus.DRAFT, OutgoingStatus.RETURNED)),
    Tab("in_review", _("Đang trình duyệt"), (OutgoingStatus.IN_REVIEW,)),
    Tab("approved", _("Chờ phát hành"), (OutgoingStatus.APPROVED,)),
    Tab("issued", _("Đã phát hành"), (OutgoingStatus.ISSUED,)),
    Tab("recalled", _("Thu hồi, thay thế"), (OutgoingStatus.RECALLED, OutgoingStatus.REPLACED)),
)
TABS_BY_KEY = {tab.key: tab for tab in OUTGOING_TABS}


def outgoing_list(
    user: Any, filters: queries.OutgoingFilters, *, tab: str = "all", urgency: int | None = None
) -> QuerySet[OutgoingDocument]:
    """Outgoing documents ``user`` may see, in one tab, filtered."""
    qs = queries.search_outgoing(user, filters).select_related("drafting_unit")
    statuses = TABS_BY_KEY.get(tab, OUTGOING_TABS[0]).statuses
    if statuses:
        qs = qs.filter(status__in=statuses)
    if urgency is not None:
        qs = qs.filter(urgency=urgency)
    return qs


def outgoing_tab_counts(
    user: Any, filters: queries.OutgoingFilters, *, urgency: int | None = None
) -> dict[str, int]:
    """How many documents each tab holds under the same filters, in one query."""
    qs = queries.search_outgoing(user, filters).order_by()
    if urgency is not None:
        qs = qs.filter(urgency=urgency)
    aggregates = {
        tab.key: Count("pk", filter=Q(status__in=tab.statuses) if tab.statuses else None)
        for tab in OUTGOING_TABS
    }
    return {key: int(value) for key, value in qs.aggregate(**aggregates).items()}


# --- Search --------------------------------------------------------------------------------


SORTS: dict[str, Promise] = {
    "relevance": _("Phù hợp nhất"),
    "newest": _("Mới nhất"),
    "oldest": _("Cũ nhất"),
    "due_date": _("Hạn xử lý gần nhất"),
}


@dataclass
class SearchCriteria:
    """What the search page asks: one text box plus every metadata field."""

    text: str = ""
    kind: str = INCOMING
    document_type_id: int | None = None
    urgency: int | None = None
    secrecy: int | None = None
    status: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    number: str = ""
    party: str = ""
    signer: str = ""
    sort: str = "newest"


def _number_q(number: str) -> Q:
    compact = number.replace(" ", "")
    return Q(full_number__icontains=compact) | Q(code_notation__icontains=compact)


def search_incoming(user: Any, criteria: SearchCriteria) -> QuerySet[IncomingDocument]:
    sort = criteria.sort if criteria.sort in SORTS else "newest"
    if sort == "relevance" and search_query(criteria.text) is None:
        sort = "newest"
    qs = queries.search_incoming(
        user,
        queries.IncomingFilters(
            text=criteria.text,
            document_type_id=criteria.document_type_id,
            status=criteria.status,
            urgency=criteria.urgency,
            date_from=criteria.date_from,
            date_to=criteria.date_to,
            issuer=criteria.party,
            sort={"newest": "-arrived_at", "oldest": "arrived_at"}.get(sort, sort),
        ),
    )
    if criteria.secrecy is not None:
        qs = qs.filter(secrecy=criteria.secrecy)
    if criteria.number:
        qs = qs.alias(full_number=Concat("code_number", Value("/"), "code_notation")).filter(
            _number_q(criteria.number)
        )
    if criteria.signer:
        qs = qs.filter(signer_name__icontains=criteria.signer)
    if sort == "due_date":
        qs = qs.order_by(F("due_date").asc(nulls_last=True), "-arrived_at", "-pk")
    return qs


def search_outgoing(user: Any, criteria: SearchCriteria) -> QuerySet[OutgoingDocument]:
    sort = criteria.sort if criteria.sort in SORTS else "newest"
    query = search_query(criteria.text)
    qs = queries.search_outgoing(
        user,
        queries.OutgoingFilters(
            text=criteria.text,
            status=criteria.status,
            document_type_id=criteria.document_type_id,
            date_from=criteria.date_from,
            date_to=criteria.date_to,
            sort="-issued_at",
        ),
    ).select_related("drafting_unit", "signer")
    if criteria.urgency is not None:
        qs = qs.filter(urgency=criteria.urgency)
    if criteria.secrecy is not None:
        qs = qs.filter(secrecy=criteria.secrecy)
    if criteria.number:
        qs = qs.alias(full_number=Concat("code_number", Value("/"), "code_notation")).filter(
            _number_q(criteria.number)
        )
    if criteria.party:
        to_party = Recipient.objects.filter(document=OuterRef("pk"), name__icontains=criteria.party)
        qs = qs.filter(Exists(to_party) | Q(drafting_unit__name__icontains=criteria.party))
    if criteria.signer:
        qs = qs.filter(
            Q(signer_name__icontains=criteria.signer)
            | Q(signer__full_name__icontains=criteria.signer)
        )
    if sort == "relevance" and query is not None:
        return qs.annotate(rank=SearchRank(F("search_vector"), query)).order_by(
            "-rank", F("issued_at").desc(nulls_last=True), "-pk"
        )
    if sort == "oldest":
        return qs.order_by(F("issued_at").asc(nulls_last=True), "created_at", "pk")
    if sort == "due_date":
        return qs.order_by(F("due_date").asc(nulls_last=True), "-pk")
    return qs.order_by(F("issued_at").desc(nulls_last=True), "-updated_at", "-pk")


def search(user: Any, criteria: SearchCriteria) -> QuerySet[Any]:
    """The documents of ``criteria.kind`` that ``user`` may see and that match."""
    if criteria.kind == OUTGOING:
        return search_outgoing(user, criteria)
    return search_incoming(user, criteria)


def counts_by_kind(user: Any, criteria: SearchCriteria) -> dict[str, int]:
    """How many incoming and outgoing documents match (for the tabs), one query each."""
    return {
        INCOMING: search_incoming(user, criteria).order_by().count(),
        OUTGOING: search_outgoing(user, criteria).order_by().count(),
    }


# --- Columns (shown on the page and exported) ----------------------------------------------


@dataclass(frozen=True)
class Column:
    """One column of results: its label and how to read it from a document (the raw value,
    dates as dates: the export keeps them as real dates)."""

    key: str
    label: Promise
    value: Callable[[Any], CellValue]
    default: bool = False
    #: Related rows the column reads, prefetched only when the column is shown.
    prefetch: str = ""


def _local_date(moment: dt.datetime | None) -> dt.date | None:
    return moment.astimezone(BUSINESS_TZ).date() if moment else None


def _recipient_names(document: OutgoingDocument) -> str:
    return "; ".join(r.name for r in document.recipients.all())


def _signer(document: OutgoingDocument) -> str:
    if document.signer_name:
        return document.signer_name
    return document.signer.get_full_name() if document.signer else ""


COLUMNS: dict[str, tuple[Column, ...]] = {
    INCOMING: (
        Column("arrival", _("Số đến"), lambda d: d.arrival_number, default=True),
        Column("arrived", _("Ngày đến"), lambda d: _local_date(d.arrived_at), default=True),
        Column("number", _("Số, ký hiệu"), lambda d: d.number_and_notation, default=True),
        Column("issued", _("Ngày văn bản"), lambda d: d.issued_date),
        Column("type", _("Loại văn bản"), lambda d: d.document_type.name, default=True),
        Column("subject", _("Trích yếu"), lambda d: d.subject, default=True),
        Column("party", _("Cơ quan ban hành"), lambda d: d.issuer_name, default=True),
        Column("signer", _("Người ký"), lambda d: d.signer_name),
        Column("urgency", _("Độ khẩn"), lambda d: d.get_urgency_display()),
        Column("secrecy", _("Độ mật"), lambda d: d.get_secrecy_display()),
        Column("status", _("Trạng thái"), lambda d: d.get_status_display(), default=True),
        Column("due", _("Hạn xử lý"), lambda d: d.due_date),
        Column("unit", _("Cơ quan nhận"), lambda d: d.unit.name),
    ),
    OUTGOING: (
        Column("number", _("Số, ký hiệu"), lambda d: d.number_and_notation, default=True),
        Column("issued", _("Ngày ban hành"), lambda d: d.issued_date, default=True),
        Column("type", _("Loại văn bản"), lambda d: d.document_type.name, default=True),
        Column("subject", _("Trích yếu"), lambda d: d.subject, default=True),
        Column("unit", _("Cơ quan ban hành"), lambda d: d.unit.name),
        Column("drafting", _("Đơn vị soạn thảo"), lambda d: d.drafting_unit.name, default=True),
        Column("drafter", _("Người soạn thảo"), lambda d: d.drafter.get_full_name()),
        Column("signer", _("Người ký"), _signer),
        Column("party", _("Nơi nhận"), _recipient_names, prefetch="recipients"),
        Column("urgency", _("Độ khẩn"), lambda d: d.get_urgency_display()),
        Column("secrecy", _("Độ mật"), lambda d: d.get_secrecy_display()),
        Column("status", _("Trạng thái"), lambda d: d.get_status_display(), default=True),
        Column("due", _("Hạn trả lời"), lambda d: d.due_date),
    ),
}


def columns_for(kind: str, keys: list[str] | None) -> list[Column]:
    """The chosen columns of ``kind`` in their fixed order; the defaults when none is chosen."""
    available = COLUMNS.get(kind, COLUMNS[INCOMING])
    if not keys:
        return [c for c in available if c.default]
    # The subject is always shown: it carries the link to the document.
    return [c for c in available if c.key in keys or c.key == "subject"]


def with_columns(qs: QuerySet[Any], columns: list[Column]) -> QuerySet[Any]:
    prefetches = sorted({c.prefetch for c in columns if c.prefetch})
    return qs.prefetch_related(*prefetches) if prefetches else qs


# --- Saved searches ------------------------------------------------------------------------


def saved_searches_of(user: Any) -> QuerySet[SavedSearch]:
    return SavedSearch.objects.filter(user=user).order_by("name", "pk")
