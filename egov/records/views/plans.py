"""The annual file plan: see it and import it from a spreadsheet."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from egov.lib import tabular
from egov.lib.dates import local_today
from egov.lib.errors import ActionError
from egov.records import access, queries
from egov.records.actions.plans import PlanImport, import_file_plan
from egov.records.forms import PlanImportForm


@login_required
def plan(request: HttpRequest) -> HttpResponse:
    units = access.office_units(request.user)
    if not units:
        raise PermissionDenied
    today = local_today()
    form = PlanImportForm(
        request.POST or None,
        request.FILES or None,
        units=units,
        initial={"unit": units[0].pk, "year": today.year},
    )
    report: PlanImport | None = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            content = tabular.upload_content(data["file"])
            report = import_file_plan(
                actor=request.user,
                unit=data["unit"],
                year=data["year"],
                content=content,
                filename=data["file"].name or "",
            )
        except ActionError as error:
            form.add_error("file", error.messages)
        except PermissionDenied as exc:
            raise Http404 from exc
    try:
        unit_id = int(request.GET.get("unit") or (form.data.get("unit") or units[0].pk))
        year = int(request.GET.get("year") or form.data.get("year") or today.year)
    except ValueError as exc:
        raise Http404 from exc
    unit = next((u for u in units if u.pk == unit_id), units[0])
    return render(
        request,
        "records/plan.html",
        {
            "form": form,
            "report": report,
            "unit": unit,
            "year": year,
            "plan": queries.plan_for(unit, year),
            "units": units,
            "summary_title": _("Danh mục chưa được nhập"),
        },
    )
