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

#: Document types the province's directive (seed 002 §1.e) lets agencies send and receive by
#: e-mail, by their code in the e-office catalogue: invitations, official letters (công
#: văn, never secret ones), reports (weekly to yearly and thematic), announcements, work
#: programmes and schedules, guidance. Meeting papers, speeches and copies travel as one of
#: these types. Secret documents are refused whatever their type.
MAILABLE_DOCUMENT_TYPES = frozenset(
    {"giay-moi", "cong-van", "bao-cao", "thong-bao", "chuong-trinh", "huong-dan", "ke-hoach"}
)

#: Most recipients of one document e-mail (a longer list goes through a group address).
MAX_MAIL_RECIPIENTS = 50

#: Domains treated as government mail (a message from elsewhere without a document is a
#: citizen's): the suffix of every Vietnamese state agency's domain.
GOVERNMENT_DOMAIN_SUFFIXES = (".gov.vn",)
