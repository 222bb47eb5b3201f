from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from egov.audit.service import record, snapshot
from egov.lib.errors import ActionError
from egov.organisations import access
from egov.workcalendar import audit_names
from egov.workcalendar.models import DayOverride
from egov.workcalendar.queries import forget_overrides


def _require_admin(actor: Any, skip: bool) -> None:
    if not skip and not access.is_system_admin(actor):
        raise PermissionDenied("system administrator required")


@transaction.atomic
def set_day_override(
    *,
    actor: Any,
    date: dt.date,
    is_working_day: bool,
    note: str,
    skip_access_check: bool = False,
) -> DayOverride:
    """Make ``date`` a working day or a day off for every deadline computed from now on.
    Deadlines already given (printed on a receipt, set on an assignment) do not move."""
    _require_admin(actor, skip_access_check)
    note = note.strip()
    if not note:
        raise ActionError(_("Hãy ghi lý do điều chỉnh."), code="note_required", field="note")
    before = DayOverride.objects.filter(date=date).first()
    override, _created = DayOverride.objects.update_or_create(
        date=date,
        defaults={
            "is_working_day": is_working_day,
            "note": note,
            "created_by": actor if getattr(actor, "is_authenticated", False) else None,
        },
    )
    fields = ("date", "is_working_day", "note")
    record(
        action=audit_names.DAY_OVERRIDE_SET,
        actor=actor,
        obj=override,
        before=snapshot(before, fields) if before else None,
        after=snapshot(override, fields),
    )
    transaction.on_commit(forget_overrides)
    return override


@transaction.atomic
def remove_day_override(
    *, actor: Any, override: DayOverride, skip_access_check: bool = False
) -> None:
    _require_admin(actor, skip_access_check)
    before = snapshot(override, ("date", "is_working_day", "note"))
    record(
        action=audit_names.DAY_OVERRIDE_REMOVE,
        actor=actor,
        object_type="workcalendar.dayoverride",
        object_id=str(override.pk),
        object_repr=str(override),
        before=before,
    )
    override.delete()
    transaction.on_commit(forget_overrides)
