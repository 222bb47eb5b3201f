"""Text forms of edXML values: organ codes, dates and timestamps (written one way, read several)."""

from __future__ import annotations

import re
from datetime import date, datetime
from enum import StrEnum
from typing import Final

from .constants import DATE_FORMAT, MAX_ORGAN_CODE_LENGTH, TIMESTAMP_FORMAT, VIETNAM_TZ

# Old QCVN 102 form, 13 characters, bottom-up: 000.00.00.H41 (the SDK samples also show JB2).
_OLD_ORGAN_CODE: Final = re.compile(r"[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9A-Z]{2}")
# New form (QĐ 20/2020, QĐ 09/2025), top-down: a letter group and two digits, then dotted levels.
_NEW_ORGAN_CODE: Final = re.compile(r"[A-Z][0-9]{2}(?:\.[0-9A-Z]{1,4})*")
# Anything that could be an identifier at all (test codes such as vxp.saas.03 or 28.22.H17).
_IDENTIFIER: Final = re.compile(r"[0-9A-Za-z][0-9A-Za-z._-]*")


class OrganCodeForm(StrEnum):
    OLD = "old"
    NEW = "new"
    OTHER = "other"  # a plausible identifier in neither form: tolerated on input only
    INVALID = "invalid"


def organ_code_form(value: str) -> OrganCodeForm:
    """Which form an organ code is written in. Codes are opaque: this checks shape only."""
    if not value or len(value) > MAX_ORGAN_CODE_LENGTH:
        return OrganCodeForm.INVALID
    if _OLD_ORGAN_CODE.fullmatch(value):
        return OrganCodeForm.OLD
    if _NEW_ORGAN_CODE.fullmatch(value):
        return OrganCodeForm.NEW
    if _IDENTIFIER.fullmatch(value) and ".." not in value:
        return OrganCodeForm.OTHER
    return OrganCodeForm.INVALID


def format_date(value: date) -> str:
    return value.strftime(DATE_FORMAT)


def format_timestamp(value: datetime) -> str:
    """Local time of Vietnam, no offset, as the SDK writes it. ``value`` must be aware."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("edXML timestamps are written from aware datetimes only")
    return value.astimezone(VIETNAM_TZ).strftime(TIMESTAMP_FORMAT)


CANONICAL_DATE_FORM: Final = "yyyy/MM/dd"
CANONICAL_TIMESTAMP_FORM: Final = "yyyy/MM/dd HH:mm:ss"

_DATE_FORMS: Final = (
    (re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})"), CANONICAL_DATE_FORM, (1, 2, 3)),
    (re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})"), "dd/MM/yyyy", (3, 2, 1)),
    (re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"), "yyyy-MM-dd", (1, 2, 3)),
)
_TIME: Final = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?")


def parse_date(text: str) -> tuple[date, str]:
    """Read a date in any form seen in real packages; return it and the form it was written in.

    ``yyyy/MM/dd`` is the SDK's (and ours); ``dd/MM/yyyy`` comes from the bkav validator and
    the C# status builder; ``yyyy-MM-dd`` from ISO-minded peers. Raises ``ValueError``.
    """
    text = text.strip()
    for pattern, form, (y, m, d) in _DATE_FORMS:
        match = pattern.fullmatch(text)
        if match:
            return date(int(match[y]), int(match[m]), int(match[d])), form
    raise ValueError(f"not a date: {text!r}")


def parse_timestamp(text: str) -> tuple[datetime, str]:
    """Read a timestamp; naive ones are local time of Vietnam. Returns it and its form.

    Accepted: the three date forms followed by ``HH:mm[:ss]``, ISO 8601 with ``T`` (with or
    without fraction and offset), and a bare date (midnight). Raises ``ValueError``.
    """
    text = text.strip()
    if "T" in text:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=VIETNAM_TZ)
        return parsed.replace(microsecond=0), "ISO 8601"
    date_part, _, time_part = text.partition(" ")
    day, date_form = parse_date(date_part)
    time_part = time_part.strip()
    if not time_part:
        return datetime(day.year, day.month, day.day, tzinfo=VIETNAM_TZ), date_form
    match = _TIME.fullmatch(time_part)
    if not match:
        raise ValueError(f"not a timestamp: {text!r}")
    hour, minute, second = int(match[1]), int(match[2]), int(match[3] or 0)
    value = datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=VIETNAM_TZ)
    form = f"{date_form} HH:mm:ss" if match[3] else f"{date_form} HH:mm"
    return value, form
