"""Deadline arithmetic of the one-stop-shop, on the platform's working calendar.

A dossier received on a working day before closing time counts from that day; received
after hours, on a weekend or a holiday, it counts from the next working day. A limit in
working days ends at closing time of the N-th working day after the day it counts from; a
limit in working hours counts office hours only (constants.OFFICE_PERIODS).
"""

from __future__ import annotations

import datetime as dt

from egov.lib.dates import BUSINESS_TZ
from egov.onestop import constants as c
from egov.onestop.choices import TimeUnit
from egov.workcalendar import queries as calendar


def local(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(BUSINESS_TZ)


def end_of(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, c.DAY_END, tzinfo=BUSINESS_TZ)


def counted_from(received_at: dt.datetime) -> dt.date:
    """The working day a dossier received at ``received_at`` counts from."""
    moment = local(received_at)
    day = moment.date()
    if calendar.is_working_day(day) and moment.time() < c.OFFICE_CLOSE:
        return day
    return calendar.next_working_day(day + dt.timedelta(days=1))


def _office_start(moment: dt.datetime) -> dt.datetime:
    """``moment`` if inside office hours on a working day, else the next opening."""
    moment = local(moment)
    day = moment.date()
    while True:
        if calendar.is_working_day(day):
            for start, end in c.OFFICE_PERIODS:
                opening = dt.datetime.combine(day, start, tzinfo=BUSINESS_TZ)
                closing = dt.datetime.combine(day, end, tzinfo=BUSINESS_TZ)
                if moment < closing:
                    return max(moment, opening)
        day += dt.timedelta(days=1)
        moment = dt.datetime.combine(day, dt.time(0), tzinfo=BUSINESS_TZ)


def add_working_hours(start: dt.datetime, hours: int) -> dt.datetime:
    """The moment ``hours`` office hours after ``start``."""
    remaining = dt.timedelta(hours=hours)
    moment = _office_start(start)
    while True:
        day = moment.date()
        for _start, end in c.OFFICE_PERIODS:
            closing = dt.datetime.combine(day, end, tzinfo=BUSINESS_TZ)
            if moment >= closing:
                continue
            available = closing - moment
            if remaining <= available:
                return moment + remaining
            remaining -= available
            moment = closing
        moment = _office_start(moment + dt.timedelta(minutes=1))


def due_after(received_at: dt.datetime, amount: int, unit: str) -> dt.datetime:
    """When a limit of ``amount`` (working days or hours) from ``received_at`` runs out."""
    if unit == TimeUnit.WORKING_HOURS:
        return add_working_hours(received_at, amount)
    return end_of(calendar.add_working_days(counted_from(received_at), amount))


def shift_by_pause(
    due: dt.datetime, paused_at: dt.datetime, resumed_at: dt.datetime
) -> dt.datetime:
    """``due`` moved later by the working days the clock stood still (a pause begun and
    ended on the same working day moves nothing)."""
    days = calendar.working_days_between(local(paused_at).date(), local(resumed_at).date())
    if days <= 0:
        return due
    moved = calendar.add_working_days(local(due).date(), days)
    return dt.datetime.combine(moved, local(due).time(), tzinfo=BUSINESS_TZ)
