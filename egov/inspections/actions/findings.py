"""Findings (tồn tại, hạn chế) and their follow-up: recorded by the inspector, the agency
reports its fix with evidence, the inspector accepts (closed) or reopens with a reason."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from egov.audit import service as audit
from egov.inspections import access
from egov.inspections import audit_names as names
from egov.inspections.actions._common import (
    actor_or_none,
    check_evidence,
    count_check,
    refuse,
    store_evidence,
)
from egov.inspections.choices import DeadlineBasis, FindingState, InspectionState, Severity
from egov.inspections.constants import DEFAULT_FIX_DAYS
from egov.inspections.models import ChecklistItem, Finding, FindingTransition, Inspection
from egov.lib.dates import local_today
from egov.lib.errors import ActionError
from egov.organisations.models import OrgUnit
from egov.workcalendar.queries import add_working_days

RECORDING_STATES = (InspectionState.IN_PROGRESS, InspectionState.CONCLUDED)
ANSWERING_STATES = (InspectionState.CONCLUDED, InspectionState.FOLLOW_UP)


def default_deadline(inspection: Inspection, basis: str = DeadlineBasis.CALENDAR) -> dt.date:
    """Seed 003's 60 days from the inspection day: calendar days by default (the directive
    counts "60 ngày kể từ ngày ban hành"), working days when the inspector chooses them."""
    start = inspection.inspected_on
    if basis == DeadlineBasis.WORKING:
        return add_working_days(start, DEFAULT_FIX_DAYS)
    return start + dt.timedelta(days=DEFAULT_FIX_DAYS)


def _step(finding: Finding, *, action: str, actor: Any, to_state: str, note: str = "") -> None:
    FindingTransition.objects.create(
        finding=finding,
        action=action,
        from_state=finding.state if finding.pk and action != "record" else "",
        to_state=to_state,
        actor=actor_or_none(actor),
        at=timezone.now(),
        note=note,
    )


def _lock(finding: Finding) -> Finding:
    locked: Finding = (
        Finding.objects.select_for_update(of=("self",))
        .select_related("inspection", "inspection__agency", "inspection__plan")
        .get(pk=finding.pk)
    )
    return locked


def _wrong_state(finding: Finding, verb: str) -> ActionError:
    return ActionError(
        _("Không thể %(verb)s tồn tại đang ở trạng thái “%(state)s”.")
        % {"verb": verb, "state": FindingState(finding.state).label},
        code="wrong_transition",
    )


@transaction.atomic
def record_finding(
    *,
    actor: Any,
    inspection: Inspection,
    description: str,
    remedy: str,
    responsible_unit: OrgUnit | None = None,
    severity: str = Severity.MEDIUM,
    item: ChecklistItem | None = None,
    deadline: dt.date | None = None,
    deadline_basis: str = DeadlineBasis.CALENDAR,
    skip_access_check: bool = False,
) -> Finding:
    """A finding of this inspection. The responsible unit is the inspected agency or one of
    its units (the agency in the plan); the deadline defaults to 60 days after the
    inspection day and may not be before it."""
    if not skip_access_check and not access.can_conduct(actor, inspection):
        raise refuse()
    if inspection.state not in RECORDING_STATES:
        raise ActionError(
            _("Chỉ ghi nhận tồn tại khi đang kiểm tra hoặc vừa kết luận (hiện: “%(state)s”).")
            % {"state": InspectionState(inspection.state).label},
            code="not_recording",
        )
    description, remedy = description.strip(), remedy.strip()
    if not description:
        raise ActionError(
            _("Nhập nội dung tồn tại, hạn chế."), code="description_required", field="description"
        )
    if not remedy:
        raise ActionError(_("Nhập yêu cầu khắc phục."), code="remedy_required", field="remedy")
    if severity not in Severity.values:
        raise ActionError(_("Chọn mức độ."), code="bad_severity", field="severity")
    if deadline_basis not in DeadlineBasis.values:
        raise ActionError(_("Chọn cách tính hạn."), code="bad_basis", field="deadline_basis")
    unit = responsible_unit or inspection.agency
    if not unit.path.startswith(inspection.agency.path):
        raise ActionError(
            _("“%(unit)s” không phải cơ quan được kiểm tra trong kế hoạch này (%(agency)s).")
            % {"unit": unit.name, "agency": inspection.agency.name},
            code="unit_not_in_plan",
            field="responsible_unit",
        )
    if item is not None and item.inspection_id != inspection.pk:
        raise ActionError(
            _("Nội dung kiểm tra không thuộc cuộc kiểm tra này."), code="bad_item", field="item"
        )
    if deadline is None:
        deadline = default_deadline(inspection, deadline_basis)
    if deadline < inspection.inspected_on:
        raise ActionError(
            _("Hạn khắc phục (%(deadline)s) không được trước ngày kiểm tra (%(day)s).")
            % {
                "deadline": f"{deadline:%d/%m/%Y}",
                "day": f"{inspection.inspected_on:%d/%m/%Y}",
            },
            code="deadline_before_inspection",
            field="deadline",
        )
    finding = Finding.objects.create(
        inspection=inspection,
        item=item,
        description=description,
        severity=severity,
        remedy=remedy,
        deadline=deadline,
        deadline_basis=deadline_basis,
        responsible_unit=unit,
        created_by=actor_or_none(actor),
        created_at=timezone.now(),
    )
    _step(finding, action="record", actor=actor, to_state=FindingState.OPEN)
    audit.record(
        action=names.FINDING_RECORD,
        actor=actor_or_none(actor),
        obj=finding,
        unit_id=unit.pk,
        after={"deadline": deadline.isoformat(), "severity": severity, "unit": unit.pk},
    )
    return finding


@transaction.atomic
def report_fix(
    *,
    actor: Any,
    finding: Finding,
    note: str,
    uploads: Sequence[Any] = (),
    skip_access_check: bool = False,
) -> Finding:
    """The inspected agency reports how it fixed the finding, with evidence files:
    open → fix reported."""
    if not skip_access_check and not access.can_answer(actor, finding.inspection):
        raise refuse()
    finding = _lock(finding)
    if finding.inspection.state not in ANSWERING_STATES:
        raise ActionError(
            _("Cuộc kiểm tra chưa kết luận hoặc đã kết thúc; chưa thể báo cáo khắc phục."),
            code="not_answering",
        )
    if finding.state != FindingState.OPEN:
        raise _wrong_state(finding, _("báo cáo khắc phục"))
    note = note.strip()
    if not note:
        raise ActionError(_("Nhập nội dung đã khắc phục."), code="fix_note_required", field="note")
    count_check(finding.evidence.count(), len(uploads))
    checked = [check_evidence(upload) for upload in uploads]
    for c in checked:
        store_evidence(c, actor=actor, finding=finding)
    _step(finding, action="report_fix", actor=actor, to_state=FindingState.FIX_REPORTED, note=note)
    finding.state = FindingState.FIX_REPORTED
    finding.save(update_fields=["state"])
    audit.record(
        action=names.FINDING_REPORT_FIX,
        actor=actor_or_none(actor),
        obj=finding,
        unit_id=finding.responsible_unit_id,
        before={"state": FindingState.OPEN},
        after={"state": FindingState.FIX_REPORTED, "files": [c.sha256 for c in checked]},
        note=note,
    )
    return finding


@transaction.atomic
def accept_fix(
    *,
    actor: Any,
    finding: Finding,
    note: str = "",
    on: dt.date | None = None,
    skip_access_check: bool = False,
) -> Finding:
    """The inspector accepts the agency's fix: fix reported → closed."""
    if not skip_access_check and not access.can_conduct(actor, finding.inspection):
        raise refuse()
    finding = _lock(finding)
    if finding.state != FindingState.FIX_REPORTED:
        raise _wrong_state(finding, _("chấp nhận kết quả khắc phục của"))
    note = note.strip()
    _step(finding, action="accept", actor=actor, to_state=FindingState.CLOSED, note=note)
    finding.state = FindingState.CLOSED
    finding.closed_on = on or local_today()
    finding.save(update_fields=["state", "closed_on"])
    audit.record(
        action=names.FINDING_ACCEPT,
        actor=actor_or_none(actor),
        obj=finding,
        unit_id=finding.responsible_unit_id,
        before={"state": FindingState.FIX_REPORTED},
        after={"state": FindingState.CLOSED},
        note=note,
    )
    return finding


@transaction.atomic
def reopen_finding(
    *, actor: Any, finding: Finding, reason: str, skip_access_check: bool = False
) -> Finding:
    """The inspector finds the fix insufficient: fix reported → open again, with the reason."""
    if not skip_access_check and not access.can_conduct(actor, finding.inspection):
        raise refuse()
    finding = _lock(finding)
    if finding.state != FindingState.FIX_REPORTED:
        raise _wrong_state(finding, _("yêu cầu khắc phục lại"))
    reason = reason.strip()
    if not reason:
        raise ActionError(
            _("Nhập lý do chưa chấp nhận kết quả khắc phục."),
            code="reason_required",
            field="reason",
        )
    _step(finding, action="reopen", actor=actor, to_state=FindingState.OPEN, note=reason)
    finding.state = FindingState.OPEN
    finding.save(update_fields=["state"])
    audit.record(
        action=names.FINDING_REOPEN,
        actor=actor_or_none(actor),
        obj=finding,
        unit_id=finding.responsible_unit_id,
        before={"state": FindingState.FIX_REPORTED},
        after={"state": FindingState.OPEN},
        note=reason,
    )
    return finding
