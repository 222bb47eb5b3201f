"""Analysis: the report table with the Vietnamese columns over units or indicators, charts,
completeness and timeliness, the finance ledger; every table exports to XLSX and CSV."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from egov.lib.dates import local_today
from egov.lib.errors import ActionError
from egov.lib.tabular import write_csv, write_xlsx
from egov.organisations.models import OrgUnit
from egov.reporting import access, queries
from egov.reporting import analysis as calc
from egov.reporting.choices import Aggregation, Frequency, Line
from egov.reporting.models import Indicator, LedgerEntry, ReportForm
from egov.reporting.numbers import format_number
from egov.reporting.periods import period_from_code, recent_periods


def _require_analyst(request: HttpRequest) -> None:
    if not access.uses_reporting(request.user):
        raise Http404


def _visible_nodes(user: Any) -> list[OrgUnit]:
    return list(OrgUnit.objects.current().filter(access.analysis_scope(user).q()))


def _export(
    request: HttpRequest, headers: list[str], rows: list[list[Any]], name: str
) -> HttpResponse | None:
    fmt = request.GET.get("export")
    if fmt == "csv":
        response = HttpResponse(write_csv(headers, rows), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return response
    if fmt == "xlsx":
        response = HttpResponse(
            write_xlsx(headers, rows, sheet_title=name),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
        return response
    return None


def _num(value: Decimal | None, decimals: int = 0) -> str:
    """At least the indicator's decimals, and up to two more a value actually has."""
    if value is None:
        return ""
    exponent = value.normalize().as_tuple().exponent
    own = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return format_number(value, max(decimals, min(own, 2)))


def _export_num(value: Decimal | None, decimals: int = 2) -> Any:
    return None if value is None else float(round(value, decimals))


def _by_period(line: str, node: OrgUnit, indicator: Indicator, recent: list[Any]) -> dict[str, Any]:
    """The indicator at the node over the recent periods, in total and per breakdown cell:
    the table behind the line and stacked charts (period × breakdown), for the page and
    for export."""
    total = calc.series(line=line, node=node, indicator=indicator, periods=recent)
    cells = calc.series_by_cell(line=line, node=node, indicator=indicator, periods=recent)
    headers = [_("Kỳ"), _("Tổng số"), *(name for name, _values in cells)]
    columns = [total, *(values for _name, values in cells)]
    return {
        "total": total,
        "cells": cells,
        "headers": headers,
        "rows": [
            [p.label, *(_num(c[i], indicator.decimals) for c in columns)]
            for i, p in enumerate(recent)
        ],
        "export": [[p.label, *(_export_num(c[i]) for c in columns)] for i, p in enumerate(recent)],
    }


