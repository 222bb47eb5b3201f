"""Warning the holding units' officers of dossiers due by the end of the next working day
(once per dossier; a new due date after an apology or a pause warns again)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from egov.audit.service import record
from egov.lib.dates import local_today
from egov.onestop import access, audit_names, deadlines
from egov.onestop.choices import PAUSED_STATUSES, Status
from egov.onestop.models import Dossier
from egov.organisations.models import RoleAssignment
from egov.workcalendar import queries as calendar


def warn_due_soon(*, now: dt.datetime | None = None) -> int:
    """E-mail each unit's officers the list of its dossiers due soon; returns how many
    dossiers were in the warnings."""
    now = now or timezone.now()
    today = local_today()
    horizon = deadlines.end_of(calendar.add_working_days(calendar.next_working_day(today), 1))
    due_soon = (
        Dossier.objects.filter(
            status__in=[Status.RECEIVED, Status.PROCESSING],
            due_at__lte=horizon,
            current_unit__isnull=False,
        )
        .exclude(status__in=PAUSED_STATUSES)
        .filter(Q(warned_at__isnull=True) | Q(warned_at__lt=now - dt.timedelta(days=7)))
        .select_related("current_unit", "procedure")
        .order_by("due_at")
    )
    by_unit: dict[int, list[Dossier]] = defaultdict(list)
    for dossier in due_soon:
        assert dossier.current_unit_id is not None  # filtered above  # noqa: S101
        by_unit[dossier.current_unit_id].append(dossier)
    if not by_unit:
        return 0
    recipients: dict[int, set[str]] = defaultdict(set)
    for unit_id, email in (
        RoleAssignment.objects.filter(
            unit_id__in=by_unit, role__in=access.OFFICER_ROLES, valid_from__lte=today
        )
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gt=today))
        .exclude(user__email="")
        .values_list("unit_id", "user__email")
    ):
        recipients[unit_id].add(email)
    messages = []
    for unit_id, items in by_unit.items():
        if not recipients[unit_id]:
            continue
        lines = [
            _("%(code)s · %(name)s · hạn %(due)s")
            % {
                "code": d.code,
                "name": d.procedure.name,
                "due": deadlines.local(d.due_at).strftime("%H:%M %d/%m/%Y") if d.due_at else "—",
            }
            for d in items
        ]
        subject = _("%(n)s hồ sơ một cửa sắp đến hạn hoặc quá hạn") % {"n": len(items)}
        messages.append(
            (subject, "\n".join(lines), settings.DEFAULT_FROM_EMAIL, sorted(recipients[unit_id]))
        )
    warned = [d.pk for items in by_unit.values() for d in items]
    with transaction.atomic():
        Dossier.objects.filter(pk__in=warned).update(warned_at=now)
        record(
            action=audit_names.DEADLINE_WARN,
            actor=None,
            object_type="onestop.dossier",
            object_repr=_("%(n)s hồ sơ") % {"n": len(warned)},
        )
        transaction.on_commit(lambda: send_mass_mail(messages, fail_silently=False))
    return len(warned)
