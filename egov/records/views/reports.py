"""Printing registers and reports for a period and an agency."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from egov.lib.dates import local_today
from egov.records import access
from egov.records.actions.exports import print_report
from egov.records.forms import ReportForm

MEDIA = {
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@login_required
def reports(request: HttpRequest) -> HttpResponse:
    units = access.office_units(request.user)
    if not units:
        raise PermissionDenied
    today = local_today()
    form = ReportForm(
        request.GET if "kind" in request.GET else None,
        units=units,
        initial={
            "unit": units[0].pk,
            "date_from": dt.date(today.year, 1, 1),
            "date_to": today,
            "fmt": "pdf",
        },
    )
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        try:
            content = print_report(
                actor=request.user,
                kind=data["kind"],
                unit=data["unit"],
                start=data["date_from"],
                end=data["date_to"],
                fmt=data["fmt"],
            )
        except PermissionDenied as exc:
            raise Http404 from exc
        response = HttpResponse(content, content_type=MEDIA[data["fmt"]])
        name = f"{data['kind']}-{data['date_from']:%Y%m%d}-{data['date_to']:%Y%m%d}.{data['fmt']}"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    return render(request, "records/reports.html", {"form": form})
