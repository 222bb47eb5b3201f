"""The reporting calendar: period codes, bounds, labels, the data cut-off window of a form
(15th of the month before → 14th by default, Nghị định 09/2019/NĐ-CP Điều 12), deadlines,
and the comparison periods of the Vietnamese report columns."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from egov.lib.errors import ActionError
from egov.reporting.choices import Frequency

if TYPE_CHECKING:
    from egov.reporting.models import Period, ReportForm

#: Periods of each frequency in a year, and the months each one spans.
PER_YEAR = {
    Frequency.MONTH: 12,
    Frequency.QUARTER: 4,
    Frequency.HALF_YEAR: 2,
    Frequency.NINE_MONTHS: 1,
    Frequency.YEAR: 1,
}
_MONTHS = {
    Frequency.MONTH: 1,
    Frequency.QUARTER: 3,
    Frequency.HALF_YEAR: 6,
    Frequency.NINE_MONTHS: 9,
    Frequency.YEAR: 12,
}
_LETTER = {
    Frequency.MONTH: "M",
    Frequency.QUARTER: "Q",
    Frequency.HALF_YEAR: "S",
    Frequency.NINE_MONTHS: "N",
}
_CODE = re.compile(r"^(\d{4})(?:-([MQSN])(\d{1,2}))?$")
_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def period_code(frequency: str, year: int, number: int) -> str:
    """2026-M03, 2026-Q1, 2026-S1, 2026-N9 (nine months), 2026 (year)."""
    if frequency == Frequency.YEAR:
        return f"{year}"
    if frequency == Frequency.NINE_MONTHS:
        return f"{year}-N9"
    width = 2 if frequency == Frequency.MONTH else 1
    return f"{year}-{_LETTER[Frequency(frequency)]}{number:0{width}d}"


def parse_period_code(code: str) -> tuple[str, int, int]:
    """(frequency, year, number) of a period code, or a Vietnamese error naming it."""
    match = _CODE.match(code.strip())
    if match is None:
        raise ActionError(
            _("Mã kỳ “%(code)s” không đúng dạng (ví dụ 2026-M03, 2026-Q1, 2026).") % {"code": code},
            code="bad_period",
        )
    year = int(match.group(1))
    if match.group(2) is None:
        return Frequency.YEAR, year, 1
    letter, number = match.group(2), int(match.group(3))
    frequency = next(f for f, x in _LETTER.items() if x == letter)
    if frequency == Frequency.NINE_MONTHS:
        number = 1 if number == 9 else 0
    if not 1 <= number <= PER_YEAR[frequency]:
        raise ActionError(
            _("Mã kỳ “%(code)s” không có trong năm.") % {"code": code}, code="bad_period"
        )
    return frequency, year, number


def bounds(frequency: str, year: int, number: int) -> tuple[dt.date, dt.date]:
    """First and last calendar day of the period."""
    months = _MONTHS[Frequency(frequency)]
    first_month = 1 if frequency == Frequency.NINE_MONTHS else (number - 1) * months + 1
    last_month = first_month + months - 1
    last_day = calendar.monthrange(year, last_month)[1]
    return dt.date(year, first_month, 1), dt.date(year, last_month, last_day)


def period_label(frequency: str, year: int, number: int) -> str:
    if frequency == Frequency.MONTH:
        return _("Tháng %(n)s/%(y)s") % {"n": number, "y": year}
    if frequency == Frequency.QUARTER:
        return _("Quý %(n)s/%(y)s") % {"n": _ROMAN[number], "y": year}
    if frequency == Frequency.HALF_YEAR:
        if number == 1:
            return _("6 tháng đầu năm %(y)s") % {"y": year}
        return _("6 tháng cuối năm %(y)s") % {"y": year}
    if frequency == Frequency.NINE_MONTHS:
        return _("9 tháng năm %(y)s") % {"y": year}
    return _("Năm %(y)s") % {"y": year}


def get_period(frequency: str, year: int, number: int) -> Period:
    """The period, created on first use (periods are calendar facts, not decisions)."""
    from egov.reporting.models import Period

    start, end = bounds(frequency, year, number)
    period, _created = Period.objects.get_or_create(
        frequency=frequency,
        year=year,
        number=number,
        defaults={"code": period_code(frequency, year, number), "start": start, "end": end},
    )
    return period


def period_from_code(code: str) -> Period:
    return get_period(*parse_period_code(code))


def _shift_month(day: dt.date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def cutoff_window(form: ReportForm, period: Period) -> tuple[dt.date, dt.date]:
    """The data cut-off window: from the form's start day of the month before the period's
    first month to its end day of the period's last month (15/12 → 14/12 for a year)."""
    year, month = _shift_month(period.start, -1)
    start = dt.date(year, month, form.cutoff_start_day)
    end = dt.date(period.end.year, period.end.month, form.cutoff_end_day)
    return start, end


def due_date(form: ReportForm, period: Period) -> dt.date:
    return cutoff_window(form, period)[1] + dt.timedelta(days=form.deadline_days)


def previous(period: Period) -> Period:
    if period.number > 1:
        return get_period(period.frequency, period.year, period.number - 1)
    return get_period(period.frequency, period.year - 1, PER_YEAR[Frequency(period.frequency)])


def same_period_last_year(period: Period) -> Period:
    return get_period(period.frequency, period.year - 1, period.number)


def year_to_date(period: Period) -> list[Period]:
    """The periods of the same frequency from the start of the year to ``period``."""
    return [get_period(period.frequency, period.year, n) for n in range(1, period.number + 1)]


def open_for_entry(form: ReportForm, period: Period, today: dt.date) -> bool:
    """Current-mode entry is open once the cut-off window has started."""
    return cutoff_window(form, period)[0] <= today


def recent_periods(frequency: str, today: dt.date, count: int = 6) -> list[Period]:
    """The latest ``count`` periods whose cut-off window has started, newest first."""
    per_year = PER_YEAR[Frequency(frequency)]
    months = _MONTHS[Frequency(frequency)]
    if frequency == Frequency.NINE_MONTHS:
        year, number = today.year, 1
    else:
        year, number = today.year, min(per_year, (today.month - 1) // months + 1)
    result: list[Period] = []
    while len(result) < count:
        start, _end = bounds(frequency, year, number)
        cut_year, cut_month = _shift_month(start, -1)
        if dt.date(cut_year, cut_month, 15) <= today:
            result.append(get_period(frequency, year, number))
        number -= 1
        if number == 0:
            year, number = year - 1, per_year
    return result
