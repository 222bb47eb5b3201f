"""The neutral row every codec reads into and writes from, and period codes of the
exchange formats (DHIS2 ``201201``/``2012Q1``, ADX ``2012-01-01/P1M``, SDMX ``2012-M01``)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from egov.lib.errors import ActionError
from egov.reporting.choices import Frequency
from egov.reporting.periods import PER_YEAR, bounds, period_code


@dataclass(slots=True)
class Observation:
    """One value in a file. ``where`` locates it for error messages (line, element)."""

    where: str
    indicator: str
    unit: str
    period: str  # our period code
    value: str
    combo: str | None = None
    options: dict[str, str] = field(default_factory=dict)  # ADX: category → option code
    status: str = ""
    comment: str = ""


class FormatError(ActionError):
    """The file is not in the expected format; ``where`` locates the problem."""

    def __init__(self, message: str, *, where: str) -> None:
        super().__init__(
            _("%(where)s: %(message)s") % {"where": where, "message": message}, code="bad_file"
        )
        self.where = where


_DHIS2 = re.compile(r"^(\d{4})(?:(\d{2})|Q([1-4])|S([12])|)$")
_ADX = re.compile(r"^(\d{4})-(\d{2})-(\d{2})/P(\d+)([MY])$")
_ADX_MONTHS = {
    1: Frequency.MONTH,
    3: Frequency.QUARTER,
    6: Frequency.HALF_YEAR,
    9: Frequency.NINE_MONTHS,
    12: Frequency.YEAR,
}


def from_dhis2_period(code: str, where: str) -> str:
    match = _DHIS2.match(code.strip())
    if match is None:
        raise FormatError(_("kỳ “%(code)s” không đúng dạng DHIS2.") % {"code": code}, where=where)
    year = int(match.group(1))
    if match.group(2):
        month = int(match.group(2))
        if not 1 <= month <= 12:
            raise FormatError(_("kỳ “%(code)s” không có tháng này.") % {"code": code}, where=where)
        return period_code(Frequency.MONTH, year, month)
    if match.group(3):
        return period_code(Frequency.QUARTER, year, int(match.group(3)))
    if match.group(4):
        return period_code(Frequency.HALF_YEAR, year, int(match.group(4)))
    return period_code(Frequency.YEAR, year, 1)


def to_dhis2_period(frequency: str, year: int, number: int) -> str:
    if frequency == Frequency.MONTH:
        return f"{year}{number:02d}"
    if frequency == Frequency.QUARTER:
        return f"{year}Q{number}"
    if frequency == Frequency.HALF_YEAR:
        return f"{year}S{number}"
    if frequency == Frequency.YEAR:
        return str(year)
    raise ActionError(_("DHIS2 không có kỳ 9 tháng."), code="no_such_period")


def from_adx_period(text: str, where: str) -> str:
    match = _ADX.match(text.strip())
    if match is None:
        raise FormatError(_("kỳ “%(code)s” không đúng dạng ADX.") % {"code": text}, where=where)
    year, month, day = int(match.group(1)), int(match.group(2)), int(match.group(3))
    length = int(match.group(4)) * (12 if match.group(5) == "Y" else 1)
    frequency = _ADX_MONTHS.get(length)
    if frequency is None or day != 1:
        raise FormatError(
            _("kỳ “%(code)s” không có trong chế độ báo cáo.") % {"code": text}, where=where
        )
    months = 12 // PER_YEAR[frequency] if frequency != Frequency.NINE_MONTHS else 9
    if (month - 1) % months:
        raise FormatError(_("kỳ “%(code)s” không bắt đầu đầu kỳ.") % {"code": text}, where=where)
    number = 1 if frequency == Frequency.NINE_MONTHS else (month - 1) // months + 1
    return period_code(frequency, year, number)


def to_adx_period(frequency: str, year: int, number: int) -> str:
    start, _end = bounds(frequency, year, number)
    length = {
        Frequency.MONTH: "P1M",
        Frequency.QUARTER: "P3M",
        Frequency.HALF_YEAR: "P6M",
        Frequency.NINE_MONTHS: "P9M",
        Frequency.YEAR: "P1Y",
    }[Frequency(frequency)]
    return f"{start.isoformat()}/{length}"


def to_sdmx_period(frequency: str, year: int, number: int) -> str:
    """SDMX reporting periods: 2012-M01, 2012-Q1, 2012-S1, 2012; nine months as a range."""
    if frequency == Frequency.NINE_MONTHS:
        return f"{year}-01-01/P9M"
    return period_code(frequency, year, number).replace(f"{year}-N9", f"{year}")


def exported_now() -> str:
    return dt.datetime.now(tz=dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
