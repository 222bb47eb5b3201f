"""Writing inspection plans: create, add team members and agencies, approve."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from egov.audit import service as audit
from egov.inspections import access, queries
from egov.inspections import audit_names as names
from egov.inspections.actions._common import actor_or_none, refuse
from egov.inspections.choices import InspectionState, PlanState
from egov.inspections.models import (
    Inspection,
    InspectionTransition,
    Plan,
    PlanMember,
    PlanTransition,
)
from egov.lib.errors import ActionError
from egov.organisations.choices import UnitKind
from egov.organisations.models import OrgUnit

INSPECTED_KINDS = (UnitKind.AGENCY, UnitKind.DISTRICT_COMMITTEE, UnitKind.COMMUNE_COMMITTEE)


def _forget_nav_sets() -> None:
    """Now, and once the transaction commits (a request reading in between refills them)."""
    queries.forget_nav_sets()
    transaction.on_commit(queries.forget_nav_sets)


def _require_draft(plan: Plan) -> None:
    if plan.state != PlanState.DRAFT:
        raise ActionError(
            _("Kế hoạch đã được phê duyệt, không thể sửa đổi."), code="plan_not_draft"
        )


@transaction.atomic
def create_plan(
    *,
    actor: Any,
    year: int,
    number: str,
    title: str,
    purpose: str,
    period_from: dt.date,
    period_to: dt.date,
    leader: Any,
    skip_access_check: bool = False,
) -> Plan:
    """A draft plan led by ``leader`` (the first team member). Only provincial inspectors
    create plans."""
    if not skip_access_check and not access.can_create_plans(actor):
        raise refuse()
    number, title = number.strip(), title.strip()
    if not number:
        raise ActionError(_("Nhập số, ký hiệu kế hoạch."), code="number_required", field="number")
    if not title:
        raise ActionError(_("Nhập tên kế hoạch."), code="title_required", field="title")
    if not 2000 <= year <= 2100:
        raise ActionError(_("Năm kế hoạch không hợp lệ."), code="bad_year", field="year")
    if period_to < period_from:
        raise ActionError(
            _("Thời kỳ kiểm tra: ngày kết thúc phải sau ngày bắt đầu."),
            code="bad_period",
            field="period_to",
        )
    if Plan.objects.filter(year=year, number=number).exists():
        raise ActionError(
            _("Số kế hoạch “%(number)s” đã dùng trong năm %(year)s.")
            % {"number": number, "year": year},
            code="number_taken",
            field="number",
        )
    if leader is None or not getattr(leader, "is_active", False):
        raise ActionError(_("Chọn trưởng đoàn kiểm tra."), code="leader_required", field="leader")
    plan = Plan.objects.create(
        year=year,
        number=number,
        title=title,
        purpose=purpose.strip(),
        period_from=period_from,
        period_to=period_to,
        created_by=actor_or_none(actor),
        created_at=timezone.now(),
    )
    PlanMember.objects.create(plan=plan, user=leader, is_leader=True)
    PlanTransition.objects.create(
        plan=plan,
        from_state="",
        to_state=PlanState.DRAFT,
        actor=actor_or_none(actor),
        at=plan.created_at,
    )
    _forget_nav_sets()
    audit.record(
        action=names.PLAN_CREATE,
        actor=actor_or_none(actor),
        obj=plan,
        after={"number": number, "year": year, "leader": leader.pk},
    )
    return plan


@transaction.atomic
def add_member(*, actor: Any, plan: Plan, user: Any, skip_access_check: bool = False) -> PlanMember:
    if not skip_access_check and not access.can_change_plan(actor, plan):
        raise refuse()
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    _require_draft(plan)
    if user is None or not getattr(user, "is_active", False):
        raise ActionError(_("Chọn thành viên tổ kiểm tra."), code="member_required", field="user")
    if plan.members.filter(user=user).exists():
        raise ActionError(
            _("%(name)s đã là thành viên tổ kiểm tra.") % {"name": user.get_full_name() or user},
            code="member_exists",
            field="user",
        )
    member = PlanMember.objects.create(plan=plan, user=user)
    _forget_nav_sets()
    audit.record(
        action=names.PLAN_CHANGE, actor=actor_or_none(actor), obj=plan, after={"member": user.pk}
    )
    return member


@transaction.atomic
def add_agency(
    *,
    actor: Any,
    plan: Plan,
    agency: OrgUnit,
    scheduled_on: dt.date,
    skip_access_check: bool = False,
) -> Inspection:
    """Schedule the inspection of ``agency`` on ``scheduled_on`` (a day of the plan's year)."""
    if not skip_access_check and not access.can_change_plan(actor, plan):
        raise refuse()
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    _require_draft(plan)
    if agency.kind not in INSPECTED_KINDS or agency.valid_to is not None:
        raise ActionError(
            _("“%(name)s” không phải là cơ quan được kiểm tra.") % {"name": agency.name},
            code="not_an_agency",
            field="agency",
        )
    if scheduled_on.year != plan.year:
        raise ActionError(
            _("Ngày kiểm tra phải thuộc năm %(year)s của kế hoạch.") % {"year": plan.year},
            code="date_outside_year",
            field="scheduled_on",
        )
    if plan.inspections.filter(agency=agency).exists():
        raise ActionError(
            _("“%(name)s” đã có trong kế hoạch.") % {"name": agency.name},
            code="agency_exists",
            field="agency",
        )
    try:
        with transaction.atomic():
            inspection = Inspection.objects.create(
                plan=plan, agency=agency, scheduled_on=scheduled_on
            )
    except IntegrityError as exc:  # a concurrent request added it first
        raise ActionError(
            _("“%(name)s” đã có trong kế hoạch.") % {"name": agency.name},
            code="agency_exists",
            field="agency",
        ) from exc
    InspectionTransition.objects.create(
        inspection=inspection,
        from_state="",
        to_state=InspectionState.PLANNED,
        actor=actor_or_none(actor),
        at=timezone.now(),
    )
    audit.record(
        action=names.PLAN_CHANGE,
        actor=actor_or_none(actor),
        obj=plan,
        unit_id=agency.pk,
        after={"agency": agency.pk, "scheduled_on": scheduled_on.isoformat()},
    )
    return inspection


@transaction.atomic
def approve_plan(
    *, actor: Any, plan: Plan, note: str = "", skip_access_check: bool = False
) -> Plan:
    """Draft → approved; the plan needs at least one agency. Approved plans are shown to the
    inspected agencies."""
    if not skip_access_check and not access.can_change_plan(actor, plan):
        raise refuse()
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    if plan.state != PlanState.DRAFT:
        raise ActionError(_("Kế hoạch đã được phê duyệt."), code="already_approved")
    if not plan.inspections.exists():
        raise ActionError(
            _("Kế hoạch chưa có cơ quan nào được kiểm tra."), code="no_agencies", field="agency"
        )
    plan.state = PlanState.APPROVED
    plan.save(update_fields=["state"])
    PlanTransition.objects.create(
        plan=plan,
        from_state=PlanState.DRAFT,
        to_state=PlanState.APPROVED,
        actor=actor_or_none(actor),
        at=timezone.now(),
        note=note.strip(),
    )
    _forget_nav_sets()
    audit.record(
        action=names.PLAN_APPROVE,
        actor=actor_or_none(actor),
        obj=plan,
        before={"state": PlanState.DRAFT},
        after={"state": PlanState.APPROVED},
        note=note.strip(),
    )
    return plan
