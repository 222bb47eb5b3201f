from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from egov.lib.errors import ActionError
from egov.organisations import access
from egov.organisations.models import OrgUnit


def require_manage(actor: Any, unit: OrgUnit | None, *, skip: bool) -> None:
    """Raise PermissionDenied unless ``actor`` administers ``unit`` (None: the whole tree)."""
    if skip:
        return
    if unit is None:
        if not access.is_system_admin(actor):
            raise PermissionDenied("system administrator required")
    elif not access.can_manage_unit(actor, unit):
        raise PermissionDenied("unit administrator required")


def require_active(unit: OrgUnit, day: dt.date, *, field: str | None = None) -> None:
    """The unit must exist and not be dissolved on ``day``."""
    if not unit.is_active_on(day):
        if unit.valid_to is not None and day >= unit.valid_to:
            raise ActionError(
                _("Đơn vị “%(unit)s” đã giải thể hoặc sáp nhập từ ngày %(date)s.")
                % {"unit": unit.name, "date": unit.valid_to.strftime("%d/%m/%Y")},
                code="unit_dissolved",
                field=field,
            )
        raise ActionError(
            _("Đơn vị “%(unit)s” chỉ có hiệu lực từ ngày %(date)s.")
            % {"unit": unit.name, "date": unit.valid_from.strftime("%d/%m/%Y")},
            code="unit_not_yet_valid",
            field=field,
        )


def fresh(unit: OrgUnit) -> OrgUnit:
    """Re-read a unit locked for update: treebeard moves rewrite paths under our feet."""
    locked: OrgUnit = OrgUnit.objects.select_for_update().get(pk=unit.pk)
    return locked
