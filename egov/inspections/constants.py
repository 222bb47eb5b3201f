#: Seed 003: "60 ngày kể từ ngày ban hành văn bản" — calendar days unless the inspector
#: chooses working days.
DEFAULT_FIX_DAYS = 60
MAX_EVIDENCE_BYTES = 10 * 1024 * 1024
MAX_EVIDENCE_PER_OBJECT = 10
