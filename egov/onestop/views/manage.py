"""The catalogue (list, import), figures and the national feed."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from egov.lib import tabular
from egov.lib.errors import ActionError
from egov.onestop import access, queries
from egov.onestop.actions import procedures as procedure_actions
from egov.onestop.forms import ImportForm
from egov.onestop.models import Procedure

FEED_LIMIT = 100


@login_required
def procedure_list(request: HttpRequest) -> HttpResponse:
    if not access.is_officer(request.user):
        raise PermissionDenied
    qs = queries.procedures_public(request.GET.get("q", "")).prefetch_related("agencies")[:300]
    return render(
        request,
        "onestop/procedure_list.html",
        {
            "procedures": qs,
            "q": request.GET.get("q", ""),
            "can_import": access.can_manage_catalogue(request.user),
        },
    )


@login_required
def procedure_import(request: HttpRequest) -> HttpResponse:
    if not access.can_manage_catalogue(request.user):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            content = tabular.upload_content(upload)
            report = procedure_actions.import_procedures(
                actor=request.user, content=content, filename=upload.name or ""
            )
        except ActionError as error:
            form.add_action_error(error)
    return render(request, "onestop/procedure_import.html", {"form": form, "report": report})


@login_required
def statistics(request: HttpRequest) -> HttpResponse:
    if not access.is_officer(request.user):
        raise PermissionDenied
    qs = queries.stats_scope(request.user)
    figures = queries.figures(qs)
    agencies, procedures, indicators = figures.agencies, figures.procedures, figures.indicators
    if request.GET.get("export") == "xlsx":
        headers = [
            _("Cơ quan / thủ tục"),
            _("Trước hạn"),
            _("Đúng hạn"),
            _("Trễ hạn"),
            _("Đang quá hạn"),
            _("Tỷ lệ đúng hạn (%)"),
        ]
        rows: list[list[tabular.CellValue]] = [
            [r.label, r.early, r.on_time, r.late, r.open_overdue, round(r.on_time_rate, 1)]
            for r in [*agencies, *procedures]
        ]
        rows += [[f"QĐ 766 · {i.name}", "", "", "", "", round(i.points, 2)] for i in indicators]
        response = HttpResponse(
            tabular.write_xlsx(headers, rows, sheet_title="Thong ke"),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = 'attachment; filename="thong-ke-mot-cua.xlsx"'
        return response
    chart = {
        "kind": "bar",
        "labels": [r.label for r in agencies],
        "series": [
            {"name": _("Trước hạn"), "data": [r.early for r in agencies]},
            {"name": _("Đúng hạn"), "data": [r.on_time for r in agencies]},
            {"name": _("Trễ hạn"), "data": [r.late for r in agencies]},
        ],
    }
    chart_766 = {
        "kind": "bar",
        "labels": [i.name for i in indicators],
        "series": [{"name": _("Điểm"), "data": [round(i.points, 2) for i in indicators]}],
    }
    return render(
        request,
        "onestop/statistics.html",
        {
            "agencies": agencies,
            "procedures": procedures,
            "indicators": indicators,
            "total_points": round(sum(i.points for i in indicators), 2),
            "chart": chart,
            "chart_766": chart_766,
        },
    )


@login_required
def national_feed(request: HttpRequest) -> JsonResponse:
    """Status changes in the national portal's shape, after ``cursor`` (a row id)."""
    if not access.is_officer(request.user):
        raise PermissionDenied
    try:
        after = max(0, int(request.GET.get("cursor", "0")))
    except ValueError:
        return JsonResponse({"error": _("cursor phải là số.")}, status=400)
    items = queries.national_feed(request.user, after=after, limit=FEED_LIMIT)
    next_cursor = items[-1]["cursor"] if len(items) == FEED_LIMIT else None
    return JsonResponse(
        {"data": items, "next_cursor": next_cursor},
        json_dumps_params={"ensure_ascii": False},
    )


__all__ = ["Procedure", "national_feed", "procedure_import", "procedure_list", "statistics"]
