"""An inspection's states: planned → in progress (checklist built) → concluded →
follow-up → closed, and every wrong move refused in Vietnamese."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from egov.audit.models import AuditEvent
from egov.inspections.actions import findings, inspections, plans
from egov.inspections.choices import InspectionState, ItemSource, Result
from egov.inspections.tests.helpers import DAY, concluded_with_finding, decide_all, started
from egov.lib.errors import ActionError

pytestmark = pytest.mark.django_db


def test_starting_builds_the_checklist_from_indicators_website_and_templates(
    world: Any, team: Any
) -> None:
    from egov.monitoring.actions.targets import set_target
    from egov.monitoring.tests.helpers import register

    set_target(
        actor=world.admin, indicator_code="edoc_electronic_share", value=Decimal("50"), year=2026
    )
    register(world, channel="exchange", day=dt.date(2026, 1, 10))
    inspection = started(team)
    assert inspection.state == InspectionState.IN_PROGRESS
    assert inspection.started_on == DAY
    sources = set(inspection.items.values_list("source", flat=True))
    assert sources == {ItemSource.INDICATOR, ItemSource.WEBSITE, ItemSource.TEMPLATE}
    share = inspection.items.get(code="edoc_electronic_share")
    # One document received electronically in the period: 100% against the 50% target.
    assert share.measured == 100.0
    assert share.target == Decimal("50")
    assert share.suggested == Result.PASS and share.result == Result.PASS
    website = inspection.items.filter(source=ItemSource.WEBSITE).get()
    assert website.suggested == Result.FAIL  # Sở Nội vụ has no site in the test world
    assert inspection.items.filter(code="mail-in-use", result=Result.PENDING).exists()
    assert [t.to_state for t in inspection.transitions.all()] == ["planned", "in_progress"]
    assert AuditEvent.objects.filter(action="inspections.inspection.transition").exists()


def test_it_refuses_a_wrong_transition_with_a_vietnamese_message(team: Any) -> None:
    with pytest.raises(ActionError) as error:
        inspections.begin_follow_up(actor=team.member, inspection=team.snv)
    assert error.value.messages == [
        "Không thể chuyển cuộc kiểm tra từ “Theo kế hoạch” sang “Theo dõi khắc phục”."
    ]
    inspection = started(team)
    with pytest.raises(ActionError) as error:
        inspections.start_inspection(actor=team.member, inspection=inspection)
    assert error.value.messages == [
        "Không thể chuyển cuộc kiểm tra từ “Đang kiểm tra” sang “Đang kiểm tra”."
    ]


def test_it_refuses_to_start_an_inspection_of_a_plan_not_approved(world: Any, team: Any) -> None:
    plan = plans.create_plan(
        actor=team.inspector,
        year=2026,
        number="03/KH-TKT",
        title="Kiểm tra đột xuất",
        purpose="",
        period_from=dt.date(2026, 1, 1),
        period_to=dt.date(2026, 3, 31),
        leader=team.inspector,
    )
    inspection = plans.add_agency(
        actor=team.inspector, plan=plan, agency=world.finance, scheduled_on=dt.date(2026, 4, 1)
    )
    with pytest.raises(ActionError) as error:
        inspections.start_inspection(actor=team.inspector, inspection=inspection)
    assert error.value.messages == [
        "Kế hoạch kiểm tra chưa được phê duyệt; chưa thể bắt đầu kiểm tra."
    ]


def test_it_refuses_to_conclude_while_items_have_no_result(team: Any) -> None:
    inspection = started(team)
    pending = inspection.items.filter(result=Result.PENDING).count()
    with pytest.raises(ActionError) as error:
        inspections.conclude_inspection(
            actor=team.member, inspection=inspection, conclusion="Kết luận"
        )
    assert error.value.messages == [
        f"Còn {pending} nội dung kiểm tra chưa đánh giá; chưa thể kết luận."
    ]


def test_it_refuses_to_conclude_without_a_conclusion(team: Any) -> None:
    inspection = started(team)
    decide_all(team, inspection)
    with pytest.raises(ActionError) as error:
        inspections.conclude_inspection(actor=team.member, inspection=inspection, conclusion=" ")
    assert error.value.messages == ["Nhập nội dung kết luận kiểm tra."]


def test_it_refuses_to_close_while_a_finding_is_open_then_closes_once_all_are(
    world: Any, team: Any
) -> None:
    inspection, finding = concluded_with_finding(team)
    inspection = inspections.begin_follow_up(actor=team.member, inspection=inspection)
    with pytest.raises(ActionError) as error:
        inspections.close_inspection(actor=team.member, inspection=inspection)
    assert error.value.messages == [
        "Còn 1 tồn tại chưa khắc phục xong; chưa thể kết thúc cuộc kiểm tra."
    ]
    findings.report_fix(actor=world.leader, finding=finding, note="Đã ban hành quy định.")
    findings.accept_fix(actor=team.member, finding=finding)
    inspection = inspections.close_inspection(actor=team.member, inspection=inspection)
    assert inspection.state == InspectionState.CLOSED
    assert [t.to_state for t in inspection.transitions.all()] == [
        "planned",
        "in_progress",
        "concluded",
        "follow_up",
        "closed",
    ]
