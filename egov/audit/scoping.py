"""Which audit events a user may read. The organisation registry, which knows the access
policy, registers the resolver when it starts; without one only superusers read events."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import QuerySet

from egov.audit.models import AuditEvent

UnitScope = Callable[[Any], list[int] | None]
_resolver: list[UnitScope] = []


def register_unit_scope(resolver: UnitScope) -> None:
    _resolver[:] = [resolver]


def events_visible_to(user: Any) -> QuerySet[AuditEvent]:
    if not getattr(user, "is_authenticated", False):
        return AuditEvent.objects.none()
    if user.is_superuser:
        return AuditEvent.objects.all()
    if not _resolver:
        return AuditEvent.objects.none()
    unit_ids = _resolver[0](user)
    if unit_ids is None:
        return AuditEvent.objects.all()
    return AuditEvent.objects.filter(unit_id__in=unit_ids)


def can_read_audit(user: Any) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    return bool(_resolver) and _resolver[0](user) != []
