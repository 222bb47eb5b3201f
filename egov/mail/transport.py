"""Talking to the mail server: submit a message over SMTP, read a mailbox over IMAP.

Submission goes to the province's MTA (``EGOV_MAIL_SMTP_HOST``); the platform never
delivers mail itself. Reading logs in to Dovecot as its master user
(``<mailbox>*<master user>``): the worker needs no mailbox's password, and the mailbox
owner's own password stays theirs. With no host configured (the demo) both refuse with
:class:`MailServerUnavailableError`, which the actions turn into a clear message.
"""

from __future__ import annotations

import smtplib
from collections.abc import Sequence

from django.conf import settings
from imap_tools import MailBoxUnencrypted


class MailServerUnavailableError(RuntimeError):
    """No mail server configured, or it refused the connection."""


def submit(*, envelope_from: str, recipients: Sequence[str], message: bytes) -> None:
    """Hand ``message`` to the MTA for ``recipients``; raise if any is refused."""
    host = settings.EGOV_MAIL_SMTP_HOST
    if not host:
        raise MailServerUnavailableError("EGOV_MAIL_SMTP_HOST is not set")
    try:
        with smtplib.SMTP(host, settings.EGOV_MAIL_SMTP_PORT, timeout=30) as smtp:
            refused = smtp.sendmail(envelope_from, list(recipients), message)
    except (OSError, smtplib.SMTPException) as exc:
        raise MailServerUnavailableError(f"{type(exc).__name__}: {exc}") from exc
    if refused:
        raise MailServerUnavailableError(f"refused: {refused}")


def imap_login(address: str) -> MailBoxUnencrypted:
    """An IMAP session on ``address``'s mailbox as the master user (plain IMAP: the worker
    and Dovecot talk on a private network or loopback; use TLS across machines)."""
    host = settings.EGOV_MAIL_IMAP_HOST
    if not host or not settings.EGOV_MAIL_IMAP_MASTER_PASSWORD:
        raise MailServerUnavailableError("EGOV_MAIL_IMAP_HOST or the master password is not set")
    try:
        box = MailBoxUnencrypted(host, settings.EGOV_MAIL_IMAP_PORT, timeout=60)
        box.login(
            f"{address}*{settings.EGOV_MAIL_IMAP_MASTER_USER}",
            settings.EGOV_MAIL_IMAP_MASTER_PASSWORD,
            initial_folder=None,
        )
    except Exception as exc:
        raise MailServerUnavailableError(f"{type(exc).__name__}: {exc}") from exc
    return box
