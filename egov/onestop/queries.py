"""Reads of the one-stop-shop: catalogues, queues, timelines, the national feed, figures."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone

from egov.onestop import access
from egov.onestop.choices import (
    CLOSED_STATUSES,
    NATIONAL_CODE,
    OPEN_STATUSES,
    Channel,
    OnlineLevel,
    Status,
)
from egov.onestop.models import Dossier, DossierFile, Procedure, Rating, Transition
from egov.organisations.models import OrgUnit


def procedures_public(search: str = "") -> QuerySet[Procedure]:
    qs = Procedure.objects.filter(is_active=True)
    if search.strip():
        qs = qs.filter(Q(name__icontains=search.strip()) | Q(code__iexact=search.strip()))
    return qs.order_by("field_name", "name")


def visible_to(user: Any) -> QuerySet[Dossier]:
    return Dossier.objects.filter(access.visible_q(user))


def queue(user: Any, *, overdue: bool = False) -> QuerySet[Dossier]:
    """The open dossiers held now by the user's units, soonest due first (the partial
    index onestop_queue serves it)."""
    scope = access.officer_scope(user)
    qs = Dossier.objects.filter(status__in=OPEN_STATUSES)
    if scope.is_empty:
        return qs.none()
    if not scope.everywhere:
        units = list(OrgUnit.objects.filter(scope.q()).values_list("pk", flat=True))
        qs = qs.filter(current_unit__in=units)
    if overdue:
        qs = qs.filter(due_at__lt=timezone.now())
    return qs.select_related("procedure", "current_unit").order_by(
        F("due_at").asc(nulls_first=True), "id"
    )


def dossiers_of_account(user: Any) -> QuerySet[Dossier]:
    if not getattr(user, "is_authenticated", False):
        return Dossier.objects.none()
    return (
        Dossier.objects.filter(account=user).select_related("procedure").order_by("-submitted_at")
    )


def _unit_name(unit: OrgUnit | None) -> str:
    return unit.name if unit is not None else ""


@dataclass(frozen=True)
class TimelineEntry:
    at: dt.datetime
    status: str
    status_label: str
    national_code: int
    unit: str
    note: str


def public_timeline(dossier: Dossier) -> list[TimelineEntry]:
    """What the code holder sees: when, which status, at which unit (no officers' names,
    no internal notes beyond refusal and additional-document requests)."""
    public_notes = {"request_additional", "refuse", "apologise", "withdraw", "return"}
    rows = (
        Transition.objects.filter(dossier=dossier)
        .select_related("to_unit", "from_unit")
        .order_by("at", "id")
    )
    return [
        TimelineEntry(
            at=row.at,
            status=row.to_status,
            status_label=str(Status(row.to_status).label),
            national_code=NATIONAL_CODE[row.to_status],
            unit=_unit_name(row.to_unit or row.from_unit),
            note=row.note if row.action in public_notes else "",
        )
        for row in rows
    ]


def national_feed(user: Any, *, after: int = 0, limit: int = 100) -> list[dict[str, Any]]:
    """Status changes after transition id ``after``, in the national portal's shape
    (DongBoTrangThaiHoSo field names, reference §1.4); ``cursor`` is the row id."""
    qs = (
        Transition.objects.filter(pk__gt=after)
        .select_related("dossier__procedure", "dossier__receiving_unit", "dossier__current_unit")
        .order_by("pk")
    )
    scope = access.officer_scope(user)
    if not scope.everywhere:
        qs = qs.filter(dossier__receiving_unit__in=OrgUnit.objects.filter(scope.q()).values("pk"))
    stamp = "%Y%m%d%H%M%S"
    items = []
    for row in qs[:limit]:
        dossier = row.dossier
        local = timezone.localtime
        items.append(
            {
                "cursor": row.pk,
                "MaHoSo": dossier.code,
                "MaTTHC": dossier.procedure.code,
                "TenTTHC": dossier.procedure.name,
                "MaLinhVuc": dossier.procedure.field_code,
                "TenLinhVuc": dossier.procedure.field_name,
                "ChuHoSo": dossier.masked_applicant,
                "LoaiDoiTuong": dossier.applicant_kind,
                "NgayTiepNhan": local(dossier.received_at).strftime(stamp)
                if dossier.received_at
                else "",
                "NgayHenTra": local(dossier.due_at).strftime(stamp) if dossier.due_at else "",
                "TrangThaiHoSo": NATIONAL_CODE[row.to_status],
                "HinhThuc": dossier.channel,
                "DonViXuLy": (row.to_unit or dossier.receiving_unit).organ_code
                if row.to_unit_id or dossier.receiving_unit_id
                else "",
                "ThoiGianCapNhat": local(row.at).strftime(stamp),
            }
        )
    return items


# --- Figures --------------------------------------------------------------------------------


@dataclass
class Punctuality:
    key: str
    label: str
    early: int = 0
    on_time: int = 0
    late: int = 0
    open_overdue: int = 0

    @property
    def finished(self) -> int:
        return self.early + self.on_time + self.late

    @property
    def on_time_rate(self) -> float:
        return 100.0 * (self.early + self.on_time) / self.finished if self.finished else 100.0


@dataclass
class Figures:
    agencies: list[Punctuality]
    procedures: list[Punctuality]
    indicators: list[Indicator]


def figures(qs: QuerySet[Dossier], *, procedure_limit: int = 50) -> Figures:
    """Punctuality per agency and per procedure and the QĐ 766 groups, from one pass over
    the dossiers grouped by (receiving unit, procedure), rolled up here.

    Early: done more than half a day before the due time; on time: done by the due time;
    late: after it; open and overdue: not done, due time passed."""
    now = timezone.now()
    margin = dt.timedelta(hours=12)
    done = Q(completed_at__isnull=False)
    rows = qs.values("receiving_unit_id", "procedure_id").annotate(
        early=Count("pk", filter=done & Q(completed_at__lt=F("due_at") - margin)),
        on_time=Count(
            "pk",
            filter=done & Q(completed_at__gte=F("due_at") - margin, completed_at__lte=F("due_at")),
        ),
        late=Count("pk", filter=Q(completed_at__gt=F("due_at"))),
        open_overdue=Count("pk", filter=Q(status__in=OPEN_STATUSES, due_at__lt=now)),
        total=Count("pk"),
        online=Count("pk", filter=Q(channel=Channel.ONLINE)),
        received=Count("pk", filter=Q(received_at__isnull=False)),
        scheduled=Count("pk", filter=Q(printed_due_at__isnull=False)),
    )
    by_unit: dict[int, Punctuality] = {}
    by_procedure: dict[int, Punctuality] = {}
    totals = dict.fromkeys(("total", "online", "received", "scheduled", "on_time", "finished"), 0)
    for row in rows:
        for table, key in (
            (by_unit, row["receiving_unit_id"]),
            (by_procedure, row["procedure_id"]),
        ):
            item = table.setdefault(key, Punctuality(key=str(key), label=""))
            item.early += row["early"]
            item.on_time += row["on_time"]
            item.late += row["late"]
            item.open_overdue += row["open_overdue"]
        for name in ("total", "online", "received", "scheduled"):
            totals[name] += row[name]
        totals["on_time"] += row["early"] + row["on_time"]
        totals["finished"] += row["early"] + row["on_time"] + row["late"]
    for pk, name in OrgUnit.objects.filter(pk__in=by_unit).values_list("pk", "name"):
        by_unit[pk].label = name
    procedures = sorted(
        by_procedure.items(), key=lambda kv: -(kv[1].finished + kv[1].open_overdue)
    )[:procedure_limit]
    names = dict(
        (pk, (code, name))
        for pk, code, name in Procedure.objects.filter(
            pk__in=[pk for pk, _item in procedures]
        ).values_list("pk", "code", "name")
    )
    for pk, item in procedures:
        item.key, item.label = names[pk]
    return Figures(
        agencies=sorted(by_unit.values(), key=lambda item: item.label),
        procedures=[item for _pk, item in procedures],
        indicators=_indicators(qs, totals),
    )


def punctuality_by_agency(qs: QuerySet[Dossier]) -> list[Punctuality]:
    return figures(qs).agencies


def punctuality_by_procedure(qs: QuerySet[Dossier], limit: int = 50) -> list[Punctuality]:
    return figures(qs, procedure_limit=limit).procedures


def unit_punctuality(unit: OrgUnit | None, *, date_from: dt.date, date_to: dt.date) -> Punctuality:
    """Dossiers received by ``unit`` or its subtree (the whole province when None) and
    completed in the period, early, on time or late, whoever asks: for the oversight part,
    which decides itself who sees the figures."""
    qs = Dossier.objects.filter(completed_at__date__gte=date_from, completed_at__date__lte=date_to)
    if unit is not None:
        qs = qs.filter(receiving_unit__path__startswith=unit.path)
    total = Punctuality(key=str(unit.pk) if unit else "", label=unit.name if unit else "")
    for row in figures(qs, procedure_limit=0).agencies:
        total.early += row.early
        total.on_time += row.on_time
        total.late += row.late
    return total


def stats_scope(user: Any) -> QuerySet[Dossier]:
    scope = access.officer_scope(user)
    qs = Dossier.objects.all()
    if not scope.everywhere:
        qs = qs.filter(receiving_unit__in=OrgUnit.objects.filter(scope.q()).values("pk"))
    return qs


@dataclass
class Indicator:
    group: str
    name: str
    value: float
    points: float
    max_points: float


def indicators_766(qs: QuerySet[Dossier]) -> list[Indicator]:
    return figures(qs).indicators


def _indicators(qs: QuerySet[Dossier], totals: dict[str, int]) -> list[Indicator]:
    """The QĐ 766 groups the dossiers can measure, scored on their maximum points: progress
    (on-time rate, 20), online service (share of procedures toàn trình and of dossiers filed
    online, 22), satisfaction (share satisfied or very satisfied, 18), digitisation (share
    of dossiers with their files, 22), publicity (received dossiers with an appointment
    published, 18)."""
    with_files = (
        DossierFile.objects.filter(dossier__in=qs.values("pk"), is_result=False)
        .values("dossier_id")
        .distinct()
        .count()
    )
    procedures = Procedure.objects.filter(is_active=True).aggregate(
        total=Count("pk"), full=Count("pk", filter=Q(online_level=OnlineLevel.FULL))
    )
    ratings = Rating.objects.filter(dossier__in=qs).aggregate(
        total=Count("pk"), good=Count("pk", filter=Q(level__gte=2))
    )

    def share(part: int, whole: int) -> float:
        return part / whole if whole else 0.0

    on_time = share(totals["on_time"], totals["finished"])
    online_proc = share(procedures["full"], procedures["total"])
    online_doss = share(totals["online"], totals["total"])
    satisfied = share(ratings["good"], ratings["total"])
    digitised = share(with_files, totals["total"])
    published = share(totals["scheduled"], totals["received"])
    return [
        Indicator("publicity", "Công khai, minh bạch", 100 * published, 18 * published, 18),
        Indicator("progress", "Tiến độ, kết quả giải quyết", 100 * on_time, 20 * on_time, 20),
        Indicator("digitisation", "Số hóa hồ sơ", 100 * digitised, 22 * digitised, 22),
        Indicator(
            "online",
            "Cung cấp dịch vụ trực tuyến",
            100 * (online_proc + online_doss) / 2,
            11 * online_proc + 11 * online_doss,
            22,
        ),
        Indicator("satisfaction", "Mức độ hài lòng", 100 * satisfied, 18 * satisfied, 18),
    ]


def status_counts(qs: QuerySet[Dossier]) -> dict[str, int]:
    return dict(qs.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))


def closed_statuses() -> tuple[str, ...]:
    return CLOSED_STATUSES


def book_rows(unit: OrgUnit, start: dt.date, end: dt.date) -> list[list[str]]:
    """The rows of Mẫu 06 for dossiers received at ``unit`` between two dates (inclusive)."""
    from egov.onestop.deadlines import local

    def day(moment: dt.datetime | None) -> str:
        return local(moment).strftime("%d/%m/%Y") if moment else ""

    qs = (
        Dossier.objects.filter(
            receiving_unit=unit, received_at__date__gte=start, received_at__date__lte=end
        )
        .select_related("procedure")
        .prefetch_related("steps__unit")
        .order_by("received_at", "id")
    )
    rows = []
    for index, dossier in enumerate(qs, start=1):
        steps = list(dossier.steps.all())
        lead = steps[0].unit.name if steps else unit.name
        sent = steps[0].started_at if steps else None
        done = dossier.completed_at
        returned = dossier.closed_at if dossier.status == Status.RETURNED else None
        late = done is not None and dossier.due_at is not None and done > dossier.due_at
        rows.append(
            [
                str(index),
                dossier.code,
                dossier.procedure.name,
                "1",
                dossier.applicant_name,
                ", ".join(x for x in (dossier.applicant_address, dossier.applicant_phone) if x),
                lead,
                day(dossier.received_at),
                day(dossier.printed_due_at),
                day(sent),
                day(done),
                day(returned),
                "Trễ hạn" if late else str(Status(dossier.status).label),
            ]
        )
    return rows


# --- Grouped reads for the oversight part ------------------------------------------------


def punctuality_by_unit(
    units: list[OrgUnit], *, date_from: dt.date, date_to: dt.date
) -> dict[int, Punctuality]:
    """``unit_punctuality`` of every unit in ``units`` (each over its subtree) from one query
    grouped by the receiving unit, with the same early / on time / late rules as
    ``figures``."""
    from egov.lib.subtree import SubtreeIndex

    index = SubtreeIndex((u.pk, u.path) for u in units)
    margin = dt.timedelta(hours=12)
    done = Q(completed_at__isnull=False)
    rows = (
        Dossier.objects.filter(completed_at__date__gte=date_from, completed_at__date__lte=date_to)
        .filter(index.q("receiving_unit__path"))
        .values(path=F("receiving_unit__path"))
        .annotate(
            early=Count("pk", filter=done & Q(completed_at__lt=F("due_at") - margin)),
            on_time=Count(
                "pk",
                filter=done
                & Q(completed_at__gte=F("due_at") - margin, completed_at__lte=F("due_at")),
            ),
            late=Count("pk", filter=Q(completed_at__gt=F("due_at"))),
        )
        .order_by()
    )
    result = {u.pk: Punctuality(key=str(u.pk), label=u.name) for u in units}
    for row in rows:
        for pk in index.owners(row["path"]):
            result[pk].early += row["early"]
            result[pk].on_time += row["on_time"]
            result[pk].late += row["late"]
    return result


@dataclass
class Service:
    """The QĐ 766 groups one agency's dossiers can measure: dossiers submitted in a period,
    how many online, with their files digitised (at least one file other than the result),
    received and given an appointment slip, rated and rated satisfied or very satisfied.
    Online payment is not recorded by the one-stop-shop, so it is not here."""

    submitted: int = 0
    online: int = 0
    digitised: int = 0
    received: int = 0
    scheduled: int = 0
    rated: int = 0
    satisfied: int = 0

    def add(self, row: dict[str, Any]) -> None:
        for name in ("submitted", "online", "digitised", "received", "scheduled"):
            setattr(self, name, getattr(self, name) + row[name])
        self.rated += row["rated"]
        self.satisfied += row["satisfied"]


def _service_rows(qs: QuerySet[Dossier]) -> QuerySet[Any]:
    from django.db.models import Exists, OuterRef

    files = DossierFile.objects.filter(dossier=OuterRef("pk"), is_result=False)
    return (
        qs.values(path=F("receiving_unit__path"))
        .annotate(
            submitted=Count("pk"),
            online=Count("pk", filter=Q(channel=Channel.ONLINE)),
            digitised=Count("pk", filter=Q(Exists(files))),
            received=Count("pk", filter=Q(received_at__isnull=False)),
            scheduled=Count(
                "pk", filter=Q(received_at__isnull=False, printed_due_at__isnull=False)
            ),
            rated=Count("rating"),
            satisfied=Count("rating", filter=Q(rating__level__gte=2)),
        )
        .order_by()
    )


def _submitted_in(date_from: dt.date, date_to: dt.date) -> QuerySet[Dossier]:
    return Dossier.objects.filter(
        submitted_at__date__gte=date_from, submitted_at__date__lte=date_to
    )


def unit_service(unit: OrgUnit | None, *, date_from: dt.date, date_to: dt.date) -> Service:
    """The QĐ 766 counts of the dossiers submitted in the period to ``unit``'s subtree (the
    province when None), whoever asks: for the oversight part."""
    qs = _submitted_in(date_from, date_to)
    if unit is not None:
        qs = qs.filter(receiving_unit__path__startswith=unit.path)
    total = Service()
    for row in _service_rows(qs):
        total.add(row)
    return total


def service_by_unit(
    units: list[OrgUnit], *, date_from: dt.date, date_to: dt.date
) -> dict[int, Service]:
    """``unit_service`` of every unit in ``units`` from one grouped query."""
    from egov.lib.subtree import SubtreeIndex

    index = SubtreeIndex((u.pk, u.path) for u in units)
    result = {u.pk: Service() for u in units}
    for row in _service_rows(
        _submitted_in(date_from, date_to).filter(index.q("receiving_unit__path"))
    ):
        for pk in index.owners(row["path"]):
            result[pk].add(row)
    return result
