"""Reading the audit log: the filters of the audit screen and its export."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import QuerySet

from egov.audit.models import AuditEvent
from egov.audit.scoping import UnitChoice
from egov.lib.dates import BUSINESS_TZ


@dataclass(frozen=True)
class EventFilter:
    """What the audit screen narrows the list to; every field is optional."""

    unit_ids: tuple[int, ...] | None = None
    username: str = ""
    object_type: str = ""
    object_id: str = ""
    action: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None

    def apply(self, events: QuerySet[AuditEvent]) -> QuerySet[AuditEvent]:
        if self.unit_ids is not None:
            events = events.filter(unit_id__in=self.unit_ids)
        if self.username:
            events = events.filter(actor_label__icontains=self.username)
        if self.object_type:
            events = events.filter(object_type=self.object_type)
        if self.object_id:
            events = events.filter(object_id=self.object_id)
        if self.action:
            events = events.filter(action=self.action)
        if self.date_from is not None:
            events = events.filter(at__gte=start_of_business_day(self.date_from))
        if self.date_to is not None:
            next_day = self.date_to + dt.timedelta(days=1)
            events = events.filter(at__lt=start_of_business_day(next_day))
        return events


def start_of_business_day(day: dt.date) -> dt.datetime:
    """Midnight in Vietnam at the start of ``day``, as an aware datetime."""
    return dt.datetime.combine(day, dt.time.min, tzinfo=BUSINESS_TZ)


def unit_with_subordinates(choices: Sequence[UnitChoice], unit_id: int) -> tuple[int, ...]:
    """The ids of a unit and of every unit under it, among the units offered."""
    chosen = next((choice for choice in choices if choice.id == unit_id), None)
    if chosen is None:
        return ()
    return tuple(c.id for c in choices if c.tree_key.startswith(chosen.tree_key))
