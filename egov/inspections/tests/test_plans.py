"""Plans: created by provincial inspectors, changed while a draft, approved once."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from egov.audit.models import AuditEvent
from egov.inspections.actions import plans
from egov.inspections.choices import PlanState
from egov.lib.errors import ActionError

pytestmark = pytest.mark.django_db


def _plan(actor: Any, **overrides: Any) -> Any:
    values: dict[str, Any] = {
        "actor": actor,
        "year": 2026,
        "number": "02/KH-TKT",
        "title": "Kiểm tra",
        "purpose": "",
        "period_from": dt.date(2026, 1, 1),
        "period_to": dt.date(2026, 6, 30),
        "leader": actor,
    }
    values.update(overrides)
    return plans.create_plan(**values)


def test_a_new_plan_is_a_draft_led_by_its_leader_with_a_transition_and_an_audit_event(
    team: Any,
) -> None:
    plan = _plan(team.inspector)
    assert plan.state == PlanState.DRAFT
    assert plan.members.get().is_leader
    assert [t.to_state for t in plan.transitions.all()] == [PlanState.DRAFT]
    assert AuditEvent.objects.filter(action="inspections.plan.create").exists()


def test_only_a_provincial_inspector_creates_a_plan(world: Any, team: Any) -> None:
    with pytest.raises(PermissionDenied):
        _plan(world.leader)
    with pytest.raises(PermissionDenied):
        _plan(team.member)


def test_it_refuses_a_period_that_ends_before_it_starts(team: Any) -> None:
    with pytest.raises(ActionError) as error:
        _plan(team.inspector, period_to=dt.date(2025, 12, 31))
    assert "ngày kết thúc phải sau ngày bắt đầu" in error.value.messages[0]


def test_it_refuses_a_plan_number_already_used_this_year(team: Any) -> None:
    with pytest.raises(ActionError) as error:
        _plan(team.inspector, number="01/KH-TKT")
    assert error.value.messages == ["Số kế hoạch “01/KH-TKT” đã dùng trong năm 2026."]


def test_it_refuses_an_inspection_date_outside_the_plans_year(world: Any, team: Any) -> None:
    plan = _plan(team.inspector)
    with pytest.raises(ActionError) as error:
        plans.add_agency(
            actor=team.inspector, plan=plan, agency=world.finance, scheduled_on=dt.date(2027, 1, 5)
        )
    assert error.value.messages == ["Ngày kiểm tra phải thuộc năm 2026 của kế hoạch."]


def test_it_refuses_a_division_as_an_inspected_agency(world: Any, team: Any) -> None:
    plan = _plan(team.inspector)
    with pytest.raises(ActionError) as error:
        plans.add_agency(
            actor=team.inspector,
            plan=plan,
            agency=world.civil_service_division,
            scheduled_on=dt.date(2026, 5, 5),
        )
    assert "không phải là cơ quan được kiểm tra" in error.value.messages[0]


def test_it_refuses_the_same_agency_twice(world: Any, team: Any) -> None:
    plan = _plan(team.inspector)
    plans.add_agency(
        actor=team.inspector, plan=plan, agency=world.finance, scheduled_on=dt.date(2026, 5, 5)
    )
    with pytest.raises(ActionError) as error:
        plans.add_agency(
            actor=team.inspector, plan=plan, agency=world.finance, scheduled_on=dt.date(2026, 5, 6)
        )
    assert error.value.messages == ["“Sở Tài chính” đã có trong kế hoạch."]


def test_it_refuses_to_approve_a_plan_without_agencies(team: Any) -> None:
    plan = _plan(team.inspector)
    with pytest.raises(ActionError) as error:
        plans.approve_plan(actor=team.inspector, plan=plan)
    assert error.value.messages == ["Kế hoạch chưa có cơ quan nào được kiểm tra."]


def test_an_approved_plan_is_not_approved_again_nor_changed(world: Any, team: Any) -> None:
    with pytest.raises(ActionError) as error:
        plans.approve_plan(actor=team.inspector, plan=team.plan)
    assert error.value.messages == ["Kế hoạch đã được phê duyệt."]
    with pytest.raises(ActionError) as error:
        plans.add_agency(
            actor=team.inspector,
            plan=team.plan,
            agency=world.finance,
            scheduled_on=dt.date(2026, 5, 5),
        )
    assert error.value.messages == ["Kế hoạch đã được phê duyệt, không thể sửa đổi."]
    assert [t.to_state for t in team.plan.transitions.all()] == ["draft", "approved"]


def test_a_team_member_who_is_not_the_leader_does_not_change_the_plan(team: Any) -> None:
    plan = _plan(team.inspector)
    plans.add_member(actor=team.inspector, plan=plan, user=team.member)
    with pytest.raises(PermissionDenied):
        plans.approve_plan(actor=team.member, plan=plan)
