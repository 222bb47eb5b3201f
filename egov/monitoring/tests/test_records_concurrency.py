"""Two leaders saving the year's plan, or assigning the same person, at the same moment: the
second waits for the first and then sees its row; nobody gets a database error."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection

from egov.lib.errors import ActionError
from egov.monitoring import actions
from egov.monitoring.choices import StaffKind
from egov.monitoring.models import ITPlan, ITStaffAssignment
from egov.organisations.testing import person_of

pytestmark = pytest.mark.django_db(transaction=True)


def _at_once(work: Callable[[], Any], times: int = 3) -> list[BaseException]:
    barrier = threading.Barrier(times)
    errors: list[BaseException] = []

    def run() -> None:
        try:
            barrier.wait()
            work()
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_leaders_saving_the_same_plan_at_once_make_one_plan(world: Any) -> None:
    errors = _at_once(
        lambda: actions.save_plan(
            actor=world.leader,
            unit=world.home_affairs,
            year=2026,
            goals=["Văn bản điện tử 100%"],
            planned_budget=Decimal(1000000),
            budget_sources="Ngân sách tỉnh",
        )
    )
    assert errors == []
    assert ITPlan.objects.count() == 1


def test_assigning_the_same_person_at_once_makes_one_assignment(world: Any) -> None:
    clerk = person_of(world.clerk)
    errors = _at_once(
        lambda: actions.assign_it_staff(
            actor=world.leader,
            unit=world.home_affairs,
            person=clerk,
            kind=StaffKind.FULL_TIME,
            valid_from=dt.date(2026, 1, 5),
        )
    )
    assert ITStaffAssignment.objects.count() == 1
    assert len(errors) == 2
    assert all(isinstance(e, ActionError) and e.code == "already_assigned" for e in errors)
