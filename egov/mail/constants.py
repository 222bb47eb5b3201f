"""Fixed values of the mail part."""

import re

#: A local part the platform accepts: lower-case ASCII letters, digits, dot, hyphen,
#: underscore; starts and ends with a letter or digit; no two dots in a row (RFC 5321 limits
#: it to 64 octets).
LOCAL_PART_RE = re.compile(r"^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$")
LOCAL_PART_MAX = 64

#: Local parts no person may take: the mail system's own and the agencies' role addresses.
RESERVED_LOCAL_PARTS = frozenset(
    {"postmaster", "abuse", "root", "admin", "hostmaster", "webmaster", "mailer-daemon", "noreply"}
)

#: The reason Dovecot gives a suspended user at login ([CONTACTADMIN] …), kept ASCII because
#: IMAP response text is.
SUSPENDED_REASON = "Hop thu da bi tam khoa - lien he quan tri"
