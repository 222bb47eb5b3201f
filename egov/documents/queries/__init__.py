"""Read functions of the e-office: lists filtered by access in one query, work queues,
duplicates, statistics. Views and other apps read through these."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.postgres.search import SearchRank
from django.db.models import Count, F, IntegerField, Q, QuerySet, Value
from django.db.models.functions import Lower, StrIndex, TruncMonth

from egov.documents import access
from egov.documents import constants as c
from egov.documents.choices import (
    OPEN_ASSIGNMENT_STATUSES,
    AssignmentRole,
    IncomingStatus,
    OutgoingStatus,
    ReviewDecision,
)
from egov.documents.models import (
    Assignment,
    Attachment,
    Comment,
    ExtensionRequest,
    IncomingDocument,
    IncomingTransition,
    OutgoingDocument,
    ReviewStep,
)
from egov.documents.search import search_query
from egov.lib.dates import BUSINESS_TZ, local_today
from egov.organisations import access as org_access
from egov.organisations.choices import Role
from egov.organisations.models import OrgUnit, Person, RoleAssignment
from egov.workcalendar.queries import add_working_days


def day_start(day: dt.date, *, days_after: int = 0) -> dt.datetime:
    """Midnight in Vietnam at the start of ``day`` (plus ``days_after`` days): date filters
    compare the timestamp itself, so its index serves them (``__date`` would not)."""
    start = day + dt.timedelta(days=days_after)
    return dt.datetime(start.year, start.month, start.day, tzinfo=BUSINESS_TZ)


def incoming_visible_to(user: Any) -> QuerySet[IncomingDocument]:
    return IncomingDocument.objects.filter(access.visible_incoming_q(user))


def outgoing_visible_to(user: Any) -> QuerySet[OutgoingDocument]:
    return OutgoingDocument.objects.filter(access.visible_outgoing_q(user))


def probable_duplicates(
    *,
    unit: OrgUnit,
    issuer_code: str,
    issuer_name: str,
    code_number: str,
    code_notation: str,
    organ_document_id: str,
) -> list[IncomingDocument]:
    """Documents already registered in ``unit`` that look like this one (Phụ lục VI III.1.h):
    the same organ document id, or the same issuer, number and notation (notation and
    issuer name in any case), newest first, at most five.

    Written in SQL because every registration runs it: the ORM spent longer building the
    query than PostgreSQL spends answering it through ``incoming_dupe_unit``."""
    arms: list[str] = []
    params: list[int | str] = [unit.pk, IncomingStatus.RECALLED]
    if organ_document_id.strip():
        arms.append("organ_document_id = %s")
        params.append(organ_document_id.strip())
    if code_number and code_notation:
        issuer = "UPPER(issuer_name) = UPPER(%s)"
        params += [code_number, code_notation.upper(), issuer_name.strip()]
        if issuer_code.strip():
            issuer = f"({issuer} OR issuer_code = %s)"
            params.append(issuer_code.strip())
        arms.append(f"(code_number = %s AND UPPER(code_notation) = %s AND {issuer})")
    if not arms:
        return []
    return list(
        IncomingDocument.objects.raw(
            f"SELECT {_DUPLICATE_COLUMNS} FROM {IncomingDocument._meta.db_table} "  # noqa: S608 - names from the model
            f"WHERE unit_id = %s AND status <> %s AND ({' OR '.join(arms)}) "
            "ORDER BY arrived_at DESC LIMIT 5",
            params,
        )
    )


# Every column but the search vector (large, and never shown in the warning).
_DUPLICATE_COLUMNS = ", ".join(
    str(f.column) for f in IncomingDocument._meta.concrete_fields if f.name != "search_vector"
)


def holders_of(role: str, unit: OrgUnit, *, secrecy: int = 0) -> list[Any]:
    """Active users holding ``role`` at ``unit`` itself today (cleared to ``secrecy``)."""
    today = local_today()
    assignments = RoleAssignment.objects.filter(unit=unit, role=role, valid_from__lte=today).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gt=today)
    )
    users = get_user_model().objects.filter(pk__in=assignments.values("user_id"), is_active=True)
    if secrecy:
        users = users.filter(clearances__unit=unit, clearances__level__gte=secrecy)
    return list(users.order_by("full_name", "pk"))


def leaders_of(unit: OrgUnit, *, secrecy: int = 0) -> list[Any]:
    return holders_of(Role.LEADER, unit, secrecy=secrecy)


def clerks_of(unit: OrgUnit, *, secrecy: int = 0) -> list[Any]:
    return holders_of(Role.CLERK, unit, secrecy=secrecy)


def works_in(user: Any, area: OrgUnit) -> bool:
    """Whether ``user`` is on the staff of ``area`` or a unit under it, or holds a role
    there."""
    if Person.objects.active().filter(user=user, unit__path__startswith=area.path).exists():
        return True
    return any(a.unit.path.startswith(area.path) for a in org_access.active_assignments(user))


def staff_choices(area: OrgUnit) -> list[tuple[int, str]]:
    """People with accounts working in ``area``'s subtree, for assignment pickers."""
    rows = (
        Person.objects.active()
        .filter(unit__path__startswith=area.path, user__isnull=False, user__is_active=True)
        .select_related("unit", "position")
        .order_by("unit__path", "full_name")
    )
    choices: list[tuple[int, str]] = []
    for person in rows:
        if person.user_id is None or person.unit is None:
            continue
        post = f"{person.position.name}, " if person.position else ""
        unit = person.unit.short_name or person.unit.name
        choices.append((int(person.user_id), f"{person.full_name} — {post}{unit}"))
    return choices


