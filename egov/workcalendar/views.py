"""The administrators' calendar screen: the year's days off and the overrides."""

from __future__ import annotations

import datetime as dt

import holidays
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from egov.lib.dates import local_today
from egov.lib.errors import ActionError
from egov.organisations import access
from egov.workcalendar import actions
from egov.workcalendar.forms import DayOverrideForm
from egov.workcalendar.models import DayOverride


def _require_admin(request: HttpRequest) -> None:
    if not access.is_system_admin(request.user):
        raise Http404


def _year(request: HttpRequest) -> int:
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        return local_today().year
    return year if 2000 <= year <= 2100 else local_today().year


@login_required
def overrides(request: HttpRequest) -> HttpResponse:
    _require_admin(request)
    year = _year(request)
    form = DayOverrideForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.set_day_override(actor=request.user, **form.cleaned_data)
        except ActionError as error:
            form.add_action_error(error)
        else:
            day: dt.date = form.cleaned_data["date"]
            messages.success(
                request, _("Đã lưu điều chỉnh ngày %(date)s.") % {"date": f"{day:%d/%m/%Y}"}
            )
            return redirect(f"{request.path}?year={day.year}")
    public = sorted(holidays.country_holidays("VN", years=year).items())
    return render(
        request,
        "workcalendar/overrides.html",
        {
            "form": form,
            "year": year,
            "public_holidays": public,
            "overrides": DayOverride.objects.filter(date__year=year),
        },
    )


@login_required
@require_POST
def remove(request: HttpRequest, pk: int) -> HttpResponse:
    _require_admin(request)
    override = get_object_or_404(DayOverride, pk=pk)
    year = override.date.year
    actions.remove_day_override(actor=request.user, override=override)
    messages.success(request, _("Đã bỏ điều chỉnh."))
    return redirect(f"/calendar/?year={year}")
