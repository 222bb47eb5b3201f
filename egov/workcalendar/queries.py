"""Working-day arithmetic for every deadline on the platform.

A day is a working day when it is Monday to Friday and not a Vietnamese public holiday (the
``holidays`` package, which follows the Government's yearly announcements, Tết included),
unless an administrator's :class:`DayOverride` says otherwise. Overrides are read once per
year and cached in the process; the cache is cleared by the actions that change them.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import holidays

from egov.workcalendar.models import DayOverride


@cache
def _public_holidays(year: int) -> frozenset[dt.date]:
    return frozenset(holidays.country_holidays("VN", years=year).keys())


_override_cache: dict[int, dict[dt.date, bool]] = {}


def _overrides(year: int) -> dict[dt.date, bool]:
    if year not in _override_cache:
        _override_cache[year] = dict(
            DayOverride.objects.filter(date__year=year).values_list("date", "is_working_day")
        )
    return _override_cache[year]


def forget_overrides() -> None:
    _override_cache.clear()


def holiday_name(day: dt.date) -> str | None:
    names = holidays.country_holidays("VN", years=day.year)
    return names.get(day)


def is_working_day(day: dt.date) -> bool:
    override = _overrides(day.year).get(day)
    if override is not None:
        return override
    return day.weekday() < 5 and day not in _public_holidays(day.year)


def next_working_day(day: dt.date) -> dt.date:
    """``day`` itself when it is a working day, else the first working day after it."""
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    return day


def add_working_days(start: dt.date, days: int) -> dt.date:
    """The date ``days`` working days after ``start`` (``start`` itself does not count).

    A document received on Friday 13 February 2026 with 3 working days is due on Wednesday
    25 February: the Tết break from 14 to 22 February does not count.
    """
    if days < 0:
        raise ValueError("days must not be negative")
    day = start
    remaining = days
    while remaining:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days after ``start`` up to and including ``end`` (negative when reversed)."""
    if end < start:
        return -working_days_between(end, start)
    count = 0
    day = start
    while day < end:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            count += 1
    return count