@login_required
def analysis(request: HttpRequest) -> HttpResponse:
    """Rows are either the indicators at one unit, or the units under a node for one
    indicator; columns are the Vietnamese report columns."""
    _require_analyst(request)
    nodes = _visible_nodes(request.user)
    if not nodes:
        raise Http404
    node = next((n for n in nodes if str(n.pk) == request.GET.get("node")), nodes[0])
    line = str(request.GET.get("line", ""))
    line = line if line in Line.values else str(Line.ADMINISTRATIVE)
    frequency = str(request.GET.get("frequency", ""))
    frequency = frequency if frequency in Frequency.values else str(Frequency.MONTH)
    periods = recent_periods(frequency, local_today(), count=24)
    error = ""
    period = periods[0]
    if request.GET.get("period"):
        try:
            period = period_from_code(request.GET["period"])
        except ActionError as exc:
            error = exc.messages[0]
    indicators = list(Indicator.objects.order_by("code"))
    indicator = next((i for i in indicators if i.code == request.GET.get("indicator")), None)
    if indicator is not None:
        children = [n for n in nodes if n.path.startswith(node.path) and n.depth == node.depth + 1]
        rows = calc.report_table(
            line=line, nodes=[node, *children], indicators=[indicator], period=period
        )
    else:
        rows = calc.report_table(line=line, nodes=[node], indicators=indicators, period=period)
    headers = [
        _("Đơn vị"),
        _("Chỉ tiêu"),
        _("Đơn vị tính"),
        _("Kỳ trước"),
        _("Kỳ này"),
        _("Cùng kỳ năm trước"),
        _("So với kỳ trước (%)"),
        _("So với cùng kỳ (%)"),
        _("Lũy kế từ đầu năm"),
        _("Lũy kế so với cùng kỳ (%)"),
        _("Kế hoạch năm"),
        _("Lũy kế so với kế hoạch (%)"),
    ]
    table = [
        [
            r.node.name,
            r.indicator.name,
            r.indicator.unit_of_measure,
            _export_num(r.previous),
            _export_num(r.this),
            _export_num(r.last_year),
            _export_num(r.pct_previous, 1),
            _export_num(r.pct_last_year, 1),
            _export_num(r.ytd),
            _export_num(r.pct_ytd_last_year, 1),
            _export_num(r.plan),
            _export_num(r.pct_plan, 1),
        ]
        for r in rows
    ]
    recent = list(reversed(periods[:12]))
    if indicator is not None and request.GET.get("table") == "series":
        asked = _by_period(line, node, indicator, recent)
        exported = _export(
            request, asked["headers"], asked["export"], f"ktxh_{indicator.code}_theo_ky"
        )
        if exported is not None:
            return exported
    exported = _export(request, headers, table, f"ktxh_{period.code}")
    if exported is not None:
        return exported
    chart: dict[str, Any] | None = None
    bar: dict[str, Any] | None = None
    pie: dict[str, Any] | None = None
    by_period: dict[str, Any] | None = None
    if indicator is not None:
        by_period = _by_period(line, node, indicator, recent)
        values = by_period["total"]
        chart = {
            "kind": "line",
            "labels": [p.label for p in recent],
            "series": [
                {"name": indicator.name, "data": [None if v is None else float(v) for v in values]}
            ],
        }
        bar = {
            "kind": "bar",
            "labels": [r.node.name for r in rows[1:]],
            "series": [
                {
                    "name": _("Kỳ này"),
                    "data": [None if r.this is None else float(r.this) for r in rows[1:]],
                },
                {
                    "name": _("Cùng kỳ năm trước"),
                    "data": [None if r.last_year is None else float(r.last_year) for r in rows[1:]],
                },
            ],
        }
        pie = {
            "kind": "pie",
            "labels": [],
            "series": [
                {"name": name, "data": float(value)}
                for name, value in calc.by_breakdown(
                    line=line, node=node, indicator=indicator, period=period
                )
            ],
        }
    tree_day, tree_total, tree_error = None, None, ""
    raw_day = str(request.GET.get("tree_day", ""))
    if indicator is not None and raw_day:
        try:
            tree_day = dt.date.fromisoformat(raw_day)
        except ValueError:
            tree_error = _("Ngày “%(raw)s” không hợp lệ.") % {"raw": raw_day[:20]}
        else:
            tree_total = calc.total_on_tree_as_of(
                indicator=indicator, period=period, root=node, day=tree_day
            )
    stacked: dict[str, Any] | None = None
    if indicator is not None and by_period is not None:
        by_cell = by_period["cells"]
        stacked = {
            "kind": "stacked",
            "labels": [p.label for p in recent],
            "series": [
                {"name": name, "data": [None if v is None else float(v) for v in values]}
                for name, values in by_cell
            ],
        }
    display = [
        {
            "row": r,
            "cells": [
                _num(r.previous, r.indicator.decimals),
                _num(r.this, r.indicator.decimals),
                _num(r.last_year, r.indicator.decimals),
                _num(r.pct_previous, 1),
                _num(r.pct_last_year, 1),
                _num(r.ytd, r.indicator.decimals),
                _num(r.pct_ytd_last_year, 1),
                _num(r.plan, r.indicator.decimals),
                _num(r.pct_plan, 1),
            ],
        }
        for r in rows
    ]
    return render(
        request,
        "reporting/analysis.html",
        {
            "nodes": nodes,
            "node": node,
            "line": line,
            "lines": Line.choices,
            "frequency": frequency,
            "frequencies": Frequency.choices,
            "periods": periods,
            "period": period,
            "indicators": indicators,
            "indicator": indicator,
            "display": display,
            "headers": headers[3:],
            "chart": chart,
            "bar": bar if bar and bar["labels"] else None,
            "pie": pie if pie and pie["series"] else None,
            "stacked": stacked if stacked and stacked["series"] else None,
            "by_period": by_period,
            "tree_sum": indicator is not None
            and not indicator.formula
            and indicator.aggregation == Aggregation.SUM,
            "tree_day": tree_day,
            "tree_total": _num(tree_total, indicator.decimals) if indicator else "",
            "tree_error": tree_error,
            "error": error,
            "query": request.GET.urlencode(),
        },
    )


