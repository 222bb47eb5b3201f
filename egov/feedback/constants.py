"""Limits of the feedback part. Deployment-specific ones are read from settings with these
defaults (``EGOV_FEEDBACK_*``)."""

TITLE_MAX = 200
TEXT_MIN = 10
TEXT_MAX = 5000
ANSWER_MAX = 20000
ADDRESS_MAX = 300
NAME_MAX = 120
PHONE_MAX = 20
NOTE_MAX = 2000

#: Working days to answer when neither the category nor the settings say otherwise
#: (the legacy rule of TT 26/2009: answer within 10 days).
DEFAULT_ANSWER_DAYS = 10

#: Attachments: at most this many files per item, each at most this size; the type is sniffed
#: from the content, the name's extension must agree.
MAX_ATTACHMENTS = 3
MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024
ALLOWED_TYPES = {
    "image/jpeg": (".jpg", ".jpeg"),
    "image/png": (".png",),
    "application/pdf": (".pdf",),
}

#: E-mail verification codes: six digits, valid this long, this many tries.
CODE_TTL_MINUTES = 30
CODE_MAX_ATTEMPTS = 5

#: Abuse control defaults: submissions per window per IP address and per e-mail address.
RATE_WINDOW_MINUTES = 60
RATE_PER_IP = 5
RATE_PER_EMAIL = 3
#: The challenge: answered no sooner than this after the form was shown, no later than that.
CHALLENGE_MIN_SECONDS = 3
CHALLENGE_MAX_SECONDS = 2 * 3600

PUBLIC_PAGE_SIZE = 20
#: The public list counts at most this many results ("more than 1,000").
PUBLIC_COUNT_CAP = 1000
QUEUE_PAGE_SIZE = 50
