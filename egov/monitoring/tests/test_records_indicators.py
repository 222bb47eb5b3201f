"""Indicators computed from the agency records: each agency's value, the province's, the
grouped read equal to the one-by-one read, and no data (None, never 0) where nothing is
recorded."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from egov.monitoring import access, actions, indicators
from egov.monitoring.choices import Group
from egov.monitoring.indicators import Period
from egov.monitoring.tests.records_helpers import approved_plan, assign, draft_plan, train

pytestmark = pytest.mark.django_db

YEAR = Period.year(2026)
CODES = (
    "records_plan_approved",
    "records_budget_execution",
    "records_has_it_staff",
    "records_trained_share",
)


def value(code: str, unit: Any, period: Period = YEAR) -> float | None:
    return indicators.INDICATORS[code].compute(unit, period)


def test_the_records_indicators_are_registered_in_their_group_with_a_definition() -> None:
    for code in CODES:
        indicator = indicators.INDICATORS[code]
        assert indicator.group == Group.RECORDS
        assert indicator.compute_many is not None
        assert "Không có dữ liệu" in str(indicator.definition)


def test_with_no_records_every_value_is_no_data_not_zero(world: Any) -> None:
    for code in CODES:
        assert value(code, world.home_affairs) is None
        assert value(code, None) is None


def test_an_approved_plan_counts_100_and_the_province_gives_the_share_of_agencies(
    world: Any,
) -> None:
    draft_plan(world)
    assert value("records_plan_approved", world.home_affairs) == 0.0
    assert value("records_plan_approved", world.finance) == 0.0
    assert value("records_plan_approved", None) == 0.0
    assert value("records_plan_approved", world.home_affairs, Period.year(2025)) is None


def test_the_budget_execution_rate_is_spent_over_planned_once_reported(world: Any) -> None:
    plan = approved_plan(world)
    assert value("records_plan_approved", world.home_affairs) == 100.0
    assert value("records_plan_approved", None) == 25.0  # 1 of 4 agencies
    assert value("records_budget_execution", world.home_affairs) is None
    actions.report_plan_results(
        actor=world.leader, plan=plan, spent_budget=Decimal(400000000), results=[]
    )
    assert value("records_budget_execution", world.home_affairs) == 80.0
    assert value("records_budget_execution", None) == 80.0
    assert value("records_budget_execution", world.finance) is None


def test_it_staff_count_in_the_periods_they_cover(world: Any) -> None:
    first = assign(world, world.clerk, dt.date(2025, 2, 1))
    actions.end_it_staff(actor=world.leader, assignment=first, valid_to=dt.date(2025, 6, 30))
    assert value("records_has_it_staff", world.home_affairs, Period.year(2025)) == 100.0
    assert value("records_has_it_staff", world.home_affairs, YEAR) == 0.0
    assert value("records_has_it_staff", world.home_affairs, Period.year(2024)) is None
    assign(world, world.specialist, dt.date(2026, 1, 5))
    assert value("records_has_it_staff", world.home_affairs, YEAR) == 100.0
    assert value("records_has_it_staff", world.finance, YEAR) == 0.0
    assert value("records_has_it_staff", None, YEAR) == 25.0


def test_the_trained_share_counts_each_civil_servants_latest_result(world: Any) -> None:
    # Sở Nội vụ's staff: the unit administrator, the leader, the clerk, the specialist.
    train(world, {world.clerk: True, world.specialist: False}, dt.date(2026, 3, 1))
    assert value("records_trained_share", world.home_affairs) == 25.0
    train(world, {world.specialist: True}, dt.date(2026, 6, 1))
    assert value("records_trained_share", world.home_affairs) == 50.0
    assert value("records_trained_share", world.home_affairs, Period.month(2026, 3)) == 25.0
    assert value("records_trained_share", world.home_affairs, Period.year(2025)) is None
    assert value("records_trained_share", world.finance) is None
    assert value("records_trained_share", None) == 50.0


def test_the_grouped_read_gives_the_values_of_the_one_by_one_read(world: Any) -> None:
    plan = approved_plan(world)
    actions.report_plan_results(
        actor=world.leader, plan=plan, spent_budget=Decimal(250000000), results=[]
    )
    assign(world, world.clerk)
    train(world, {world.clerk: True})
    units = list(access.all_agencies())
    for code in CODES:
        indicator = indicators.INDICATORS[code]
        assert indicator.values(units, YEAR) == {u.pk: indicator.compute(u, YEAR) for u in units}
