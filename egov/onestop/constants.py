"""Limits and office hours of the one-stop-shop."""

from __future__ import annotations

import datetime as dt

#: Largest file accepted with a dossier.
MAX_FILE_BYTES = 10 * 1024 * 1024
#: Largest number of files with one dossier.
MAX_FILES = 30
#: Office hours (working hours count inside them): morning and afternoon.
OFFICE_PERIODS: tuple[tuple[dt.time, dt.time], ...] = (
    (dt.time(7, 30), dt.time(11, 30)),
    (dt.time(13, 30), dt.time(17, 0)),
)
#: After this time a dossier counts as received the next working day.
OFFICE_CLOSE = dt.time(17, 0)
OFFICE_OPEN = dt.time(7, 30)
#: The end of a working day, as a due time.
DAY_END = dt.time(17, 0)
#: E-mail verification codes: validity and attempts.
EMAIL_CODE_MINUTES = 15
EMAIL_CODE_ATTEMPTS = 5
#: Codes sent to one address in an hour, at most (no mail bombing through the form).
EMAIL_CODES_PER_HOUR = 5
#: A sequence of four digits per receiving unit per day.
SEQUENCE_DIGITS = 4
#: Apology (Mẫu 04) at least this many working days before the due date.
APOLOGY_MIN_DAYS_BEFORE = 1
#: The lookup key printed on the receipt (and in its QR code).
LOOKUP_KEY_LENGTH = 8
