"""The year plan (kế hoạch năm): a grid of a unit and the units under it by indicators,
each cell saved as it is left (htmx), the whole grid posted without JavaScript, and the
same table as an XLSX to download and upload, all or nothing with a cell-by-cell report.
Every write goes through :mod:`egov.reporting.actions.plans`."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from egov.lib.dates import local_today
from egov.lib.errors import ActionError
from egov.organisations.models import OrgUnit
from egov.reporting import plan_grid
from egov.reporting.actions import plans
from egov.reporting.actions.upload import CellReportError
from egov.reporting.models import Indicator, ReportForm
from egov.reporting.numbers import format_number


def _units_or_404(request: HttpRequest, year: int) -> list[OrgUnit]:
    if year not in plans.plan_years():
        raise Http404
    units = plan_grid.planned_units(request.user)
    if not units:
        raise Http404
    return units


def _choice(request: HttpRequest, units: list[OrgUnit]) -> tuple[OrgUnit, ReportForm | None]:
    source = request.POST if request.method == "POST" else request.GET
    node = next((u for u in units if str(u.pk) == source.get("node")), units[0])
    forms = ReportForm.objects.filter(active=True).order_by("code")
    code = source.get("form")
    form = None if code == "" else next((f for f in forms if f.code == code), forms.first())
    return node, form


def _shown(value: Any, indicator: Indicator) -> str:
    if value is None:
        return ""
    exponent = value.normalize().as_tuple().exponent
    own = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return format_number(value, max(indicator.decimals, own))


def _grid(sheet: plan_grid.PlanSheet, posted: dict[str, Any] | None = None) -> list[Any]:
    rows = []
    for row in sheet.rows:
        cells = []
        for indicator, value in zip(sheet.indicators, row.values, strict=True):
            name = f"p-{row.unit.pk}-{indicator.pk}"
            shown = posted[name] if posted and name in posted else _shown(value, indicator)
            cells.append({"indicator": indicator, "unit": row.unit, "shown": shown, "name": name})
        rows.append({"unit": row.unit, "key": row.key, "cells": cells})
    return rows


def _page(
    request: HttpRequest,
    year: int,
    units: list[OrgUnit],
    *,
    problems: list[Any] | None = None,
    posted: dict[str, Any] | None = None,
) -> HttpResponse:
    node, form = _choice(request, units)
    sheet = plan_grid.build_sheet(year=year, node=node, units=units, form=form)
    query = {"node": node.pk, "form": form.code if form else ""}
    return render(
        request,
        "reporting/plans.html",
        {
            "year": year,
            "years": list(reversed(plans.plan_years())),
            "units": units,
            "node": node,
            "form": form,
            "forms": ReportForm.objects.filter(active=True).order_by("code"),
            "sheet": sheet,
            "rows": _grid(sheet, posted),
            "problems": problems,
            "query": urlencode(query),
        },
        status=422 if problems else 200,
    )


@login_required
def plans_home(request: HttpRequest) -> HttpResponse:
    """This year's plan, or the year, unit and indicators chosen in the filters."""
    raw = request.GET.get("year", "")
    year = int(raw) if raw.isdigit() and int(raw) in plans.plan_years() else local_today().year
    _units_or_404(request, year)
    query = urlencode({k: request.GET[k] for k in ("node", "form") if k in request.GET})
    target = reverse("reporting:plans", kwargs={"year": year})
    return redirect(f"{target}?{query}" if query else target)


@login_required
def plans_page(request: HttpRequest, year: int) -> HttpResponse:
    units = _units_or_404(request, year)
    return _page(request, year, units)


