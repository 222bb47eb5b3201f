"""Targets are data: set by a system administrator, audited, the most specific one wins."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from egov.audit.models import AuditEvent
from egov.lib.errors import ActionError, PermissionDenied
from egov.monitoring import actions, queries
from egov.monitoring.models import Target

pytestmark = pytest.mark.django_db


def test_the_directive_target_of_fifty_percent_is_seeded() -> None:
    seeded = Target.objects.get(indicator_code="edoc_electronic_share", unit=None, year=None)
    assert seeded.value == 50
    assert "07/CT-UBND" in seeded.source


def test_an_administrator_sets_a_target_and_it_is_audited(world: Any) -> None:
    target = actions.set_target(
        actor=world.admin,
        indicator_code="onestop_on_time_rate",
        value=Decimal("95"),
        year=2026,
    )
    assert target.set_by == world.admin
    event = AuditEvent.objects.filter(action="monitoring.target.set").latest("pk")
    assert event.after is not None
    assert event.after["value"] == "95"
    actions.set_target(
        actor=world.admin, indicator_code="onestop_on_time_rate", value=Decimal("97"), year=2026
    )
    assert Target.objects.filter(indicator_code="onestop_on_time_rate").count() == 1
    assert AuditEvent.objects.filter(action="monitoring.target.set").latest("pk").before == {
        "value": "95.00"
    }


def test_an_agency_leader_may_not_set_targets(world: Any) -> None:
    with pytest.raises(PermissionDenied):
        actions.set_target(
            actor=world.leader, indicator_code="onestop_on_time_rate", value=Decimal("95")
        )


@pytest.mark.parametrize(
    ("code", "value", "year", "error"),
    [
        ("no_such_indicator", "50", None, "unknown_indicator"),
        ("edoc_electronic_share", "101", None, "target_out_of_range"),
        ("edoc_electronic_share", "-1", None, "target_out_of_range"),
        ("edoc_electronic_share", "50", 1999, "bad_year"),
    ],
)
def test_it_refuses_bad_targets_with_a_reason(
    world: Any, code: str, value: str, year: int | None, error: str
) -> None:
    with pytest.raises(ActionError) as caught:
        actions.set_target(actor=world.admin, indicator_code=code, value=Decimal(value), year=year)
    assert caught.value.code == error


def test_the_agency_target_of_the_year_wins_over_the_provincial_one(world: Any) -> None:
    code = "edoc_electronic_share"
    actions.set_target(actor=world.admin, indicator_code=code, value=Decimal("60"), year=2026)
    actions.set_target(
        actor=world.admin, indicator_code=code, value=Decimal("70"), unit=world.finance
    )
    assert queries.target_for(code, world.home_affairs, 2026) == 60
    assert queries.target_for(code, world.home_affairs, 2025) == 50
    assert queries.target_for(code, world.finance, 2026) == 70
    assert queries.target_for("feedback_average_days", world.finance, 2026) is None
