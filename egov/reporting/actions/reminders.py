"""Reminders before a report's deadline: the unit's KT-XH reporters get a notification for
each assigned form whose report for a period due within ``days_ahead`` days has not been
sent (none, still being entered, or returned)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from egov.accounts.notify import notify
from egov.audit.models import AuditEvent
from egov.audit.service import record
from egov.organisations.choices import Role
from egov.organisations.models import RoleAssignment
from egov.reporting import audit_names
from egov.reporting.choices import SubmissionState
from egov.reporting.models import FormAssignment, ReportForm, Submission
from egov.reporting.periods import due_date, recent_periods

UNSENT = (SubmissionState.DRAFT, SubmissionState.RETURNED)


@transaction.atomic
def send_deadline_reminders(*, today: dt.date, days_ahead: int = 3) -> int:
    """A system job (no actor). Returns the number of notifications sent. Once a day: the
    scheduler may run it every hour, and a second run on the same day sends nothing."""
    if AuditEvent.objects.filter(
        action=audit_names.REMINDERS_SEND, after__day=today.isoformat()
    ).exists():
        return 0
    sent = 0
    for form in ReportForm.objects.filter(active=True):
        for period in recent_periods(form.frequency, today, count=2):
            due = due_date(form, period)
            if not today <= due <= today + dt.timedelta(days=days_ahead):
                continue
            units = list(
                FormAssignment.objects.filter(form=form, valid_from__lte=today)
                .filter(Q(valid_to__isnull=True) | Q(valid_to__gt=today))
                .values_list("unit_id", flat=True)
            )
            sent_units = set(
                Submission.objects.filter(form=form, period=period, unit_id__in=units)
                .exclude(state__in=UNSENT)
                .values_list("unit_id", flat=True)
            )
            waiting = [u for u in units if u not in sent_units]
            reporters = (
                RoleAssignment.objects.filter(
                    role=Role.REPORTER, unit_id__in=waiting, valid_from__lte=today
                )
                .filter(Q(valid_to__isnull=True) | Q(valid_to__gt=today))
                .select_related("user")
            )
            text = _("Biểu %(form)s kỳ %(period)s phải gửi trước ngày %(due)s.") % {
                "form": form.code,
                "period": period.label,
                "due": due.strftime("%d/%m/%Y"),
            }
            sent += notify([a.user for a in reporters], text=text, url=reverse("reporting:work"))
    record(
        action=audit_names.REMINDERS_SEND,
        actor=None,
        object_type="reporting.reportform",
        object_repr="reminders",
        after={"day": today.isoformat(), "sent": sent},
    )
    return sent