def unit_choices(area: OrgUnit) -> list[OrgUnit]:
    return list(
        OrgUnit.objects.current()
        .filter(path__startswith=area.path)
        .exclude(pk=area.pk)
        .order_by("path")
    )


def urgency_first(qs: QuerySet[Any], *fields: Any) -> QuerySet[Any]:
    """Urgent first, then the given order: an urgent document jumps every queue."""
    return qs.order_by("-urgency", *fields)


# --- "My work" --------------------------------------------------------------------------


@dataclass
class WorkQueues:
    assigned: list[Assignment]
    to_present: list[IncomingDocument]
    to_review: list[ReviewStep]
    to_issue: list[OutgoingDocument]
    returned_drafts: list[OutgoingDocument]
    extensions_to_decide: list[ExtensionRequest]
    counts: dict[str, int]


def open_assignments_for(user: Any) -> QuerySet[Assignment]:
    return Assignment.objects.filter(
        access.assignment_for_user_q(user, own=True), status__in=OPEN_ASSIGNMENT_STATUSES
    )


def work_queues(user: Any, *, limit: int = 50) -> WorkQueues:
    """Everything waiting for ``user``, urgent first then by deadline."""
    today = local_today()
    soon = add_working_days(today, 2)
    assigned_qs = open_assignments_for(user)
    counts = assigned_qs.aggregate(
        total=Count("pk"),
        overdue=Count("pk", filter=Q(due_date__lt=today)),
        due_soon=Count("pk", filter=Q(due_date__gte=today, due_date__lte=soon)),
        urgent=Count("pk", filter=Q(urgency__gt=0)),
    )
    assigned = list(
        urgency_first(assigned_qs, F("due_date").asc(nulls_last=True), "created_at").select_related(
            "document", "document__document_type", "assigned_by", "assignee_unit"
        )[:limit]
    )
    clerk = access.own_scope(user, [Role.CLERK])
    to_present: list[IncomingDocument] = []
    to_issue: list[OutgoingDocument] = []
    if not clerk.is_empty:
        unit_ids = OrgUnit.objects.filter(clerk.q()).values("pk")
        to_present = list(
            urgency_first(
                IncomingDocument.objects.filter(
                    unit_id__in=unit_ids, status=IncomingStatus.REGISTERED
                ).filter(access.visible_incoming_q(user)),
                "arrived_at",
            ).select_related("document_type")[:limit]
        )
        to_issue = list(
            urgency_first(
                OutgoingDocument.objects.filter(
                    unit_id__in=unit_ids, status=OutgoingStatus.APPROVED
                ).filter(access.visible_outgoing_q(user)),
                "updated_at",
            ).select_related("document_type", "drafter")[:limit]
        )
    to_review = list(
        ReviewStep.objects.filter(reviewer=user, decision=ReviewDecision.PENDING)
        .select_related("document", "document__drafter", "document__document_type")
        .order_by("-document__urgency", "pk")[:limit]
    )
    returned = list(
        OutgoingDocument.objects.filter(drafter=user, status=OutgoingStatus.RETURNED)
        .select_related("document_type")
        .order_by("-updated_at")[:limit]
    )
    extensions = list(
        ExtensionRequest.objects.filter(status="pending", assignment__assigned_by=user)
        .select_related("assignment__document", "requested_by")
        .order_by("created_at")[:limit]
    )
    counts.update(
        to_present=len(to_present),
        to_review=len(to_review),
        to_issue=len(to_issue),
        returned=len(returned),
        extensions=len(extensions),
    )
    return WorkQueues(assigned, to_present, to_review, to_issue, returned, extensions, counts)


