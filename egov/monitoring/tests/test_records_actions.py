"""Writing the agency records: each verb, its transition rows and audit, and each bad input
refused with its Vietnamese message."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from egov.audit.models import AuditEvent
from egov.lib.errors import ActionError, PermissionDenied
from egov.monitoring import actions
from egov.monitoring.actions.evidence import MAX_EVIDENCE_BYTES
from egov.monitoring.choices import PlanStatus, StaffKind
from egov.monitoring.models import Evidence, ITStaffAssignment
from egov.monitoring.tests.records_helpers import (
    approved_plan,
    assign,
    draft_plan,
    finance_leader,
    pdf,
    train,
)
from egov.organisations.testing import person_of

pytestmark = pytest.mark.django_db


def _message(exc: pytest.ExceptionInfo[ActionError]) -> str:
    return " ".join(exc.value.messages)


def test_a_plan_goes_from_draft_to_approved_with_a_transition_row_each_step(world: Any) -> None:
    plan = draft_plan(world)
    assert plan.status == PlanStatus.DRAFT
    plan = actions.submit_plan(actor=world.leader, plan=plan)
    plan = actions.decide_plan(actor=world.admin, plan=plan, approve=True, note="Đồng ý")
    assert plan.status == PlanStatus.APPROVED
    assert plan.approved_by == world.admin
    steps = [(t.from_status, t.to_status, t.actor) for t in plan.transitions.all()]
    assert steps == [
        ("", "draft", world.leader),
        ("draft", "submitted", world.leader),
        ("submitted", "approved", world.admin),
    ]
    names = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"monitoring.it_plan.save", "monitoring.it_plan.transition"} <= names


def test_a_returned_plan_carries_the_reason_and_can_be_corrected_and_submitted_again(
    world: Any,
) -> None:
    plan = actions.submit_plan(actor=world.leader, plan=draft_plan(world))
    plan = actions.decide_plan(
        actor=world.admin, plan=plan, approve=False, note="Thiếu kinh phí chi tiết"
    )
    assert plan.status == PlanStatus.RETURNED
    assert plan.transitions.last().note == "Thiếu kinh phí chi tiết"  # type: ignore[union-attr]
    plan = draft_plan(world, budget="650000000")
    assert plan.planned_budget == Decimal(650000000)
    assert actions.submit_plan(actor=world.leader, plan=plan).status == PlanStatus.SUBMITTED


def test_results_and_spent_budget_are_recorded_on_an_approved_plan(world: Any) -> None:
    plan = approved_plan(world)
    goals = list(plan.goals.all())
    plan = actions.report_plan_results(
        actor=world.leader,
        plan=plan,
        spent_budget=Decimal(400000000),
        results=[actions.GoalResult(goals[0].pk, "Đạt 100%", True)],
    )
    assert plan.execution_rate == 80.0
    assert plan.goals.first().achieved is True  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"goals": ["", "  "]}, "Kế hoạch phải có ít nhất một mục tiêu cụ thể."),
        ({"year": 1999}, "Năm kế hoạch phải từ 2000 đến 2100."),
        ({"planned_budget": Decimal(-1)}, "Kinh phí phải là số không âm, tính bằng đồng."),
        ({"planned_budget": Decimal("10.5")}, "Kinh phí tính bằng đồng, số nguyên"),
        ({"budget_sources": " "}, "Hãy ghi nguồn kinh phí"),
    ],
)
def test_a_bad_plan_is_refused_with_the_reason(
    world: Any, changes: dict[str, Any], message: str
) -> None:
    args: dict[str, Any] = {
        "actor": world.leader,
        "unit": world.home_affairs,
        "year": 2026,
        "goals": ["Văn bản điện tử 100%"],
        "planned_budget": Decimal(100000000),
        "budget_sources": "Ngân sách tỉnh",
    } | changes
    with pytest.raises(ActionError) as exc:
        actions.save_plan(**args)
    assert message in _message(exc)


def test_a_submitted_plan_cannot_be_changed_or_submitted_twice(world: Any) -> None:
    plan = actions.submit_plan(actor=world.leader, plan=draft_plan(world))
    with pytest.raises(ActionError) as exc:
        draft_plan(world)
    assert "Kế hoạch năm 2026 đang ở trạng thái “Đã trình”, không sửa được." in _message(exc)
    with pytest.raises(ActionError) as exc:
        actions.submit_plan(actor=world.leader, plan=plan)
    assert "Chỉ trình được kế hoạch dự thảo hoặc bị trả lại" in _message(exc)


def test_returning_a_plan_needs_a_reason(world: Any) -> None:
    plan = actions.submit_plan(actor=world.leader, plan=draft_plan(world))
    with pytest.raises(ActionError) as exc:
        actions.decide_plan(actor=world.admin, plan=plan, approve=False, note=" ")
    assert _message(exc) == "Hãy ghi lý do trả lại để cơ quan sửa kế hoạch."


def test_only_a_submitted_plan_is_approved(world: Any) -> None:
    with pytest.raises(ActionError) as exc:
        actions.decide_plan(actor=world.admin, plan=draft_plan(world), approve=True)
    assert "Chỉ phê duyệt hoặc trả lại được kế hoạch đã trình" in _message(exc)


def test_an_agency_leader_cannot_approve_their_own_plan(world: Any) -> None:
    plan = actions.submit_plan(actor=world.leader, plan=draft_plan(world))
    with pytest.raises(PermissionDenied):
        actions.decide_plan(actor=world.leader, plan=plan, approve=True)


def test_results_are_refused_before_approval(world: Any) -> None:
    with pytest.raises(ActionError) as exc:
        actions.report_plan_results(
            actor=world.leader, plan=draft_plan(world), spent_budget=Decimal(1), results=[]
        )
    assert _message(exc) == "Chỉ cập nhật kết quả được cho kế hoạch đã phê duyệt."


def test_a_leader_of_a_sibling_agency_cannot_write_these_records(world: Any) -> None:
    with pytest.raises(PermissionDenied):
        actions.save_plan(
            actor=finance_leader(world),
            unit=world.home_affairs,
            year=2026,
            goals=["A"],
            planned_budget=Decimal(0),
            budget_sources="",
        )


def test_it_staff_are_assigned_and_ended_keeping_the_history(world: Any) -> None:
    first = assign(world, world.clerk, dt.date(2025, 1, 2))
    actions.end_it_staff(actor=world.leader, assignment=first, valid_to=dt.date(2025, 12, 31))
    assign(world, world.clerk, dt.date(2026, 1, 2))
    rows = list(ITStaffAssignment.objects.order_by("valid_from").values_list("valid_to", flat=True))
    assert rows == [dt.date(2025, 12, 31), None]


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("outsider", "Đặng Văn Ngoài không phải cán bộ đang công tác tại cơ quan này."),
        ("twice", "Phạm Thị Thư đang là cán bộ CNTT của cơ quan."),
        ("kind", "Chọn hình thức: chuyên trách hoặc kiêm nhiệm."),
        ("future", "Ngày bắt đầu không được sau hôm nay."),
    ],
)
def test_a_bad_it_staff_assignment_is_refused_with_the_reason(
    world: Any, case: str, message: str
) -> None:
    if case == "twice":
        assign(world, world.clerk)
    with pytest.raises(ActionError) as exc:
        actions.assign_it_staff(
            actor=world.leader,
            unit=world.home_affairs,
            person=person_of(world.outsider if case == "outsider" else world.clerk),
            kind="boss" if case == "kind" else StaffKind.PART_TIME,
            valid_from=dt.date(2100, 1, 1) if case == "future" else dt.date(2026, 1, 1),
        )
    assert _message(exc) == message


def test_an_assignment_cannot_end_before_it_began(world: Any) -> None:
    assignment = assign(world, world.clerk, dt.date(2026, 1, 5))
    with pytest.raises(ActionError) as exc:
        actions.end_it_staff(
            actor=world.leader, assignment=assignment, valid_to=dt.date(2025, 1, 1)
        )
    assert _message(exc) == "Ngày kết thúc không được trước ngày bắt đầu (05/01/2026)."


def test_a_training_session_records_each_attendee_result(world: Any) -> None:
    session = train(world, {world.clerk: True, world.specialist: False})
    assert sorted(session.attendances.values_list("can_use_system", flat=True)) == [False, True]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"topic": ""}, "Hãy ghi nội dung tập huấn."),
        ({"organiser": " "}, "Hãy ghi đơn vị tổ chức tập huấn."),
        ({"held_on": dt.date(2100, 1, 1)}, "Ngày tập huấn không được sau hôm nay."),
        ({"attendees": []}, "Chọn ít nhất một cán bộ tham dự."),
        ("outsider", "Không phải cán bộ đang công tác tại cơ quan: Đặng Văn Ngoài."),
        ("twice", "Một cán bộ được ghi hai lần trong danh sách tham dự."),
    ],
)
def test_a_bad_training_record_is_refused_with_the_reason(
    world: Any, changes: Any, message: str
) -> None:
    clerk = person_of(world.clerk)
    args: dict[str, Any] = {
        "actor": world.leader,
        "unit": world.home_affairs,
        "held_on": dt.date(2026, 3, 1),
        "topic": "Quản lý văn bản",
        "organiser": "Sở KH&CN",
        "attendees": [(clerk, True)],
    }
    if changes == "outsider":
        args["attendees"] = [(clerk, True), (person_of(world.outsider), True)]
    elif changes == "twice":
        args["attendees"] = [(clerk, True), (clerk, False)]
    else:
        args |= changes
    with pytest.raises(ActionError) as exc:
        actions.record_training(**args)
    assert _message(exc) == message


def test_evidence_is_stored_under_its_hash_once(world: Any, media_tmp: Any) -> None:
    plan = draft_plan(world)
    first = actions.attach_evidence(actor=world.leader, target=plan, upload=pdf())
    second = actions.attach_evidence(actor=world.leader, target=plan, upload=pdf("ban-sao.pdf"))
    assert first.media_type == "application/pdf"
    assert first.content.name == second.content.name
    assert str(first.content.name).startswith(f"monitoring/{first.sha256[:2]}/")
    assert Evidence.objects.filter(plan=plan).count() == 2


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            SimpleUploadedFile("ke-hoach.pdf", b"MZ\x90\x00 not a pdf"),
            "Tệp “ke-hoach.pdf” không đúng định dạng. Chỉ nhận: PDF, JPG, PNG, DOCX, XLSX.",
        ),
        (
            SimpleUploadedFile("anh.png", b"%PDF-1.4 a pdf named png"),
            "Tệp “anh.png” không đúng định dạng. Chỉ nhận: PDF, JPG, PNG, DOCX, XLSX.",
        ),
        (
            SimpleUploadedFile("lon.pdf", b"%PDF-" + b"0" * MAX_EVIDENCE_BYTES),
            "Tệp “lon.pdf” vượt giới hạn 10 MB.",
        ),
        (None, "Chọn tệp minh chứng."),
    ],
)
def test_a_bad_evidence_file_is_refused_with_the_reason(
    world: Any, upload: Any, message: str
) -> None:
    plan = draft_plan(world)
    with pytest.raises(ActionError) as exc:
        actions.attach_evidence(actor=world.leader, target=plan, upload=upload)
    assert _message(exc) == message
    assert not Evidence.objects.exists()


def test_a_provincial_leader_approves_and_a_provincial_inspector_does_not(world: Any) -> None:
    from egov.monitoring.tests.records_helpers import provincial_inspector
    from egov.organisations.choices import Role
    from egov.organisations.testing import hire_with_role

    chair = hire_with_role("chair", "Chủ Tịch Tỉnh", world.province, Role.LEADER, subtree=True)
    plan = actions.submit_plan(actor=world.leader, plan=draft_plan(world))
    with pytest.raises(PermissionDenied):
        actions.decide_plan(actor=provincial_inspector(), plan=plan, approve=True)
    assert actions.decide_plan(actor=chair, plan=plan, approve=True).approved_by == chair
