"""Hand-over reminders (Phụ lục VI III.5: warn 30 days before a file is due): run daily
with ``manage.py send_handover_reminders`` next to the e-office's deadline reminders."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from egov.accounts.notify import notify
from egov.audit.service import record
from egov.documents import queries as doc_queries
from egov.lib.dates import local_today
from egov.records import audit_names
from egov.records import constants as c
from egov.records.choices import FileStatus
from egov.records.models import CaseFile


@transaction.atomic
def send_handover_reminders(*, today: dt.date | None = None) -> int:
    """Tell the owner and the agency's clerks of each closed file whose hand-over is due
    within ``HANDOVER_WARNING_DAYS`` days (or overdue), once a week at most per file.
    Returns the notifications sent."""
    today = today or local_today()
    horizon = today + dt.timedelta(days=c.HANDOVER_WARNING_DAYS)
    week_ago = today - dt.timedelta(days=7)
    files = (
        CaseFile.objects.select_for_update(of=("self",), skip_locked=True)
        .filter(status=FileStatus.CLOSED, handover_due__lte=horizon)
        .exclude(handover_reminded_on__gt=week_ago)
        .select_related("unit", "owner")
    )
    sent = 0
    for case_file in files:
        assert case_file.handover_due is not None  # filtered above  # noqa: S101
        overdue = case_file.handover_due < today
        text = (
            _("Quá hạn nộp lưu hồ sơ %(code)s (hạn %(date)s): %(title)s")
            if overdue
            else _("Sắp đến hạn nộp lưu hồ sơ %(code)s (hạn %(date)s): %(title)s")
        ) % {
            "code": case_file.code,
            "date": case_file.handover_due.strftime("%d/%m/%Y"),
            "title": case_file.title[:200],
        }
        people: list[Any] = [case_file.owner, *doc_queries.clerks_of(case_file.unit)]
        url = reverse("records:file_detail", args=[case_file.pk])
        sent += notify(people, text=text, url=url, urgent=overdue)
        case_file.handover_reminded_on = today
        case_file.save(update_fields=["handover_reminded_on"])
    if sent:
        record(
            action=audit_names.HANDOVER_REMIND,
            actor=None,
            object_type="records.casefile",
            note=f"{sent} reminders on {today.isoformat()}",
        )
    return sent
