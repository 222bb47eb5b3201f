"""Writing an agency's records: the annual IT plan and its life (draft → submitted →
approved or returned), the IT staff assigned, the training sessions and their results.
Every problem is refused with a Vietnamese message; every change is audited; every status
change of a plan writes a :class:`PlanTransition`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from egov.audit.service import record
from egov.lib.dates import local_today
from egov.lib.errors import ActionError, PermissionDenied
from egov.monitoring import access
from egov.monitoring.audit_names import (
    IT_STAFF_ASSIGN,
    IT_STAFF_END,
    PLAN_RESULTS,
    PLAN_SAVE,
    PLAN_TRANSITION,
    TRAINING_RECORD,
)
from egov.monitoring.choices import PlanStatus, StaffKind
from egov.monitoring.models import (
    ITPlan,
    ITStaffAssignment,
    PlanGoal,
    PlanTransition,
    TrainingAttendance,
    TrainingSession,
)
from egov.organisations.models import OrgUnit, Person

FIRST_YEAR = 2000
LAST_YEAR = 2100
MAX_GOALS = 50
#: A plan's budget is at most a trillion đồng: a larger figure is a typing mistake.
MAX_BUDGET = Decimal(10) ** 12


def _require_editor(actor: Any, unit: OrgUnit, skip: bool) -> None:
    if not skip and not access.can_edit_records(actor, unit):
        raise PermissionDenied(_("Chỉ lãnh đạo cơ quan được cập nhật hồ sơ này."))


def _check_budget(value: Decimal, field: str) -> None:
    if not value.is_finite() or value < 0:
        raise ActionError(
            _("Kinh phí phải là số không âm, tính bằng đồng."), code="bad_budget", field=field
        )
    if value >= MAX_BUDGET or value != value.to_integral_value():
        raise ActionError(
            _("Kinh phí tính bằng đồng, số nguyên, dưới 1.000 tỷ đồng."),
            code="bad_budget",
            field=field,
        )


def _lock(unit: OrgUnit) -> None:
    """Serialise the writers of one agency's records (two leaders creating the year's plan,
    or assigning the same person, at the same moment): the second waits, then sees the
    first's row instead of failing on the unique constraint."""
    OrgUnit.objects.select_for_update().filter(pk=unit.pk).values_list("pk", flat=True).first()


def _transition(plan: ITPlan, to: str, actor: Any, note: str = "") -> None:
    PlanTransition.objects.create(
        plan=plan, from_status=plan.status, to_status=to, actor=actor, note=note
    )
    plan.status = to