# --- Lists and search -----------------------------------------------------------------


@dataclass
class IncomingFilters:
    text: str = ""
    unit_id: int | None = None
    document_type_id: int | None = None
    status: str = ""
    urgency: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    issuer: str = ""
    overdue: bool = False
    sort: str = "-arrived_at"


INCOMING_SORTS = {
    "-arrived_at": ("-arrived_at", "-pk"),
    "arrived_at": ("arrived_at", "pk"),
    "due_date": ("due_date", "-pk"),
    "-urgency": ("-urgency", "-arrived_at"),
    "relevance": ("-rank", "-arrived_at"),
}


def search_incoming(user: Any, filters: IncomingFilters) -> QuerySet[IncomingDocument]:
    qs = incoming_visible_to(user)
    query = search_query(filters.text)
    sort = filters.sort if filters.sort in INCOMING_SORTS else "-arrived_at"
    if query is not None:
        qs = qs.filter(search_vector=query)
        if sort == "relevance":
            qs = qs.annotate(rank=SearchRank(F("search_vector"), query))
    elif sort == "relevance":
        sort = "-arrived_at"
    if filters.unit_id:
        qs = qs.filter(unit_id=filters.unit_id)
    if filters.document_type_id:
        qs = qs.filter(document_type_id=filters.document_type_id)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.urgency is not None:
        qs = qs.filter(urgency=filters.urgency)
    if filters.date_from:
        qs = qs.filter(arrived_at__gte=day_start(filters.date_from))
    if filters.date_to:
        qs = qs.filter(arrived_at__lt=day_start(filters.date_to, days_after=1))
    if filters.issuer:
        qs = qs.filter(issuer_name__icontains=filters.issuer)
    if filters.overdue:
        qs = qs.filter(due_date__lt=local_today()).exclude(
            status__in=[IncomingStatus.DONE, IncomingStatus.FILED, IncomingStatus.RECALLED]
        )
    return qs.order_by(*INCOMING_SORTS[sort]).select_related("document_type", "unit")


@dataclass
class OutgoingFilters:
    text: str = ""
    status: str = ""
    document_type_id: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    sort: str = "-updated_at"


OUTGOING_SORTS: dict[str, tuple[Any, ...]] = {
    "-updated_at": ("-updated_at", "-pk"),
    "-issued_at": (F("issued_at").desc(nulls_last=True), "-pk"),
    "number": ("year", "number"),
}


def search_outgoing(user: Any, filters: OutgoingFilters) -> QuerySet[OutgoingDocument]:
    qs = outgoing_visible_to(user)
    query = search_query(filters.text)
    if query is not None:
        qs = qs.filter(search_vector=query)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.document_type_id:
        qs = qs.filter(document_type_id=filters.document_type_id)
    if filters.date_from:
        qs = qs.filter(issued_at__gte=day_start(filters.date_from))
    if filters.date_to:
        qs = qs.filter(issued_at__lt=day_start(filters.date_to, days_after=1))
    sort = OUTGOING_SORTS.get(filters.sort, OUTGOING_SORTS["-updated_at"])
    return qs.order_by(*sort).select_related("document_type", "unit", "drafter")


