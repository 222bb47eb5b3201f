"""Deadline reminders: run once a day or more often (``manage.py send_document_reminders``,
started hourly by ``tools/serve.py`` and by cron or a systemd timer in production)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from egov.accounts.notify import notify
from egov.audit.service import record
from egov.documents import audit_names, constants, queries
from egov.documents.actions.incoming import document_url
from egov.documents.choices import OPEN_ASSIGNMENT_STATUSES, AssignmentRole
from egov.documents.models import Assignment
from egov.lib.dates import local_today
from egov.workcalendar.queries import add_working_days


def _holders(assignment: Assignment) -> list[Any]:
    if assignment.assignee_user is not None:
        return [assignment.assignee_user]
    if assignment.assignee_unit is None:
        return []
    return queries.leaders_of(assignment.assignee_unit, secrecy=assignment.document.secrecy)


@transaction.atomic
def send_deadline_reminders(*, today: dt.date | None = None) -> int:
    """Tell the holders of open assignments whose deadline is near (within
    ``DUE_SOON_WORKING_DAYS`` working days) or passed, at most once a day each; tell the
    assigner once when an assignment becomes overdue. Returns the reminders sent."""
    today = today or local_today()
    horizon = add_working_days(today, constants.DUE_SOON_WORKING_DAYS)
    due = (
        Assignment.objects.select_for_update(of=("self",), skip_locked=True)
        .filter(
            status__in=OPEN_ASSIGNMENT_STATUSES,
            role__in=[AssignmentRole.LEAD, AssignmentRole.SUPPORT],
            due_date__lte=horizon,
        )
        .filter(Q(reminded_on__isnull=True) | Q(reminded_on__lt=today))
        .select_related("document", "assignee_user", "assignee_unit", "assigned_by")
    )
    sent = 0
    for assignment in due:
        document = assignment.document
        assert assignment.due_date is not None  # filtered above  # noqa: S101
        overdue = assignment.due_date < today
        text = (
            _("Quá hạn xử lý (hạn %(date)s): %(subject)s")
            if overdue
            else _("Sắp đến hạn xử lý (hạn %(date)s): %(subject)s")
        ) % {"date": assignment.due_date.strftime("%d/%m/%Y"), "subject": document.subject[:200]}
        sent += notify(_holders(assignment), text=text, url=document_url(document), urgent=overdue)
        fields = ["reminded_on"]
        assignment.reminded_on = today
        if overdue and not assignment.overdue_notified:
            sent += notify([assignment.assigned_by], text=text, url=document_url(document))
            assignment.overdue_notified = True
            fields.append("overdue_notified")
        assignment.save(update_fields=fields)
    if sent:
        record(
            action=audit_names.REMINDERS_SEND,
            actor=None,
            object_type="documents.assignment",
            note=f"{sent} reminders on {today.isoformat()}",
        )
    return sent