@transaction.atomic
def save_plan(
    *,
    actor: Any,
    unit: OrgUnit,
    year: int,
    goals: Sequence[str],
    planned_budget: Decimal,
    budget_sources: str,
    note: str = "",
    skip_access_check: bool = False,
) -> ITPlan:
    """Create the agency's plan for ``year`` or change it while it is a draft or returned.
    Preconditions: the actor edits the agency's records; a year from 2000 to 2100; at least
    one goal; a budget in whole đồng with its sources when it is not 0."""
    _require_editor(actor, unit, skip_access_check)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ActionError(
            _("Năm kế hoạch phải từ %(first)s đến %(last)s.")
            % {"first": FIRST_YEAR, "last": LAST_YEAR},
            code="bad_year",
            field="year",
        )
    titles = [g.strip()[:500] for g in goals if g.strip()]
    if not titles:
        raise ActionError(
            _("Kế hoạch phải có ít nhất một mục tiêu cụ thể."), code="no_goals", field="goals"
        )
    if len(titles) > MAX_GOALS:
        raise ActionError(
            _("Kế hoạch có tối đa %(n)s mục tiêu.") % {"n": MAX_GOALS},
            code="too_many_goals",
            field="goals",
        )
    _check_budget(planned_budget, "planned_budget")
    budget_sources = budget_sources.strip()[:300]
    if planned_budget > 0 and not budget_sources:
        raise ActionError(
            _("Hãy ghi nguồn kinh phí (ngân sách tỉnh, ngân sách trung ương, nguồn khác)."),
            code="no_budget_source",
            field="budget_sources",
        )
    _lock(unit)
    plan = ITPlan.objects.select_for_update().filter(unit=unit, year=year).first()
    before = None
    if plan is not None:
        if not plan.editable:
            raise ActionError(
                _("Kế hoạch năm %(year)s đang ở trạng thái “%(status)s”, không sửa được.")
                % {"year": year, "status": plan.get_status_display()},
                code="plan_locked",
            )
        before = {
            "goals": [g.title for g in plan.goals.all()],
            "planned_budget": str(plan.planned_budget),
            "budget_sources": plan.budget_sources,
        }
    else:
        plan = ITPlan(unit=unit, year=year, created_by=actor)
    plan.planned_budget = planned_budget
    plan.budget_sources = budget_sources
    plan.note = note.strip()
    created = plan.pk is None
    plan.save()
    if created:
        PlanTransition.objects.create(
            plan=plan, from_status="", to_status=PlanStatus.DRAFT, actor=actor
        )
    plan.goals.all().delete()
    PlanGoal.objects.bulk_create(
        PlanGoal(plan=plan, position=i, title=title) for i, title in enumerate(titles)
    )
    record(
        action=PLAN_SAVE,
        actor=actor,
        obj=plan,
        unit_id=unit.pk,
        before=before,
        after={
            "year": year,
            "goals": titles,
            "planned_budget": str(planned_budget),
            "budget_sources": budget_sources,
        },
    )
    return plan


@transaction.atomic
def submit_plan(*, actor: Any, plan: ITPlan, skip_access_check: bool = False) -> ITPlan:
    """Submit a draft or returned plan to the province for approval."""
    _require_editor(actor, plan.unit, skip_access_check)
    plan = ITPlan.objects.select_for_update().get(pk=plan.pk)
    if not plan.editable:
        raise ActionError(
            _("Chỉ trình được kế hoạch dự thảo hoặc bị trả lại; kế hoạch này “%(status)s”.")
            % {"status": plan.get_status_display()},
            code="bad_transition",
        )
    if not plan.goals.exists():
        raise ActionError(
            _("Kế hoạch phải có ít nhất một mục tiêu cụ thể."), code="no_goals", field="goals"
        )
    before = plan.status
    _transition(plan, PlanStatus.SUBMITTED, actor)
    plan.save(update_fields=["status", "updated_at"])
    record(
        action=PLAN_TRANSITION,
        actor=actor,
        obj=plan,
        unit_id=plan.unit_id,
        before={"status": before},
        after={"status": plan.status},
    )
    return plan


@transaction.atomic
def decide_plan(
    *,
    actor: Any,
    plan: ITPlan,
    approve: bool,
    note: str = "",
    skip_access_check: bool = False,
) -> ITPlan:
    """Approve a submitted plan, or return it to the agency with the reason (required).
    Preconditions: the actor is a provincial leader or a system administrator."""
    if not skip_access_check and not access.can_approve_plans(actor):
        raise PermissionDenied(
            _("Chỉ lãnh đạo tỉnh hoặc quản trị hệ thống được phê duyệt kế hoạch.")
        )
    plan = ITPlan.objects.select_for_update().get(pk=plan.pk)
    if plan.status != PlanStatus.SUBMITTED:
        raise ActionError(
            _("Chỉ phê duyệt hoặc trả lại được kế hoạch đã trình; kế hoạch này “%(status)s”.")
            % {"status": plan.get_status_display()},
            code="bad_transition",
        )
    note = note.strip()
    if not approve and not note:
        raise ActionError(
            _("Hãy ghi lý do trả lại để cơ quan sửa kế hoạch."), code="no_reason", field="note"
        )
    before = plan.status
    _transition(plan, PlanStatus.APPROVED if approve else PlanStatus.RETURNED, actor, note)
    fields = ["status", "updated_at"]
    if approve:
        plan.approved_by = actor
        plan.approved_at = timezone.now()
        fields += ["approved_by", "approved_at"]
    plan.save(update_fields=fields)
    record(
        action=PLAN_TRANSITION,
        actor=actor,
        obj=plan,
        unit_id=plan.unit_id,
        before={"status": before},
        after={"status": plan.status},
        note=note,
    )
    return plan