# --- Statistics -----------------------------------------------------------------------


@dataclass
class Statistics:
    incoming_total: int
    incoming_electronic: int
    incoming_done: int
    incoming_overdue_open: int
    incoming_done_late: int
    outgoing_total: int
    outgoing_electronic_only: int
    outgoing_parallel: int
    outgoing_paper_only: int
    by_type: list[dict[str, Any]]
    by_issuer: list[dict[str, Any]]
    by_month: list[dict[str, Any]]

    @staticmethod
    def _share(part: int, whole: int) -> float | None:
        return round(100 * part / whole, 1) if whole else None

    @property
    def incoming_electronic_share(self) -> float | None:
        return self._share(self.incoming_electronic, self.incoming_total)

    @property
    def outgoing_electronic_share(self) -> float | None:
        return self._share(
            self.outgoing_electronic_only + self.outgoing_parallel, self.outgoing_total
        )

    @property
    def overdue_rate(self) -> float | None:
        return self._share(
            self.incoming_overdue_open + self.incoming_done_late, self.incoming_total
        )


def statistics(
    user: Any, *, date_from: dt.date, date_to: dt.date, unit: OrgUnit | None = None
) -> Statistics:
    """Counts over documents ``user`` may see, received or issued in the period."""
    return _statistics(
        incoming_visible_to(user),
        outgoing_visible_to(user),
        date_from=date_from,
        date_to=date_to,
        unit=unit,
    )


def unit_statistics(unit: OrgUnit | None, *, date_from: dt.date, date_to: dt.date) -> Statistics:
    """The same counts over every document of ``unit`` and its subtree (the whole province
    when ``unit`` is None), whoever asks: for the oversight part, whose own access check
    decides who sees these figures (it never sees the documents themselves)."""
    return _statistics(
        IncomingDocument.objects.all(),
        OutgoingDocument.objects.all(),
        date_from=date_from,
        date_to=date_to,
        unit=unit,
    )


def _statistics(
    incoming_base: QuerySet[IncomingDocument],
    outgoing_base: QuerySet[OutgoingDocument],
    *,
    date_from: dt.date,
    date_to: dt.date,
    unit: OrgUnit | None,
) -> Statistics:
    today = local_today()
    incoming = incoming_base.filter(
        arrived_at__gte=day_start(date_from), arrived_at__lt=day_start(date_to, days_after=1)
    ).exclude(status=IncomingStatus.RECALLED)
    outgoing = outgoing_base.filter(
        status__in=[OutgoingStatus.ISSUED, OutgoingStatus.REPLACED],
        issued_at__gte=day_start(date_from),
        issued_at__lt=day_start(date_to, days_after=1),
    )
    if unit is not None:
        incoming = incoming.filter(unit__path__startswith=unit.path)
        outgoing = outgoing.filter(unit__path__startswith=unit.path)
    finished = [IncomingStatus.DONE, IncomingStatus.FILED]
    inc = incoming.aggregate(
        total=Count("pk"),
        electronic=Count("pk", filter=~Q(channel="paper")),
        done=Count("pk", filter=Q(status__in=finished)),
        overdue_open=Count("pk", filter=Q(due_date__lt=today) & ~Q(status__in=finished)),
        done_late=Count("pk", filter=Q(status__in=finished, done_at__date__gt=F("due_date"))),
    )
    out = outgoing.aggregate(
        total=Count("pk"),
        electronic_only=Count("pk", filter=Q(electronic=True, on_paper=False)),
        parallel=Count("pk", filter=Q(electronic=True, on_paper=True)),
        paper_only=Count("pk", filter=Q(electronic=False)),
    )
    by_type: list[dict[str, Any]] = [
        dict(row)
        for row in incoming.values(name=F("document_type__name"))
        .annotate(incoming=Count("pk"))
        .order_by("-incoming")[:15]
    ]
    by_issuer: list[dict[str, Any]] = [
        dict(row)
        for row in incoming.values("issuer_name")
        .annotate(count=Count("pk"))
        .order_by("-count")[:10]
    ]
    months_in = dict(
        incoming.annotate(m=TruncMonth("arrived_at"))
        .values("m")
        .annotate(n=Count("pk"))
        .values_list("m", "n")
    )
    months_out = dict(
        outgoing.annotate(m=TruncMonth("issued_at"))
        .values("m")
        .annotate(n=Count("pk"))
        .values_list("m", "n")
    )
    by_month = [
        {
            "month": m.strftime("%m/%Y"),
            "incoming": months_in.get(m, 0),
            "outgoing": months_out.get(m, 0),
        }
        for m in sorted(set(months_in) | set(months_out))
    ]
    return Statistics(
        incoming_total=inc["total"],
        incoming_electronic=inc["electronic"],
        incoming_done=inc["done"],
        incoming_overdue_open=inc["overdue_open"],
        incoming_done_late=inc["done_late"],
        outgoing_total=out["total"],
        outgoing_electronic_only=out["electronic_only"],
        outgoing_parallel=out["parallel"],
        outgoing_paper_only=out["paper_only"],
        by_type=by_type,
        by_issuer=by_issuer,
        by_month=by_month,
    )


