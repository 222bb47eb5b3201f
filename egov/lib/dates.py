"""Business dates: the platform's day and year boundaries are those of Asia/Ho_Chi_Minh."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.utils import timezone

BUSINESS_TZ = ZoneInfo("Asia/Ho_Chi_Minh")

#: Far future used as the open end of a validity period in range arithmetic.
OPEN_END = dt.date(9999, 12, 31)


def local_today() -> dt.date:
    """Today's date in Vietnam, whatever the server's time zone."""
    return timezone.now().astimezone(BUSINESS_TZ).date()


def parse_iso_date(raw: str) -> dt.date:
    """Parse YYYY-MM-DD or DD/MM/YYYY (the form Vietnamese users type)."""
    raw = raw.strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"not a date: {raw!r}")
