"""The KT-XH work page: forms to fill, reports waiting for review, back-entry."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from egov.lib.dates import local_today
from egov.lib.errors import ActionError
from egov.organisations.models import OrgUnit
from egov.reporting import access, queries
from egov.reporting.actions import entry
from egov.reporting.models import Period, ReportForm, Submission
from egov.reporting.periods import due_date, period_from_code, recent_periods


@login_required
def work(request: HttpRequest) -> HttpResponse:
    if not access.uses_reporting(request.user) and not access.entry_scope(request.user).everywhere:
        raise Http404
    today = local_today()
    assignments = list(queries.forms_to_enter(request.user))
    existing = {
        (s.form_id, s.unit_id, s.period_id): s
        for s in Submission.objects.filter(
            form_id__in={a.form_id for a in assignments},
            unit_id__in={a.unit_id for a in assignments},
        )
    }
    to_fill = []
    periods_by_frequency: dict[str, list[Period]] = {}
    for assignment in assignments:
        frequency = assignment.form.frequency
        if frequency not in periods_by_frequency:
            periods_by_frequency[frequency] = recent_periods(frequency, today, count=3)
        for period in periods_by_frequency[frequency]:
            to_fill.append(
                {
                    "form": assignment.form,
                    "unit": assignment.unit,
                    "period": period,
                    "due": due_date(assignment.form, period),
                    "submission": existing.get((assignment.form_id, assignment.unit_id, period.pk)),
                }
            )
    return render(
        request,
        "reporting/work.html",
        {
            "to_fill": to_fill,
            "review": list(queries.review_queue(request.user)[:100]),
            "assignments": assignments,
            "today": today,
        },
    )


@login_required
@require_POST
def open_report(request: HttpRequest) -> HttpResponse:
    """Open (or reach) a unit's report of a form for a period, current or back-entry."""
    form_raw, unit_raw = request.POST.get("form", ""), request.POST.get("unit", "")
    if "assignment" in request.POST:
        form_raw, _sep, unit_raw = request.POST["assignment"].partition(":")
    if not (form_raw.isdigit() and unit_raw.isdigit()):
        raise Http404
    form = get_object_or_404(ReportForm, pk=int(form_raw))
    unit = get_object_or_404(OrgUnit, pk=int(unit_raw))
    if not access.can_enter(request.user, unit):
        raise Http404
    backfill = request.POST.get("backfill") == "1"
    try:
        period = period_from_code(request.POST.get("period", ""))
        submission = entry.open_submission(
            actor=request.user,
            form=form,
            unit=unit,
            period=period,
            backfill=backfill,
            provenance=request.POST.get("provenance", ""),
        )
    except ActionError as error:
        messages.error(request, error.messages[0])
        return redirect("reporting:work")
    except PermissionDenied as exc:
        raise Http404 from exc
    if backfill and not submission.is_backfill:
        messages.warning(request, _("Kỳ này đã có báo cáo thường; đang mở báo cáo đó."))
    return redirect("reporting:submission", pk=submission.pk)
