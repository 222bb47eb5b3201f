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


def _punctuality(qs: QuerySet[Dossier], group: str, label: str) -> list[Punctuality]:
    """Early: done a working day or more before the due date (here: before the due day);
    on time: done on the due day; late: after it."""
    now = timezone.now()
    rows = qs.values(group, label).annotate(
        early=Count(
            "pk",
            filter=Q(
                completed_at__isnull=False, completed_at__lt=F("due_at") - dt.timedelta(hours=12)
            ),
        ),
        on_time=Count(
            "pk",
            filter=Q(
                completed_at__isnull=False,
                completed_at__gte=F("due_at") - dt.timedelta(hours=12),
                completed_at__lte=F("due_at"),
            ),
        ),
        late=Count("pk", filter=Q(completed_at__gt=F("due_at"))),
        open_overdue=Count("pk", filter=Q(status__in=OPEN_STATUSES, due_at__lt=now)),
    )
    return [
        Punctuality(
            key=str(r[group]),
            label=str(r[label]),
            early=r["early"],
            on_time=r["on_time"],
            late=r["late"],
            open_overdue=r["open_overdue"],
        )
        for r in rows.order_by(label)
    ]


def stats_scope(user: Any) -> QuerySet[Dossier]:
    scope = access.officer_scope(user)
    qs = Dossier.objects.all()
    if not scope.everywhere:
        qs = qs.filter(receiving_unit__in=OrgUnit.objects.filter(scope.q()).values("pk"))
    return qs


def punctuality_by_agency(qs: QuerySet[Dossier]) -> list[Punctuality]:
    return _punctuality(qs, "receiving_unit_id", "receiving_unit__name")


def punctuality_by_procedure(qs: QuerySet[Dossier], limit: int = 50) -> list[Punctuality]:
    rows = _punctuality(qs, "procedure__code", "procedure__name")
    return sorted(rows, key=lambda r: -(r.finished + r.open_overdue))[:limit]


@dataclass
class Indicator:
    group: str
    name: str
    value: float
    points: float
    max_points: float


def indicators_766(qs: QuerySet[Dossier]) -> list[Indicator]:
    """The QĐ 766 groups the dossiers can measure, scored on their maximum points: progress
    (on-time rate, 20), online service (share of procedures toàn trình and of dossiers filed
    online, 22), satisfaction (share satisfied or very satisfied, 18), digitisation (share
    of dossiers with their files, 22), publicity (share of dossiers with a public timeline
    entry within a day of a change, here: received dossiers with an appointment, 18)."""
    totals = qs.aggregate(
        total=Count("pk"),
        finished=Count("pk", filter=Q(completed_at__isnull=False)),
        on_time=Count("pk", filter=Q(completed_at__isnull=False, completed_at__lte=F("due_at"))),
        online=Count("pk", filter=Q(channel=Channel.ONLINE)),
        received=Count("pk", filter=Q(received_at__isnull=False)),
        scheduled=Count("pk", filter=Q(printed_due_at__isnull=False)),
    )
    totals["with_files"] = (
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
    digitised = share(totals["with_files"], totals["total"])
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