# --- Incoming screens: one document's handling, the leaders' team view -----------------


def handling_area(parent: Assignment) -> OrgUnit:
    """Where the holder of ``parent`` may give its work: the agency, for a leader the
    document was presented or given to in person; otherwise the unit it was given to.
    (``actions.handling.assign`` checks its targets against this area.)"""
    if parent.assignee_unit is not None:
        return parent.assignee_unit
    return parent.document.unit


@dataclass
class AssignmentNode:
    """One assignment with the assignments given out of it."""

    assignment: Assignment
    children: list[AssignmentNode]


@dataclass
class IncomingCase:
    """Everything the page of one incoming document shows about its handling."""

    attachments: list[Attachment]
    assignments: list[Assignment]
    tree: list[AssignmentNode]
    transitions: list[IncomingTransition]
    comments: list[Comment]
    extensions: list[ExtensionRequest]


def incoming_case(document: IncomingDocument) -> IncomingCase:
    """The files, the assignment tree (who gave what to whom), the transition history, the
    comments and the extension requests of ``document``, in a fixed number of queries.

    Each assignment's ``document`` is the given instance, and each extension request's
    ``assignment`` one of the listed assignments, so access predicates called on them
    (``access.can_act_on``, ``handling.can_decide_extension``) query nothing more."""
    attachments = list(document.attachments.select_related("file"))
    assignments = list(
        document.assignments.select_related("assignee_unit", "assignee_user", "assigned_by")
    )
    nodes: dict[int, AssignmentNode] = {}
    tree: list[AssignmentNode] = []
    for assignment in assignments:
        assignment.document = document
        nodes[assignment.pk] = AssignmentNode(assignment, [])
    for assignment in assignments:
        parent = nodes.get(assignment.parent_id or 0)
        (parent.children if parent is not None else tree).append(nodes[assignment.pk])
    transitions = list(
        document.transitions.select_related(
            "actor", "assignment__assignee_unit", "assignment__assignee_user"
        )
    )
    comments = list(document.comments.select_related("author"))
    extensions = list(
        ExtensionRequest.objects.filter(assignment__document=document).select_related(
            "requested_by", "decided_by"
        )
    )
    for request in extensions:
        request.assignment = nodes[request.assignment_id].assignment
    return IncomingCase(attachments, assignments, tree, transitions, comments, extensions)


@dataclass
class WorkCounts:
    open: int = 0
    overdue: int = 0
    due_soon: int = 0

    def add(self, other: WorkCounts) -> None:
        self.open += other.open
        self.overdue += other.overdue
        self.due_soon += other.due_soon


@dataclass
class TeamMember:
    user: Any
    counts: WorkCounts


