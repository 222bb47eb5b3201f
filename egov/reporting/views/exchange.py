"""Exchange files for system administrators: exports of approved data (SDMX, DXF2, ADX)
and imports (DXF2, ADX, GSO PX-Web is by command) with an element-by-element report."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from egov.lib.errors import ActionError
from egov.lib.tabular import upload_content
from egov.organisations import access as org_access
from egov.reporting.actions.exchange import ImportReportError, import_observations
from egov.reporting.exchange import adx, dxf2, sdmx
from egov.reporting.exchange.export import ExportRow, rows, sdmx_observations
from egov.reporting.exchange.observations import Observation, to_adx_period, to_dhis2_period

READERS: dict[str, Callable[[bytes], list[Observation]]] = {
    "dxf2-json": dxf2.parse_json,
    "dxf2-xml": dxf2.parse_xml,
    "dxf2-csv": dxf2.parse_csv,
    "adx": adx.parse,
}


def _require_admin(request: HttpRequest) -> None:
    if not org_access.is_system_admin(request.user):
        raise Http404


def _dxf2_rows(data: list[ExportRow]) -> list[tuple[str, str, str, str, str, str]]:
    return [
        (
            r.indicator,
            to_dhis2_period(r.frequency, r.year, r.number),
            r.unit,
            r.combo,
            format(r.value.normalize(), "f"),
            "",
        )
        for r in data
        if r.frequency != "nine_months"
    ]


def _adx_groups(data: list[ExportRow]) -> list[adx.Group]:
    groups: dict[tuple[str, str], list[tuple[str, dict[str, str], str]]] = {}
    for r in data:
        key = (r.unit, to_adx_period(r.frequency, r.year, r.number))
        groups.setdefault(key, []).append(
            (r.indicator, dict(r.options), format(r.value.normalize(), "f"))
        )
    return [(unit, period, "KTXH", values) for (unit, period), values in groups.items()]


EXPORTS: dict[str, tuple[str, str]] = {
    "sdmx-structure": ("application/xml", "ktxh_structure.xml"),
    "sdmx-generic": ("application/xml", "ktxh_generic.xml"),
    "sdmx-specific": ("application/xml", "ktxh_structure_specific.xml"),
    "sdmx-csv": ("text/csv", "ktxh_sdmx.csv"),
    "dxf2-json": ("application/json", "ktxh_dxf2.json"),
    "dxf2-xml": ("application/xml", "ktxh_dxf2.xml"),
    "dxf2-csv": ("text/csv", "ktxh_dxf2.csv"),
    "adx": ("application/adx+xml", "ktxh.adx.xml"),
}


def _render_export(fmt: str, data: list[ExportRow]) -> bytes:
    if fmt.startswith("sdmx"):
        observations, lists = sdmx_observations(data)
        if fmt == "sdmx-structure":
            return sdmx.structure_message(lists)
        if fmt == "sdmx-generic":
            return sdmx.generic_data(observations)
        if fmt == "sdmx-specific":
            return sdmx.structure_specific_data(observations)
        return sdmx.sdmx_csv(observations)
    if fmt == "adx":
        return adx.write(_adx_groups(data))
    writer = {"dxf2-json": dxf2.write_json, "dxf2-xml": dxf2.write_xml, "dxf2-csv": dxf2.write_csv}[
        fmt
    ]
    return writer(_dxf2_rows(data))


@login_required
def exchange(request: HttpRequest) -> HttpResponse:
    _require_admin(request)
    fmt = request.GET.get("export", "")
    if fmt in EXPORTS:
        content_type, name = EXPORTS[fmt]
        response = HttpResponse(_render_export(fmt, list(rows())), content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    problems = []
    if request.method == "POST":
        reader = READERS.get(request.POST.get("format", ""))
        file = request.FILES.get("file")
        if reader is None or file is None:
            messages.error(request, _("Hãy chọn định dạng và tệp cần nhập."))
            return redirect("reporting:exchange")
        try:
            written = import_observations(
                actor=request.user,
                observations=reader(upload_content(file)),
                source_name=file.name or "",
                approve=request.POST.get("approve") == "1",
                backfill=request.POST.get("backfill") == "1",
                provenance=request.POST.get("provenance", ""),
            )
        except ImportReportError as exc:
            problems = exc.problems
            messages.error(request, exc.messages[0])
        except ActionError as exc:
            messages.error(request, exc.messages[0])
        else:
            messages.success(request, _("Đã nhập %(n)s giá trị.") % {"n": written})
            return redirect("reporting:exchange")
    return render(
        request,
        "reporting/exchange.html",
        {"exports": EXPORTS, "readers": READERS, "problems": problems},
        status=422 if problems else 200,
    )
