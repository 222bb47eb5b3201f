"""Indicators computed from the agencies' own records (plan, IT staff, training), the
``RECORDS`` group, added to the registry by :func:`egov.monitoring.indicators.register`.

When is there "no data" (``None``)? A plan and IT staff are what the directive requires of
every agency, so once the province keeps the register for a period (some agency has a plan
for the year, some IT staff assignment has begun by the end of the period), an agency
without one is a known 0. Before that, every agency and the province have no data. The
training share has data for an agency only once some session of its civil servants is
recorded: the absence of a training record says nothing of what people can do."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from egov.monitoring import access
from egov.monitoring.choices import Direction, Group, PlanStatus, Unit
from egov.monitoring.indicators import Indicator, Period, register
from egov.monitoring.models import ITPlan, ITStaffAssignment, TrainingAttendance
from egov.organisations.models import OrgUnit, Person

Values = dict[int, float | None]


def _share(part: float, whole: float) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def _agencies(units: list[OrgUnit] | None) -> list[OrgUnit]:
    return list(access.all_agencies()) if units is None else units


# --- approved plan ---------------------------------------------------------------------


def plan_approved_many(units: list[OrgUnit], period: Period) -> Values:
    year = period.date_to.year
    statuses = dict(
        ITPlan.objects.filter(year=year, unit__in=units).values_list("unit_id", "status")
    )
    if not statuses and not ITPlan.objects.filter(year=year).exists():
        return {u.pk: None for u in units}
    return {u.pk: 100.0 if statuses.get(u.pk) == PlanStatus.APPROVED else 0.0 for u in units}


def plan_approved(unit: OrgUnit | None, period: Period) -> float | None:
    if unit is not None:
        return plan_approved_many([unit], period)[unit.pk]
    values = plan_approved_many(_agencies(None), period)
    known = [v for v in values.values() if v is not None]
    return _share(sum(1 for v in known if v), len(known)) if known else None


# --- budget execution ------------------------------------------------------------------


def _executed(units: list[OrgUnit] | None, period: Period) -> dict[int, tuple[float, float]]:
    plans = ITPlan.objects.filter(
        year=period.date_to.year,
        status=PlanStatus.APPROVED,
        spent_budget__isnull=False,
        planned_budget__gt=0,
    )
    if units is not None:
        plans = plans.filter(unit__in=units)
    return {
        unit_id: (float(spent or 0), float(planned))
        for unit_id, spent, planned in plans.values_list(
            "unit_id", "spent_budget", "planned_budget"
        )
    }


def budget_execution_many(units: list[OrgUnit], period: Period) -> Values:
    figures = _executed(units, period)
    return {u.pk: _share(*figures[u.pk]) if u.pk in figures else None for u in units}


def budget_execution(unit: OrgUnit | None, period: Period) -> float | None:
    if unit is not None:
        return budget_execution_many([unit], period)[unit.pk]
    figures = _executed(None, period).values()
    return _share(sum(s for s, _p in figures), sum(p for _s, p in figures)) if figures else None


# --- IT staff --------------------------------------------------------------------------


def has_it_staff_many(units: list[OrgUnit], period: Period) -> Values:
    if not ITStaffAssignment.objects.filter(valid_from__lte=period.date_to).exists():
        return {u.pk: None for u in units}
    staffed = set(
        ITStaffAssignment.objects.filter(unit__in=units, valid_from__lte=period.date_to)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=period.date_from))
        .values_list("unit_id", flat=True)
    )
    return {u.pk: 100.0 if u.pk in staffed else 0.0 for u in units}


def has_it_staff(unit: OrgUnit | None, period: Period) -> float | None:
    if unit is not None:
        return has_it_staff_many([unit], period)[unit.pk]
    values = has_it_staff_many(_agencies(None), period)
    known = [v for v in values.values() if v is not None]
    return _share(sum(1 for v in known if v), len(known)) if known else None


# --- trained civil servants ------------------------------------------------------------


def _trained(units: list[OrgUnit], period: Period) -> dict[int, tuple[int, int]]:
    """(able, staff) per agency with a training record by the end of the period: of its
    civil servants now on its staff, how many were found able to use the system at the
    latest session they attended."""
    by_id = {u.pk: u for u in units}
    latest: dict[int, dict[int, bool]] = defaultdict(dict)
    rows = (
        TrainingAttendance.objects.filter(
            session__unit__in=units, session__held_on__lte=period.date_to
        )
        .order_by("session__held_on", "session_id", "pk")
        .values_list("session__unit_id", "person_id", "can_use_system")
    )
    for unit_id, person_id, ok in rows:
        latest[unit_id][person_id] = ok  # later sessions overwrite earlier ones
    if not latest:
        return {}
    agencies = {by_id[pk].path: pk for pk in latest}
    lengths = sorted({len(path) for path in agencies})
    staff: dict[int, set[int]] = defaultdict(set)
    people = (
        Person.objects.active()
        .filter(unit__isnull=False)
        .filter(_any_prefix(list(agencies)))
        .values_list("pk", "unit__path")
    )
    for person_id, path in people:
        for length in lengths:
            agency = agencies.get(path[:length])
            if agency is not None:
                staff[agency].add(person_id)
    return {
        pk: (sum(1 for p, ok in latest[pk].items() if ok and p in staff[pk]), len(staff[pk]))
        for pk in latest
    }


def _any_prefix(paths: list[str]) -> Q:
    condition = Q(pk__in=[])
    for path in paths:
        condition |= Q(unit__path__startswith=path)
    return condition


def trained_share_many(units: list[OrgUnit], period: Period) -> Values:
    figures = _trained(units, period)
    return {u.pk: _share(*figures[u.pk]) if u.pk in figures else None for u in units}


def trained_share(unit: OrgUnit | None, period: Period) -> float | None:
    if unit is not None:
        return trained_share_many([unit], period)[unit.pk]
    figures = _trained(_agencies(None), period).values()
    return _share(sum(a for a, _s in figures), sum(s for _a, s in figures)) if figures else None


RECORD_INDICATORS = (
    Indicator(
        "records_plan_approved",
        _("Có kế hoạch ứng dụng CNTT năm được phê duyệt"),
        _(
            "Cơ quan: 100 nếu kế hoạch ứng dụng CNTT của năm (năm cuối kỳ) đã được tỉnh phê "
            "duyệt, 0 nếu chưa có hoặc chưa được duyệt. Số của cả tỉnh: tỷ lệ cơ quan có kế hoạch "
            "được phê duyệt. Không có dữ liệu khi chưa cơ quan nào lập kế hoạch năm đó."
        ),
        Unit.PERCENT,
        Direction.HIGHER,
        plan_approved,
        Group.RECORDS,
        plan_approved_many,
    ),
    Indicator(
        "records_budget_execution",
        _("Tỷ lệ thực hiện kinh phí kế hoạch ứng dụng CNTT"),
        _(
            "Kinh phí đã thực hiện chia cho kinh phí dự kiến của kế hoạch năm đã phê duyệt "
            "(số của cả tỉnh: tổng các cơ quan đã báo cáo). Không có dữ liệu khi kế hoạch chưa "
            "được duyệt hoặc chưa báo cáo kinh phí đã thực hiện."
        ),
        Unit.PERCENT,
        Direction.HIGHER,
        budget_execution,
        Group.RECORDS,
        budget_execution_many,
    ),
    Indicator(
        "records_has_it_staff",
        _("Có cán bộ chuyên trách hoặc kiêm nhiệm CNTT"),
        _(
            "Cơ quan: 100 nếu có cán bộ CNTT (chuyên trách hoặc kiêm nhiệm) được bố trí trong "
            "kỳ, 0 nếu không. Số của cả tỉnh: tỷ lệ cơ quan có cán bộ CNTT. Không có dữ liệu khi "
            "chưa cơ quan nào ghi nhận cán bộ CNTT đến cuối kỳ."
        ),
        Unit.PERCENT,
        Direction.HIGHER,
        has_it_staff,
        Group.RECORDS,
        has_it_staff_many,
    ),
    Indicator(
        "records_trained_share",
        _("Tỷ lệ công chức sử dụng được hệ thống sau tập huấn"),
        _(
            "Số công chức đang công tác tại cơ quan được đánh giá sử dụng được hệ thống ở lớp "
            "tập huấn gần nhất họ dự (đến cuối kỳ), chia cho số công chức đang công tác tại "
            "cơ quan. Không có dữ liệu khi cơ quan chưa ghi nhận lớp tập huấn nào."
        ),
        Unit.PERCENT,
        Direction.HIGHER,
        trained_share,
        Group.RECORDS,
        trained_share_many,
    ),
)

register(*RECORD_INDICATORS)