@dataclass
class TeamGroup:
    """A unit's open work: given to the unit itself (its leaders act) and to its people."""

    unit: OrgUnit | None
    counts: WorkCounts
    unit_counts: WorkCounts | None
    members: list[TeamMember]


@dataclass
class TeamWork:
    groups: list[TeamGroup]
    overdue: list[Assignment]
    totals: WorkCounts


def open_assignments_in_scope(user: Any) -> QuerySet[Assignment]:
    """Open handling work (presented, lead, support; not "for information") in the units
    ``user`` leads by their own role: documents received there, work given to those units,
    or to people on their staff; only documents ``user`` may see."""
    leaders = access.own_scope(user, [Role.LEADER])
    if leaders.is_empty:
        return Assignment.objects.none()
    units = OrgUnit.objects.filter(leaders.q()).values("pk")
    visible = IncomingDocument.objects.filter(access.visible_incoming_q(user)).values("pk")
    return (
        Assignment.objects.filter(status__in=OPEN_ASSIGNMENT_STATUSES, document__in=visible)
        .exclude(role=AssignmentRole.INFO)
        .filter(
            Q(document__unit__in=units)
            | Q(assignee_unit__in=units)
            | Q(assignee_user__person__unit__in=units)
        )
    )


def team_work(user: Any, *, overdue_limit: int = 100) -> TeamWork:
    """Open work in ``user``'s scope as a leader, counted by unit and by person (the
    person's current unit), with the overdue assignments listed, most overdue first."""
    today = local_today()
    soon = add_working_days(today, c.DUE_SOON_WORKING_DAYS)
    scoped = open_assignments_in_scope(user)
    rows = list(
        scoped.values("assignee_unit_id", "assignee_user_id").annotate(
            open=Count("pk"),
            overdue=Count("pk", filter=Q(due_date__lt=today)),
            due_soon=Count("pk", filter=Q(due_date__gte=today, due_date__lte=soon)),
        )
    )
    unit_ids = {r["assignee_unit_id"] for r in rows if r["assignee_user_id"] is None}
    user_ids = {r["assignee_user_id"] for r in rows if r["assignee_user_id"] is not None}
    people = {
        p.user_id: p
        for p in Person.objects.filter(user_id__in=user_ids).select_related("unit", "user")
    }
    missing = user_ids - set(people)
    users_without_record = {u.pk: u for u in get_user_model().objects.filter(pk__in=missing)}
    person_unit_ids = {p.unit_id for p in people.values() if p.unit_id is not None}
    units = OrgUnit.objects.in_bulk(unit_ids | person_unit_ids)
    groups: dict[int, TeamGroup] = {}
    totals = WorkCounts()

    def group_for(unit_id: int | None) -> TeamGroup:
        key = unit_id or 0
        if key not in groups:
            groups[key] = TeamGroup(units.get(key), WorkCounts(), None, [])
        return groups[key]

    for row in rows:
        counts = WorkCounts(row["open"], row["overdue"], row["due_soon"])
        totals.add(counts)
        if row["assignee_user_id"] is None:
            group = group_for(row["assignee_unit_id"])
            group.unit_counts = counts
        else:
            person = people.get(row["assignee_user_id"])
            group = group_for(person.unit_id if person is not None else None)
            member = person.user if person is not None else None
            member = member or users_without_record.get(row["assignee_user_id"])
            group.members.append(TeamMember(member, counts))
        group.counts.add(counts)
    ordered = sorted(groups.values(), key=lambda g: (g.unit is None, g.unit.path if g.unit else ""))
    for group in ordered:
        group.members.sort(key=lambda m: str(getattr(m.user, "full_name", "") or m.user))
    overdue = list(
        scoped.filter(due_date__lt=today)
        .select_related("document", "assignee_unit", "assignee_user", "assigned_by")
        .order_by("due_date", "pk")[:overdue_limit]
    )
    return TeamWork(ordered, overdue, totals)


