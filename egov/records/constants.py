"""Fixed values of the records part."""

#: Phụ lục VI §III field lengths.
FILE_CODE_MAX = 20
TITLE_MAX = 500
DESCRIPTION_MAX = 500
CREATOR_MAX = 100

#: A closed file goes to the agency archive within a year of the matter's end (Luật Lưu trữ
#: 2024, Điều 15 khoản 2; earlier Luật Lưu trữ 2011, Điều 11): the due date is close + 1 year.
HANDOVER_AFTER_YEARS = 1
#: Phụ lục VI III.5: warn 30 days before a file is due for hand-over.
HANDOVER_WARNING_DAYS = 30
#: Retention periods accepted (years); None means permanent (vĩnh viễn).
MAX_RETENTION_YEARS = 100
#: Rows of a file plan accepted in one import.
PLAN_MAX_ROWS = 5_000
#: Documents in one printed register; a longer period is split by the user.
REGISTER_MAX_ROWS = 50_000
