"""Recomputing the live totals after a reorganisation (a merger or split moves where old
data belongs). Data arriving never needs this: approvals update the totals themselves."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from egov.audit.service import record
from egov.organisations import access as org_access
from egov.reporting import audit_names
from egov.reporting.actions import _aggregates
from egov.reporting.actions._common import require
from egov.reporting.models import AggregateValue, DataValue


@transaction.atomic
def rebuild_aggregates(*, actor: Any, skip_access_check: bool = False) -> int:
    """Empty the totals and count every counted value again on today's tree. Returns the
    number of values counted."""
    if not skip_access_check:
        require(org_access.is_system_admin(actor), "system administrator required")
    AggregateValue.objects.all().delete()
    values = list(DataValue.objects.filter(counted_value__isnull=False).select_related("period"))
    for value in values:
        value.counted_value = None
    _aggregates.count(values)
    record(
        action=audit_names.AGGREGATES_REBUILD,
        actor=actor,
        object_type="reporting.aggregatevalue",
        object_repr="aggregates",
        after={"values": len(values)},
    )
    return len(values)
