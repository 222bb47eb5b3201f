"""The provincial KT-XH dashboard: the headline figures of the latest period with data at
the top unit of the user's scope (this period, against the same period last year, year to
date against the year's plan), their trend over twelve periods, and how completely and on
time the units reported. Every figure comes from the live totals; the detailed table and
its XLSX and CSV exports are the analysis page's."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from egov.lib.dates import local_today
from egov.organisations.models import OrgUnit
from egov.reporting import access, queries
from egov.reporting import analysis as calc
from egov.reporting.choices import Frequency, Line
from egov.reporting.models import Indicator, ReportForm
from egov.reporting.periods import recent_periods
from egov.reporting.views.analysis import _num

#: How many indicators get a trend chart (those with a year plan first).
TREND_CHARTS = 4


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    if not access.uses_reporting(request.user):
        raise Http404
    nodes = list(
        OrgUnit.objects.current()
        .filter(access.analysis_scope(request.user).q())
        .order_by("depth", "path")
    )
    if not nodes:
        raise Http404
    node = next((n for n in nodes if str(n.pk) == request.GET.get("node")), nodes[0])
    indicators = list(Indicator.objects.order_by("code"))
    periods = recent_periods(Frequency.MONTH, local_today(), count=13)
    # The latest period with a figure at the node (this month's reports may still be open).
    period, rows = periods[0], []
    for candidate in periods[:3]:
        rows = calc.report_table(
            line=Line.ADMINISTRATIVE, nodes=[node], indicators=indicators, period=candidate
        )
        period = candidate
        if any(r.this is not None for r in rows):
            break
    cards = [
        {
            "row": r,
            "this": _num(r.this, r.indicator.decimals),
            "pct_last_year": _num(r.pct_last_year, 1),
            "pct_plan": _num(r.pct_plan, 1),
            "plan": _num(r.plan, r.indicator.decimals),
        }
        for r in rows
        if r.this is not None or r.ytd is not None
    ]
    planned = [r for r in rows if r.plan is not None and r.ytd is not None]
    chosen = (planned + [r for r in rows if r not in planned and r.this is not None])[:TREND_CHARTS]
    recent = list(reversed(periods[:12]))
    charts = []
    for index, r in enumerate(chosen):
        values = calc.series(
            line=Line.ADMINISTRATIVE, node=node, indicator=r.indicator, periods=recent
        )
        charts.append(
            {
                "id": f"trend-{index}",
                "indicator": r.indicator,
                "data": {
                    "kind": "line",
                    "labels": [p.label for p in recent],
                    "series": [
                        {
                            "name": r.indicator.name,
                            "data": [None if v is None else float(v) for v in values],
                        }
                    ],
                },
            }
        )
    scope = access.analysis_scope(request.user)
    reporting: list[dict[str, Any]] = []
    for form in ReportForm.objects.filter(active=True, frequency=Frequency.MONTH).order_by("code"):
        timely = [
            r
            for r in queries.timeliness(form, period)
            if r.unit.path.startswith(node.path) and scope.contains(r.unit)
        ]
        if not timely:
            continue
        sent = [r for r in timely if r.submitted_on is not None]
        filled = sum(r.filled for r in timely)
        required = sum(r.required for r in timely)
        reporting.append(
            {
                "form": form,
                "expected": len(timely),
                "sent": len(sent),
                "on_time": sum(1 for r in sent if r.on_time),
                "completeness": _num(None if not required else calc.HUNDRED * filled / required, 1),
            }
        )
    return render(
        request,
        "reporting/dashboard.html",
        {
            "nodes": nodes,
            "node": node,
            "period": period,
            "cards": cards,
            "charts": charts,
            "reporting": reporting,
            "title": _("Bảng điều hành KT-XH"),
        },
    )
