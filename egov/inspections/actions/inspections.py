"""An inspection's life: start (the checklist is built), conclude (the report is issued),
follow-up, close (only when every finding is closed)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from egov.audit import service as audit
from egov.inspections import access
from egov.inspections import audit_names as names
from egov.inspections.actions._common import actor_or_none, refuse
from egov.inspections.actions.checklist import build_checklist
from egov.inspections.choices import FindingState, InspectionState, PlanState, Result
from egov.inspections.models import Inspection, InspectionTransition
from egov.lib.dates import local_today
from egov.lib.errors import ActionError

#: The moves allowed, from each state.
MOVES: dict[str, tuple[str, ...]] = {
    InspectionState.PLANNED: (InspectionState.IN_PROGRESS,),
    InspectionState.IN_PROGRESS: (InspectionState.CONCLUDED,),
    InspectionState.CONCLUDED: (InspectionState.FOLLOW_UP, InspectionState.CLOSED),
    InspectionState.FOLLOW_UP: (InspectionState.CLOSED,),
    InspectionState.CLOSED: (),
}


def _lock(inspection: Inspection) -> Inspection:
    locked: Inspection = (
        Inspection.objects.select_for_update(of=("self",))
        .select_related("plan", "agency")
        .get(pk=inspection.pk)
    )
    return locked


def _move(inspection: Inspection, to_state: str, *, actor: Any, note: str = "") -> None:
    from_state = inspection.state
    if to_state not in MOVES[from_state]:
        raise ActionError(
            _("Không thể chuyển cuộc kiểm tra từ “%(from)s” sang “%(to)s”.")
            % {
                "from": InspectionState(from_state).label,
                "to": InspectionState(to_state).label,
            },
            code="wrong_transition",
        )
    inspection.state = to_state
    InspectionTransition.objects.create(
        inspection=inspection,
        from_state=from_state,
        to_state=to_state,
        actor=actor_or_none(actor),
        at=timezone.now(),
        note=note,
    )
    audit.record(
        action=names.INSPECTION_TRANSITION,
        actor=actor_or_none(actor),
        obj=inspection,
        unit_id=inspection.agency_id,
        before={"state": from_state},
        after={"state": to_state},
        note=note,
    )


@transaction.atomic
def start_inspection(
    *,
    actor: Any,
    inspection: Inspection,
    on: dt.date | None = None,
    skip_access_check: bool = False,
) -> Inspection:
    """Planned → in progress, on ``on`` (today by default). The plan must be approved. The
    checklist is built now: the oversight indicators over the plan's period, the agency
    website's seed-003 sections, the configured items."""
    if not skip_access_check and not access.can_conduct(actor, inspection):
        raise refuse()
    inspection = _lock(inspection)
    if inspection.plan.state != PlanState.APPROVED:
        raise ActionError(
            _("Kế hoạch kiểm tra chưa được phê duyệt; chưa thể bắt đầu kiểm tra."),
            code="plan_not_approved",
        )
    _move(inspection, InspectionState.IN_PROGRESS, actor=actor)
    inspection.started_on = on or local_today()
    inspection.save(update_fields=["state", "started_on"])
    build_checklist(inspection)
    return inspection


@transaction.atomic
def conclude_inspection(
    *,
    actor: Any,
    inspection: Inspection,
    conclusion: str,
    on: dt.date | None = None,
    skip_access_check: bool = False,
) -> Inspection:
    """In progress → concluded: every checklist item has a result and the conclusion is
    written; the report (biên bản) can be printed from now on."""
    if not skip_access_check and not access.can_conduct(actor, inspection):
        raise refuse()
    inspection = _lock(inspection)
    if inspection.state == InspectionState.IN_PROGRESS:
        pending = inspection.items.filter(result=Result.PENDING).count()
        if pending:
            raise ActionError(
                _("Còn %(n)s nội dung kiểm tra chưa đánh giá; chưa thể kết luận.") % {"n": pending},
                code="items_pending",
            )
        if not conclusion.strip():
            raise ActionError(
                _("Nhập nội dung kết luận kiểm tra."),
                code="conclusion_required",
                field="conclusion",
            )
    _move(inspection, InspectionState.CONCLUDED, actor=actor)
    inspection.conclusion = conclusion.strip()
    inspection.concluded_on = on or local_today()
    inspection.save(update_fields=["state", "conclusion", "concluded_on"])
    return inspection


@transaction.atomic
def begin_follow_up(
    *, actor: Any, inspection: Inspection, skip_access_check: bool = False
) -> Inspection:
    """Concluded → follow-up: the agency fixes its findings and reports."""
    if not skip_access_check and not access.can_conduct(actor, inspection):
        raise refuse()
    inspection = _lock(inspection)
    _move(inspection, InspectionState.FOLLOW_UP, actor=actor)
    inspection.save(update_fields=["state"])
    return inspection


@transaction.atomic
def close_inspection(
    *, actor: Any, inspection: Inspection, note: str = "", skip_access_check: bool = False
) -> Inspection:
    """Concluded or follow-up → closed, only when every finding is closed."""
    if not skip_access_check and not access.can_conduct(actor, inspection):
        raise refuse()
    inspection = _lock(inspection)
    if inspection.state in MOVES and InspectionState.CLOSED in MOVES[inspection.state]:
        still_open = inspection.findings.exclude(state=FindingState.CLOSED).count()
        if still_open:
            raise ActionError(
                _("Còn %(n)s tồn tại chưa khắc phục xong; chưa thể kết thúc cuộc kiểm tra.")
                % {"n": still_open},
                code="findings_open",
            )
    _move(inspection, InspectionState.CLOSED, actor=actor, note=note.strip())
    inspection.save(update_fields=["state"])
    return inspection
