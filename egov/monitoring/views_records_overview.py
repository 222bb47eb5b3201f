"""The provincial overview of the agency records: which agencies have an approved plan,
IT staff, and how many of their civil servants can use the system."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from egov.monitoring import access, indicators_records
from egov.monitoring.choices import PlanStatus, StaffKind
from egov.monitoring.indicators import Period
from egov.monitoring.models import ITPlan, ITStaffAssignment
from egov.monitoring.views import _cell, _xlsx, _year, _years
from egov.organisations.models import OrgUnit


@dataclass(frozen=True)
class OverviewRow:
    unit: OrgUnit
    plan: ITPlan | None
    full_time: int
    part_time: int
    trained: float | None

    @property
    def approved(self) -> bool:
        return self.plan is not None and self.plan.status == PlanStatus.APPROVED


def overview_rows(year: int) -> list[OverviewRow]:
    """One row per agency, in a handful of queries whatever the number of agencies."""
    units = list(access.all_agencies())
    period = Period.year(year)
    plans = {p.unit_id: p for p in ITPlan.objects.filter(year=year, unit__in=units)}
    staff = Counter(
        ITStaffAssignment.objects.filter(unit__in=units, valid_from__lte=period.date_to)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=period.date_from))
        .values_list("unit_id", "kind")
    )
    trained = indicators_records.trained_share_many(units, period)
    return [
        OverviewRow(
            unit,
            plans.get(unit.pk),
            staff[(unit.pk, StaffKind.FULL_TIME)],
            staff[(unit.pk, StaffKind.PART_TIME)],
            trained[unit.pk],
        )
        for unit in units
    ]


@login_required
def overview(request: HttpRequest) -> HttpResponse:
    """Every agency's records for a year (provincial viewers)."""
    if not access.sees_province(request.user):
        raise Http404
    year = _year(request)
    rows = overview_rows(year)
    if request.GET.get("format") == "xlsx":
        return _xlsx(
            f"ho-so-cntt-{year}",
            [
                _("Cơ quan"),
                _("Kế hoạch năm"),
                _("Kinh phí dự kiến (đồng)"),
                _("Kinh phí đã thực hiện (đồng)"),
                _("Cán bộ chuyên trách"),
                _("Cán bộ kiêm nhiệm"),
                _("Tỷ lệ công chức sử dụng được hệ thống (%)"),
            ],
            [
                [
                    r.unit.name,
                    r.plan.get_status_display() if r.plan else _("Chưa có"),
                    float(r.plan.planned_budget) if r.plan else "",
                    float(r.plan.spent_budget)
                    if r.plan and r.plan.spent_budget is not None
                    else "",
                    r.full_time,
                    r.part_time,
                    _cell(r.trained),
                ]
                for r in rows
            ],
        )
    return render(
        request,
        "monitoring/records/overview.html",
        {
            "rows": rows,
            "year": year,
            "years": _years(),
            "approved": sum(1 for r in rows if r.approved),
            "staffed": sum(1 for r in rows if r.full_time or r.part_time),
        },
    )
