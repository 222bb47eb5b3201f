"""Fixed values of the KT-XH reporting app."""

from decimal import Decimal

#: Nghị định 09/2019/NĐ-CP, Điều 12: data are cut off from the 15th of the month before the
#: reporting month to the 14th of the reporting month. A form may set other days.
DEFAULT_CUTOFF_START_DAY = 15
DEFAULT_CUTOFF_END_DAY = 14
#: Days after the cut-off end by which a report is due, unless the form says otherwise.
DEFAULT_DEADLINE_DAYS = 5
#: The code of the category option combination of an indicator without breakdown.
DEFAULT_COMBO_CODE = "default"
#: A change from the same period last year larger than this share is an outlier warning.
DEFAULT_OUTLIER_SHARE = Decimal("0.5")
#: The first year the back-entry mode accepts (the seeds ask for data from 2004 onwards).
FIRST_BACKFILL_YEAR = 2000
#: Digits kept for stored values.
VALUE_MAX_DIGITS = 24
VALUE_DECIMAL_PLACES = 6
#: Largest number of cells one exchange-file import may carry.
MAX_IMPORT_VALUES = 2_000_000
