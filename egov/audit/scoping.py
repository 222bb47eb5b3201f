"""Which audit events a user may read. The organisation registry, which knows the access
policy, registers the resolver (and a provider of unit labels for the screen's filter) when
it starts; without one only superusers read events.

The audit app sits below the organisation registry, so it knows units only by id. The
registry tells it, per user, which unit ids are readable (``None`` meaning every unit) and,
for those ids, a :class:`UnitChoice` each: a label, and a tree key with which the screen
selects a unit together with its subordinate units without a further query.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from egov.audit.models import AuditEvent

UnitScope = Callable[[Any], list[int] | None]


@dataclass(frozen=True)
class UnitChoice:
    """A unit as the audit screen offers it in its filter."""

    id: int
    label: str
    #: 1 for a root unit, 2 for its children, and so on; indents the choice.
    depth: int
    #: The keys of a unit's descendants start with the unit's key; sorting by key gives
    #: the tree order.
    tree_key: str


UnitLabels = Callable[[list[int] | None], list[UnitChoice]]

_resolver: list[UnitScope] = []
_labels: list[UnitLabels] = []


def register_unit_scope(resolver: UnitScope, *, labels: UnitLabels | None = None) -> None:
    """Install the resolver of readable unit ids and, optionally, the provider of their
    labels (called with the resolver's answer). Registering again replaces both."""
    _resolver[:] = [resolver]
    _labels[:] = [labels] if labels is not None else []


@dataclass(frozen=True)
class AuditScope:
    """What one user may read: every event, or the events of some units."""

    everything: bool
    unit_ids: tuple[int, ...]

    @property
    def can_read(self) -> bool:
        return self.everything or bool(self.unit_ids)

    def events(self) -> QuerySet[AuditEvent]:
        if self.everything:
            return AuditEvent.objects.all()
        if not self.unit_ids:
            return AuditEvent.objects.none()
        return AuditEvent.objects.filter(unit_id__in=self.unit_ids)

    def unit_choices(self) -> list[UnitChoice]:
        """The readable units, in tree order, labelled; empty without a labels provider."""
        if not self.can_read or not _labels:
            return []
        choices = _labels[0](None if self.everything else list(self.unit_ids))
        return sorted(choices, key=lambda choice: choice.tree_key)


_NOTHING = AuditScope(everything=False, unit_ids=())


def audit_scope(user: Any) -> AuditScope:
    """The user's audit scope. Not cached: a view resolves it once and keeps the result,
    so a role granted later in the same request is never hidden by a stale answer."""
    if not getattr(user, "is_authenticated", False):
        return _NOTHING
    if user.is_superuser:
        return AuditScope(everything=True, unit_ids=())
    if not _resolver:
        return _NOTHING
    unit_ids = _resolver[0](user)
    if unit_ids is None:
        return AuditScope(everything=True, unit_ids=())
    return AuditScope(everything=False, unit_ids=tuple(unit_ids))


def events_visible_to(user: Any) -> QuerySet[AuditEvent]:
    return audit_scope(user).events()


def can_read_audit(user: Any) -> bool:
    return audit_scope(user).can_read
