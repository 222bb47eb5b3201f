from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from egov.audit.service import record
from egov.lib.errors import ActionError, PermissionDenied
from egov.monitoring import access, indicators
from egov.monitoring.audit_names import TARGET_SET
from egov.monitoring.choices import Unit
from egov.monitoring.models import Target
from egov.organisations.models import OrgUnit

FIRST_YEAR = 2000
LAST_YEAR = 2100


@transaction.atomic
def set_target(
    *,
    actor: Any,
    indicator_code: str,
    value: Decimal,
    unit: OrgUnit | None = None,
    year: int | None = None,
    source: str = "",
    skip_access_check: bool = False,
) -> Target:
    """Set (or change) the target of an indicator for the province (``unit`` None) or one
    agency, for one year or standing (``year`` None). Preconditions: the actor is a system
    administrator; the indicator exists; a percentage lies between 0 and 100."""
    if not skip_access_check and not access.can_set_targets(actor):
        raise PermissionDenied(_("Chỉ quản trị hệ thống được đặt mục tiêu."))
    indicator = indicators.get(indicator_code)
    if indicator is None:
        raise ActionError(
            _("Không có chỉ tiêu mã “%(code)s”.") % {"code": indicator_code},
            code="unknown_indicator",
        )
    if value < 0 or (indicator.unit == Unit.PERCENT and value > 100):
        raise ActionError(
            _("Mục tiêu của chỉ tiêu tính theo % phải từ 0 đến 100."), code="target_out_of_range"
        )
    if year is not None and not FIRST_YEAR <= year <= LAST_YEAR:
        raise ActionError(
            _("Năm phải từ %(first)s đến %(last)s.") % {"first": FIRST_YEAR, "last": LAST_YEAR},
            code="bad_year",
        )
    target = (
        Target.objects.select_for_update()
        .filter(indicator_code=indicator_code, unit=unit, year=year)
        .first()
    )
    before = {"value": str(target.value)} if target is not None else None
    if target is None:
        target = Target(indicator_code=indicator_code, unit=unit, year=year)
    target.value = value
    target.source = source
    target.set_by = actor
    target.save()
    record(
        action=TARGET_SET,
        actor=actor,
        obj=target,
        unit_id=unit.pk if unit is not None else None,
        before=before,
        after={"value": str(value), "year": year, "indicator": indicator_code},
    )
    return target