@login_required
def timeliness_view(request: HttpRequest) -> HttpResponse:
    """Completeness (required cells filled) and timeliness against the regime's deadline."""
    _require_analyst(request)
    forms = list(ReportForm.objects.filter(active=True))
    if not forms:
        raise Http404
    form = next((f for f in forms if f.code == request.GET.get("form")), forms[0])
    periods = recent_periods(form.frequency, local_today(), count=12)
    period = next((p for p in periods if p.code == request.GET.get("period")), periods[0])
    scope = access.analysis_scope(request.user)
    rows = [
        r
        for r in queries.timeliness(form, period)
        if scope.contains(r.unit) or scope.contains(form.receiving_unit)
    ]
    headers = [
        _("Đơn vị"),
        _("Trạng thái"),
        _("Hạn gửi"),
        _("Ngày gửi"),
        _("Đúng hạn"),
        _("Ô đã nhập"),
        _("Ô bắt buộc"),
        _("Tỷ lệ đầy đủ (%)"),
    ]
    table = [
        [
            r.unit.name,
            r.state,
            r.due,
            r.submitted_on,
            "" if r.on_time is None else (_("Đúng hạn") if r.on_time else _("Trễ hạn")),
            r.filled,
            r.required,
            r.completeness,
        ]
        for r in rows
    ]
    exported = _export(request, headers, table, f"kip_thoi_{form.code}_{period.code}")
    if exported is not None:
        return exported
    chart = {
        "kind": "bar",
        "labels": [r.unit.name for r in rows],
        "series": [{"name": _("Tỷ lệ đầy đủ (%)"), "data": [r.completeness or 0 for r in rows]}],
    }
    submitted = [r for r in rows if r.submitted_on is not None]
    return render(
        request,
        "reporting/timeliness.html",
        {
            "forms": forms,
            "form": form,
            "periods": periods,
            "period": period,
            "rows": rows,
            "chart": chart,
            "expected": len(rows),
            "submitted": len(submitted),
            "on_time": sum(1 for r in submitted if r.on_time),
            "query": request.GET.urlencode(),
        },
    )


@login_required
def ledger(request: HttpRequest) -> HttpResponse:
    """The data-volume ledger for the finance department: frozen entries, current and
    back-entered data apart."""
    _require_analyst(request)
    scope = access.analysis_scope(request.user)
    entries = list(
        LedgerEntry.objects.filter(superseded_at__isnull=True)
        .filter(scope.q("unit__"))
        .select_related("form", "unit", "period")
        .order_by("unit__name", "period__start")[:5000]
    )
    headers = [
        _("Đơn vị"),
        _("Biểu"),
        _("Kỳ"),
        _("Loại số liệu"),
        _("Số ô được chấp nhận"),
        _("Chốt lúc"),
    ]
    table = [
        [
            e.unit.name,
            e.form.code,
            e.period.code,
            _("Nhập bù các năm trước") if e.is_backfill else _("Số liệu kỳ hiện hành"),
            e.value_count,
            e.frozen_at.date(),
        ]
        for e in entries
    ]
    exported = _export(request, headers, table, "so_khoi_luong_so_lieu")
    if exported is not None:
        return exported
    return render(
        request,
        "reporting/ledger.html",
        {
            "entries": entries,
            "current_total": sum(e.value_count for e in entries if not e.is_backfill),
            "backfill_total": sum(e.value_count for e in entries if e.is_backfill),
        },
    )