def document_type_named(name: str) -> Any:
    """The document type called ``name`` (as another system wrote it, any case, with or
    without diacritics), or the general letter (công văn) when none matches."""
    from egov.documents.models import DocumentType
    from egov.lib.text import fold

    wanted = fold(name or "")
    types = list(DocumentType.objects.filter(active=True))
    for document_type in types:
        if fold(document_type.name) == wanted:
            return document_type
    return next(t for t in types if t.code == "cong-van")


# --- What the agency sites may publish (portal, issue 6) ----------------------------------


@dataclass(frozen=True)
class TypeCount:
    type_name: str
    incoming: int
    outgoing: int


def public_counts_by_type(unit: OrgUnit, year: int) -> list[TypeCount]:
    """Documents received (recalled ones left out) and issued by ``unit`` and the units under
    it in ``year``, per document type, secret documents never counted (seed 003 mục II.7)."""
    start, end = day_start(dt.date(year, 1, 1)), day_start(dt.date(year + 1, 1, 1))
    incoming = (
        IncomingDocument.objects.filter(
            unit__path__startswith=unit.path, secrecy=0, arrived_at__gte=start, arrived_at__lt=end
        )
        .exclude(status=IncomingStatus.RECALLED)
        .values_list("document_type__name")
        .annotate(n=Count("pk"))
    )
    outgoing = (
        OutgoingDocument.objects.filter(
            unit__path__startswith=unit.path,
            secrecy=0,
            status__in=[OutgoingStatus.ISSUED, OutgoingStatus.REPLACED],
            issued_at__gte=start,
            issued_at__lt=end,
        )
        .values_list("document_type__name")
        .annotate(n=Count("pk"))
    )
    table: dict[str, list[int]] = {}
    for name, n in incoming:
        table.setdefault(name, [0, 0])[0] = n
    for name, n in outgoing:
        table.setdefault(name, [0, 0])[1] = n
    return [TypeCount(name, a, b) for name, (a, b) in sorted(table.items())]


#: A document reference "số/ký hiệu": 459/UBND-TTTH, 12/2025/QĐ-UBND, 07/CT-UBND.
_REFERENCE = re.compile(r"\b(\d{1,6})/((?:\d{4}/)?[A-ZĐ][A-ZĐ0-9]*(?:-[A-ZĐ0-9]+)*)", re.UNICODE)

#: Subjects shorter than this are too generic to match inside a text ("Báo cáo").
_SUBJECT_MIN = 20


def secret_citations(text: str) -> list[str]:
    """Secret documents (incoming or outgoing, any agency) that ``text`` cites by number and
    notation or quotes by subject: what must never be published (seed 003 mục IV). Two
    queries per document table at most."""
    hits: list[str] = []
    pairs = {(number, notation.upper()) for number, notation in _REFERENCE.findall(text or "")}
    lowered = (text or "").lower()
    for model in (IncomingDocument, OutgoingDocument):
        secret = model.objects.filter(secrecy__gt=0)
        if pairs:
            by_reference = Q()
            for number, notation in pairs:
                by_reference |= Q(code_number=number, code_notation__iexact=notation)
                if model is OutgoingDocument and number.isdigit():
                    by_reference |= Q(number=int(number), code_notation__iexact=notation)
            hits.extend(
                f"{number}/{notation}"
                for number, notation in secret.filter(by_reference).values_list(
                    "code_number", "code_notation"
                )
            )
        if len(lowered) >= _SUBJECT_MIN:
            quoted = (
                secret.annotate(
                    at=StrIndex(Value(lowered), Lower("subject"), output_field=IntegerField())
                )
                .filter(at__gt=0)
                .exclude(subject__regex=rf"^.{{0,{_SUBJECT_MIN - 1}}}$")
            )
            hits.extend(quoted.values_list("subject", flat=True))
    return hits


# The grouped reads for the oversight part live in their own module (this one was past 800
# lines); imported last, as they read the definitions above.
from egov.documents.queries.oversight import (  # noqa: E402
    HandlingTime,
    handling_time_by_unit,
    statistics_by_unit,
    unit_handling_time,
)

__all__ = ["HandlingTime", "handling_time_by_unit", "statistics_by_unit", "unit_handling_time"]
