from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from egov.audit.service import record, snapshot
from egov.lib.errors import ActionError
from egov.organisations import access, audit_names
from egov.organisations.actions._common import require_active, require_manage
from egov.organisations.choices import Role
from egov.organisations.models import OrgUnit, RoleAssignment

ROLE_FIELDS = ("user", "role", "unit", "covers_subtree", "valid_from", "valid_to")


@transaction.atomic
def grant_role(
    *,
    actor: Any,
    user: Any,
    role: str,
    unit: OrgUnit,
    valid_from: dt.date,
    covers_subtree: bool = False,
    valid_to: dt.date | None = None,
    skip_access_check: bool = False,
) -> RoleAssignment:
    """Give ``user`` ``role`` at ``unit``. Only system administrators grant the system
    administrator role; unit administrators grant roles inside their own scope."""
    require_manage(actor, unit, skip=skip_access_check)
    if role == Role.SYSTEM_ADMIN and not skip_access_check and not access.is_system_admin(actor):
        raise PermissionDenied("only system administrators grant that role")
    require_active(unit, valid_from, field="unit")
    if valid_to is not None and valid_to <= valid_from:
        raise ActionError(
            _("Ngày kết thúc phải sau ngày bắt đầu."), code="period_reversed", field="valid_to"
        )
    duplicate = RoleAssignment.objects.filter(
        user=user, role=role, unit=unit, valid_to__isnull=True
    ).exists()
    if duplicate:
        raise ActionError(
            _("Tài khoản đã có vai trò này tại đơn vị."), code="role_already_granted", field="role"
        )
    assignment = RoleAssignment.objects.create(
        user=user,
        role=role,
        unit=unit,
        covers_subtree=covers_subtree,
        valid_from=valid_from,
        valid_to=valid_to,
        granted_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    access.forget_cached_assignments(user)
    record(
        action=audit_names.ROLE_GRANT,
        actor=actor,
        obj=assignment,
        unit_id=unit.pk,
        after=snapshot(assignment, ROLE_FIELDS),
    )
    return assignment


@transaction.atomic
def revoke_role(
    *,
    actor: Any,
    assignment: RoleAssignment,
    effective_date: dt.date,
    skip_access_check: bool = False,
) -> RoleAssignment:
    require_manage(actor, assignment.unit, skip=skip_access_check)
    assignment = RoleAssignment.objects.select_for_update().get(pk=assignment.pk)
    if assignment.valid_to is not None and assignment.valid_to <= effective_date:
        raise ActionError(_("Quyền này đã hết hiệu lực."), code="role_already_ended")
    if effective_date <= assignment.valid_from:
        assignment.valid_to = assignment.valid_from + dt.timedelta(days=1)
    else:
        assignment.valid_to = effective_date
    assignment.save(update_fields=["valid_to"])
    access.forget_cached_assignments(assignment.user)
    record(
        action=audit_names.ROLE_REVOKE,
        actor=actor,
        obj=assignment,
        unit_id=assignment.unit_id,
        after={"valid_to": assignment.valid_to.isoformat()},
    )
    return assignment