@dataclass(frozen=True)
class GoalResult:
    goal_id: int
    result: str
    achieved: bool | None


@transaction.atomic
def report_plan_results(
    *,
    actor: Any,
    plan: ITPlan,
    spent_budget: Decimal | None,
    results: Sequence[GoalResult],
    skip_access_check: bool = False,
) -> ITPlan:
    """Record the budget spent and the result of each goal of an approved plan."""
    _require_editor(actor, plan.unit, skip_access_check)
    plan = ITPlan.objects.select_for_update().get(pk=plan.pk)
    if plan.status != PlanStatus.APPROVED:
        raise ActionError(
            _("Chỉ cập nhật kết quả được cho kế hoạch đã phê duyệt."), code="plan_not_approved"
        )
    if spent_budget is not None:
        _check_budget(spent_budget, "spent_budget")
    goals = {g.pk: g for g in plan.goals.all()}
    unknown = [r.goal_id for r in results if r.goal_id not in goals]
    if unknown:
        raise ActionError(_("Mục tiêu không thuộc kế hoạch này."), code="unknown_goal")
    for r in results:
        goal = goals[r.goal_id]
        goal.result = r.result.strip()
        goal.achieved = r.achieved
    PlanGoal.objects.bulk_update(goals.values(), ["result", "achieved"])
    before = {"spent_budget": str(plan.spent_budget) if plan.spent_budget is not None else None}
    plan.spent_budget = spent_budget
    plan.save(update_fields=["spent_budget", "updated_at"])
    record(
        action=PLAN_RESULTS,
        actor=actor,
        obj=plan,
        unit_id=plan.unit_id,
        before=before,
        after={
            "spent_budget": str(spent_budget) if spent_budget is not None else None,
            "achieved": sum(1 for r in results if r.achieved),
        },
    )
    return plan


def _staff_of(unit: OrgUnit, person: Person) -> bool:
    return bool(Person.objects.active().in_subtree(unit).filter(pk=person.pk).exists())


@transaction.atomic
def assign_it_staff(
    *,
    actor: Any,
    unit: OrgUnit,
    person: Person,
    kind: str,
    valid_from: dt.date,
    qualification: str = "",
    skip_access_check: bool = False,
) -> ITStaffAssignment:
    """Assign a civil servant of the agency to its IT work, full-time or part-time, from a
    day. Preconditions: the person is on the agency's staff and not already assigned."""
    _require_editor(actor, unit, skip_access_check)
    if kind not in StaffKind.values:
        raise ActionError(
            _("Chọn hình thức: chuyên trách hoặc kiêm nhiệm."), code="bad_kind", field="kind"
        )
    if not _staff_of(unit, person):
        raise ActionError(
            _("%(name)s không phải cán bộ đang công tác tại cơ quan này.")
            % {"name": person.full_name},
            code="not_staff",
            field="person",
        )
    if valid_from > local_today():
        raise ActionError(
            _("Ngày bắt đầu không được sau hôm nay."), code="future_date", field="valid_from"
        )
    _lock(unit)
    if ITStaffAssignment.objects.filter(unit=unit, person=person, valid_to__isnull=True).exists():
        raise ActionError(
            _("%(name)s đang là cán bộ CNTT của cơ quan.") % {"name": person.full_name},
            code="already_assigned",
            field="person",
        )
    assignment = ITStaffAssignment.objects.create(
        unit=unit,
        person=person,
        kind=kind,
        qualification=qualification.strip()[:200],
        valid_from=valid_from,
        recorded_by=actor,
    )
    record(
        action=IT_STAFF_ASSIGN,
        actor=actor,
        obj=assignment,
        unit_id=unit.pk,
        after={"person": person.full_name, "kind": kind, "from": valid_from.isoformat()},
    )
    return assignment


