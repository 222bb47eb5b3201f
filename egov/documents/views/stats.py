"""The leaders' dashboard: incoming and outgoing counts over a period, by type, issuer and
month, the electronic share against the province's target, and the overdue rate."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from egov.documents import constants as c
from egov.documents import queries
from egov.documents.forms import StatsPeriodForm, default_period
from egov.lib.dates import local_today
from egov.organisations import access as org_access
from egov.organisations.choices import Role
from egov.organisations.models import OrgUnit


def _share(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def presets(today: dt.date) -> list[tuple[str, str]]:
    """Quick periods: this month, this quarter, this year, last year (label, query)."""
    quarter_start = dt.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    periods = [
        (_("Tháng này"), today.replace(day=1), today),
        (_("Quý này"), quarter_start, today),
        (_("Năm nay"), dt.date(today.year, 1, 1), today),
        (
            _("Năm trước"),
            dt.date(today.year - 1, 1, 1),
            dt.date(today.year - 1, 12, 31),
        ),
    ]
    return [
        (str(label), "?" + urlencode({"date_from": start.isoformat(), "date_to": end.isoformat()}))
        for label, start, end in periods
    ]


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """For leaders and clerks (the agencies they work for); others get 403."""
    office = org_access.scope_for(request.user, [Role.LEADER, Role.CLERK])
    if office.is_empty:
        raise PermissionDenied
    units = OrgUnit.objects.current().filter(office.q()).order_by("path")
    start, end = default_period()
    form = StatsPeriodForm(
        request.GET or None, units=units, initial={"date_from": start, "date_to": end}
    )
    unit = None
    if form.is_bound and form.is_valid():
        start, end = form.cleaned_data["date_from"], form.cleaned_data["date_to"]
        unit = form.cleaned_data["unit"]
    stats = queries.statistics(request.user, date_from=start, date_to=end, unit=unit)
    outgoing_electronic = stats.outgoing_electronic_only + stats.outgoing_parallel
    combined = _share(
        stats.incoming_electronic + outgoing_electronic, stats.incoming_total + stats.outgoing_total
    )
    context: dict[str, Any] = {
        "form": form,
        "stats": stats,
        "date_from": start,
        "date_to": end,
        "unit": unit,
        "presets": presets(local_today()),
        "outgoing_electronic": outgoing_electronic,
        "combined_share": combined,
        "target": c.ELECTRONIC_SHARE_TARGET,
        "target_met": combined is not None and combined >= c.ELECTRONIC_SHARE_TARGET,
        "chart_months": {
            "labels": [row["month"] for row in stats.by_month],
            "series": [
                {"name": _("Văn bản đến"), "data": [row["incoming"] for row in stats.by_month]},
                {"name": _("Văn bản đi"), "data": [row["outgoing"] for row in stats.by_month]},
            ],
        },
        "chart_types": {
            "labels": [row["name"] for row in stats.by_type],
            "series": [
                {"name": _("Văn bản đến"), "data": [row["incoming"] for row in stats.by_type]}
            ],
        },
    }
    return render(request, "documents/stats.html", context)
