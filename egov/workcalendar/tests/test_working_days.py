import datetime as dt

import pytest

from egov.workcalendar import actions
from egov.workcalendar.queries import (
    add_working_days,
    forget_overrides,
    is_working_day,
    next_working_day,
    working_days_between,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    forget_overrides()
    yield
    forget_overrides()


def test_the_tet_2026_break_is_not_counted():
    # Friday 13 February 2026, then the Tết break (Sat 14 .. Sun 22 February).
    assert add_working_days(dt.date(2026, 2, 13), 3) == dt.date(2026, 2, 25)
    assert not is_working_day(dt.date(2026, 2, 17))
    assert working_days_between(dt.date(2026, 2, 13), dt.date(2026, 2, 23)) == 1


def test_weekends_and_national_day_are_days_off():
    assert not is_working_day(dt.date(2026, 9, 2))
    assert not is_working_day(dt.date(2026, 11, 28))  # Saturday
    assert next_working_day(dt.date(2026, 8, 29)) == dt.date(2026, 9, 3)


def test_an_override_makes_a_saturday_a_working_day(world):
    saturday = dt.date(2026, 3, 7)
    assert not is_working_day(saturday)
    actions.set_day_override(actor=world.admin, date=saturday, is_working_day=True, note="Làm bù")
    forget_overrides()
    assert is_working_day(saturday)
    assert add_working_days(dt.date(2026, 3, 6), 1) == saturday


def test_only_system_administrators_change_the_calendar(world):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        actions.set_day_override(
            actor=world.clerk, date=dt.date(2026, 3, 9), is_working_day=False, note="Bão"
        )


def test_an_override_needs_a_reason(world):
    from egov.lib.errors import ActionError

    with pytest.raises(ActionError) as error:
        actions.set_day_override(
            actor=world.admin, date=dt.date(2026, 3, 9), is_working_day=False, note="  "
        )
    assert error.value.code == "note_required"