@transaction.atomic
def end_it_staff(
    *,
    actor: Any,
    assignment: ITStaffAssignment,
    valid_to: dt.date,
    skip_access_check: bool = False,
) -> ITStaffAssignment:
    """End an assignment on a day (kept in the history)."""
    _require_editor(actor, assignment.unit, skip_access_check)
    assignment = ITStaffAssignment.objects.select_for_update().get(pk=assignment.pk)
    if assignment.valid_to is not None:
        raise ActionError(_("Việc bố trí này đã kết thúc."), code="already_ended")
    if valid_to < assignment.valid_from:
        raise ActionError(
            _("Ngày kết thúc không được trước ngày bắt đầu (%(start)s).")
            % {"start": assignment.valid_from.strftime("%d/%m/%Y")},
            code="bad_end",
            field="valid_to",
        )
    assignment.valid_to = valid_to
    assignment.ended_by = actor
    assignment.save(update_fields=["valid_to", "ended_by"])
    record(
        action=IT_STAFF_END,
        actor=actor,
        obj=assignment,
        unit_id=assignment.unit_id,
        before={"to": None},
        after={"to": valid_to.isoformat()},
    )
    return assignment


@transaction.atomic
def record_training(
    *,
    actor: Any,
    unit: OrgUnit,
    held_on: dt.date,
    topic: str,
    organiser: str,
    attendees: Sequence[tuple[Person, bool]],
    skip_access_check: bool = False,
) -> TrainingSession:
    """Record a training session of the agency's civil servants, each attendee with
    whether they can use the system after it. Preconditions: a topic and an organiser, a
    day not in the future, at least one attendee, every attendee on the agency's staff."""
    _require_editor(actor, unit, skip_access_check)
    topic, organiser = topic.strip()[:300], organiser.strip()[:200]
    if not topic:
        raise ActionError(_("Hãy ghi nội dung tập huấn."), code="no_topic", field="topic")
    if not organiser:
        raise ActionError(
            _("Hãy ghi đơn vị tổ chức tập huấn."), code="no_organiser", field="organiser"
        )
    if held_on > local_today():
        raise ActionError(
            _("Ngày tập huấn không được sau hôm nay."), code="future_date", field="held_on"
        )
    if not attendees:
        raise ActionError(
            _("Chọn ít nhất một cán bộ tham dự."), code="no_attendees", field="attendees"
        )
    ids = [p.pk for p, _ok in attendees]
    if len(set(ids)) != len(ids):
        raise ActionError(
            _("Một cán bộ được ghi hai lần trong danh sách tham dự."),
            code="duplicate_attendee",
            field="attendees",
        )
    on_staff = set(
        Person.objects.active().in_subtree(unit).filter(pk__in=ids).values_list("pk", flat=True)
    )
    outside = [p.full_name for p, _ok in attendees if p.pk not in on_staff]
    if outside:
        raise ActionError(
            _("Không phải cán bộ đang công tác tại cơ quan: %(names)s.")
            % {"names": ", ".join(outside)},
            code="not_staff",
            field="attendees",
        )
    session = TrainingSession.objects.create(
        unit=unit, held_on=held_on, topic=topic, organiser=organiser, recorded_by=actor
    )
    TrainingAttendance.objects.bulk_create(
        TrainingAttendance(session=session, person=p, can_use_system=ok) for p, ok in attendees
    )
    record(
        action=TRAINING_RECORD,
        actor=actor,
        obj=session,
        unit_id=unit.pk,
        after={
            "held_on": held_on.isoformat(),
            "topic": topic,
            "attendees": len(attendees),
            "can_use_system": sum(1 for _p, ok in attendees if ok),
        },
    )
    return session
