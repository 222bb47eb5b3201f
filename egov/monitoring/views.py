"""Oversight pages: the provincial dashboard, an agency's dashboard, the targets."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from egov.lib.dates import local_today
from egov.lib.errors import ActionError
from egov.lib.tabular import write_xlsx
from egov.monitoring import access, actions, indicators, queries
from egov.monitoring.choices import Group
from egov.monitoring.indicators import Period
from egov.monitoring.models import Target
from egov.organisations.models import OrgUnit

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CHART_CODE = "edoc_electronic_share"
#: The dashboard's choice showing every indicator at once (thirty columns and more).
ALL_GROUPS = "all"


def _groups() -> dict[str, list[str]]:
    """The indicator codes of each group that has some, in the order of ``Group``."""
    found: dict[str, list[str]] = {}
    for key in Group.values:
        codes = [code for code, i in indicators.INDICATORS.items() if i.group == key]
        if codes:
            found[key] = codes
    return found


def _year(request: HttpRequest) -> int:
    try:
        year = int(request.GET.get("year") or local_today().year)
    except ValueError:
        return local_today().year
    return year if 2000 <= year <= 2100 else local_today().year


def _years() -> range:
    today = local_today().year
    return range(today, today - 5, -1)


def _xlsx(name: str, headers: list[str], rows: list[list[Any]]) -> HttpResponse:
    response = HttpResponse(write_xlsx(headers, rows, sheet_title=name), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    return response


#: Agencies per page of the dashboard (the province has thousands of units at full scale;
#: the XLSX export has them all).
PAGE_ROWS = 100


def _cell(value: float | None) -> float | str:
    return _("không có dữ liệu") if value is None else value


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """Every agency the viewer may see, one row each (the province first for provincial
    viewers), one column per indicator; sortable by any indicator."""
    if not access.can_view(request.user):
        raise Http404
    year = _year(request)
    period = Period.year(year)
    province = access.sees_province(request.user)
    agencies_seen = list(access.visible_agencies(request.user))
    if request.GET.get("format") == "xlsx":  # every indicator, every agency
        rows = queries.table(agencies_seen, period, province=province)
        headers = [_("Cơ quan")] + [str(i.name) for i in indicators.INDICATORS.values()]
        return _xlsx(
            f"giam-sat-{year}",
            headers,
            [
                [r.unit.name if r.unit else _("Toàn tỉnh")] + [_cell(m.value) for m in r.measures]
                for r in rows
            ],
        )
    groups = _groups()
    group = request.GET.get("group", "")
    if group != ALL_GROUPS and group not in groups:
        group = next(iter(groups))
    codes = list(indicators.INDICATORS) if group == ALL_GROUPS else groups[group]
    rows = queries.table(agencies_seen, period, province=province, codes=codes)
    sort = request.GET.get("sort", "")
    if sort in codes:
        index = codes.index(sort)
        descending = request.GET.get("dir") != "asc"
        head, body = (rows[:1], rows[1:]) if province else ([], rows)
        with_data = [r for r in body if r.measures[index].value is not None]
        without = [r for r in body if r.measures[index].value is None]
        with_data.sort(key=lambda r: r.measures[index].value or 0.0, reverse=descending)
        rows = head + with_data + without
    else:
        sort = ""
    head, body = (rows[:1], rows[1:]) if province else ([], rows)
    page = Paginator(body, PAGE_ROWS).get_page(request.GET.get("page"))
    rows = head + list(page.object_list)
    agencies = [r for r in rows if r.unit is not None]
    # The chart follows the table: the sorted indicator, else the group's first one.
    chart_code = sort or (CHART_CODE if CHART_CODE in codes else codes[0])
    chart_index = codes.index(chart_code)
    chart = {
        "labels": [r.unit.short_name or r.unit.name for r in agencies if r.unit],
        "values": [r.measures[chart_index].value for r in agencies],
        "target": next(
            (
                float(m.target)
                for r in rows
                for m in r.measures[chart_index : chart_index + 1]
                if m.target is not None
            ),
            None,
        ),
        "name": str(indicators.INDICATORS[chart_code].name),
        "target_name": _("Mục tiêu"),
    }
    return render(
        request,
        "monitoring/dashboard.html",
        {
            "rows": rows,
            "indicators": [indicators.INDICATORS[code] for code in codes],
            "groups": [(key, Group(key).label) for key in groups],
            "group": group,
            "all_groups": ALL_GROUPS,
            "year": year,
            "years": _years(),
            "sort": sort,
            "dir": request.GET.get("dir", "desc"),
            "chart": chart,
            "can_set_targets": access.can_set_targets(request.user),
            "province": province,
            "page": page,
        },
    )


@login_required
def agency(request: HttpRequest, pk: int) -> HttpResponse:
    """One agency: each indicator with its definition, target and distance to it, and the
    electronic-document share month by month."""
    unit = access.get_agency_for_user(request.user, pk)
    year = _year(request)
    measures = queries.measures(unit, Period.year(year))
    if request.GET.get("format") == "xlsx":
        return _xlsx(
            f"giam-sat-{unit.pk}-{year}",
            [_("Chỉ tiêu"), _("Giá trị"), _("Mục tiêu"), _("Khoảng cách đến mục tiêu")],
            [
                [
                    str(m.indicator.name),
                    _cell(m.value),
                    float(m.target) if m.target is not None else "",
                    _cell(m.gap) if m.target is not None else "",
                ]
                for m in measures
            ],
        )
    today = local_today()
    last_month = today.month if year == today.year else 12
    trend = queries.trend(CHART_CODE, unit, year, last_month)
    labels = [f"{n:02d}/{year}" for n in range(1, last_month + 1)]
    chart = {
        "labels": labels,
        "values": [m.value for m in trend],
        "target": next((float(m.target) for m in trend if m.target is not None), None),
        "name": str(indicators.INDICATORS[CHART_CODE].name),
        "target_name": _("Mục tiêu"),
    }
    return render(
        request,
        "monitoring/agency.html",
        {
            "unit": unit,
            "measures": measures,
            "trend": list(zip(labels, trend, strict=True)),
            "year": year,
            "years": _years(),
            "chart": chart,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def targets(request: HttpRequest) -> HttpResponse:
    """The targets in force, and (for system administrators) the form to set one."""
    if not access.can_view(request.user):
        raise Http404
    can_set = access.can_set_targets(request.user)
    errors: dict[str, str] = {}
    values = request.POST if request.method == "POST" else {}
    if request.method == "POST":
        if not can_set:
            raise Http404
        errors, target_args = _parse_target(request.POST)
        if not errors:
            try:
                actions.set_target(actor=request.user, **target_args)
            except ActionError as exc:
                errors["value"] = " ".join(exc.messages)
            else:
                messages.success(request, _("Đã lưu mục tiêu."))
                return redirect("monitoring:targets")
    rows = Target.objects.select_related("unit").order_by("indicator_code", "unit__path", "year")
    return render(
        request,
        "monitoring/targets.html",
        {
            "rows": [(indicators.INDICATORS.get(t.indicator_code), t) for t in rows],
            "indicators": list(indicators.INDICATORS.values()),
            "agencies": access.visible_agencies(request.user) if can_set else [],
            "can_set": can_set,
            "errors": errors,
            "values": values,
        },
        status=400 if errors else 200,
    )


def _parse_target(data: Any) -> tuple[dict[str, str], dict[str, Any]]:
    errors: dict[str, str] = {}
    args: dict[str, Any] = {"indicator_code": data.get("indicator", "")}
    if args["indicator_code"] not in indicators.INDICATORS:
        errors["indicator"] = _("Chọn một chỉ tiêu.")
    try:
        args["value"] = Decimal(data.get("value", "").replace(",", "."))
        if not args["value"].is_finite():
            raise InvalidOperation
    except InvalidOperation:
        errors["value"] = _("Nhập mục tiêu là một số, ví dụ 50 hoặc 12,5.")
    unit_id = data.get("unit", "")
    args["unit"] = None
    if unit_id:
        args["unit"] = OrgUnit.objects.filter(pk=unit_id).first() if unit_id.isdigit() else None
        if args["unit"] is None:
            errors["unit"] = _("Chọn một cơ quan trong danh sách.")
    year = data.get("year", "").strip()
    args["year"] = None
    if year:
        if not year.isdigit():
            errors["year"] = _("Năm là số có bốn chữ số, ví dụ 2026; để trống nếu áp dụng mọi năm.")
        else:
            args["year"] = int(year)
    args["source"] = data.get("source", "").strip()[:300]
    return errors, args


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@login_required
def report(request: HttpRequest) -> HttpResponse:
    """The six-monthly or yearly report for the province (provincial viewers), as DOCX to
    edit and sign through the e-office, or as PDF."""
    from egov.monitoring import reports

    if not access.sees_province(request.user):
        raise Http404
    year = _year(request)
    kind = reports.HALF if request.GET.get("kind") == reports.HALF else reports.YEAR
    fmt = request.GET.get("format")
    if fmt in ("docx", "pdf"):
        data = reports.report_data(kind, year)
        name = f"bao-cao-cntt-{'6-thang-' if kind == reports.HALF else ''}{year}"
        if fmt == "docx":
            response = HttpResponse(reports.docx_bytes(data), content_type=DOCX)
        else:
            response = HttpResponse(reports.pdf_bytes(data), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
        return response
    return render(
        request, "monitoring/report.html", {"year": year, "years": _years(), "kind": kind}
    )