@login_required
def plan_cell(request: HttpRequest, year: int) -> HttpResponse:
    """htmx: save one plan cell; answer the cell, with its error if refused (422)."""
    if request.method != "POST":
        raise Http404
    _units_or_404(request, year)
    try:
        indicator_id = int(request.POST.get("indicator", ""))
        unit_id = int(request.POST.get("unit", ""))
    except ValueError as exc:
        raise Http404 from exc
    indicator = Indicator.objects.filter(pk=indicator_id).first()
    unit = OrgUnit.objects.filter(pk=unit_id).first()
    if indicator is None or unit is None:
        raise Http404
    name = f"p-{unit_id}-{indicator_id}"
    raw = request.POST.get(name, request.POST.get("value", ""))
    error = ""
    try:
        value = plans.save_plan_cell(
            actor=request.user, year=year, indicator_id=indicator_id, unit_id=unit_id, raw=raw
        )
        shown = _shown(value, indicator)
    except ActionError as exc:
        error, shown = exc.messages[0], raw
    except PermissionDenied as exc:
        raise Http404 from exc
    html = render_to_string(
        "reporting/_plan_cell.html",
        {
            "cell": {"indicator": indicator, "unit": unit, "shown": shown, "name": name},
            "year": year,
            "error": error,
        },
        request=request,
    )
    return HttpResponse(html, status=422 if error else 200)


def _back(year: int, request: HttpRequest) -> HttpResponse:
    query = urlencode({"node": request.POST.get("node", ""), "form": request.POST.get("form", "")})
    return redirect(f"{reverse('reporting:plans', kwargs={'year': year})}?{query}")


@login_required
def plan_grid_save(request: HttpRequest, year: int) -> HttpResponse:
    """The grid posted whole (works without JavaScript): every cell or none."""
    if request.method != "POST":
        raise Http404
    units = _units_or_404(request, year)
    by_pk = {u.pk: u for u in OrgUnit.objects.filter(pk__in=_posted_ids(request, 1))}
    indicators = Indicator.objects.in_bulk(_posted_ids(request, 2))
    cells, posted = [], {}
    for name in request.POST:
        parts = name.split("-")
        if len(parts) != 3 or parts[0] != "p" or not (parts[1].isdigit() and parts[2].isdigit()):
            continue
        unit, indicator = by_pk.get(int(parts[1])), indicators.get(int(parts[2]))
        if unit is None or indicator is None:
            raise Http404
        posted[name] = request.POST[name]
        cells.append(
            plans.PlanCell(
                f"{indicator.code} — {unit.name}",
                plans.unit_key(unit),
                indicator.code,
                request.POST[name],
            )
        )
    try:
        changed = plans.save_plans(actor=request.user, year=year, cells=cells)
    except CellReportError as exc:
        return _page(request, year, units, problems=exc.problems, posted=posted)
    except ActionError as exc:
        messages.error(request, exc.messages[0])
        return _back(year, request)
    except PermissionDenied as exc:
        raise Http404 from exc
    messages.success(request, _("Đã lưu kế hoạch: %(n)s ô thay đổi.") % {"n": changed})
    return _back(year, request)


def _posted_ids(request: HttpRequest, index: int) -> set[int]:
    found = set()
    for name in request.POST:
        parts = name.split("-")
        if len(parts) == 3 and parts[0] == "p" and parts[index].isdigit():
            found.add(int(parts[index]))
    return found


@login_required
def plan_xlsx(request: HttpRequest, year: int) -> HttpResponse:
    units = _units_or_404(request, year)
    node, form = _choice(request, units)
    sheet = plan_grid.build_sheet(year=year, node=node, units=units, form=form)
    response = HttpResponse(
        plan_grid.build_xlsx(sheet),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    name = f"ke_hoach_{year}_{node.organ_code or node.pk}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def plan_upload(request: HttpRequest, year: int) -> HttpResponse:
    if request.method != "POST":
        raise Http404
    units = _units_or_404(request, year)
    file = request.FILES.get("file")
    if file is None:
        messages.error(request, _("Hãy chọn tệp Excel kế hoạch năm."))
        return _back(year, request)
    try:
        cells = plan_grid.read_xlsx(file, year=year)
        changed = plans.save_plans(actor=request.user, year=year, cells=cells, source="xlsx")
    except CellReportError as exc:
        return _page(request, year, units, problems=exc.problems)
    except ActionError as exc:
        messages.error(request, exc.messages[0])
        return _back(year, request)
    except PermissionDenied as exc:
        raise Http404 from exc
    messages.success(
        request, _("Đã nhận tệp kế hoạch: %(n)s ô kế hoạch thay đổi.") % {"n": changed}
    )
    return _back(year, request)
