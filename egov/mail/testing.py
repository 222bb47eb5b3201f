"""Helpers for tests and the bench: agency mailboxes, deliveries through the real Postfix,
reading a mailbox back over IMAP as Dovecot's master user."""

from __future__ import annotations

import email.policy
import imaplib
import smtplib
import time
import uuid
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from typing import Any

from django.utils import timezone

from egov.mail import actions
from egov.mail.models import Mailbox, MailboxChange
from egov.organisations.models import OrgUnit


def approve_pending() -> None:
    for change in MailboxChange.objects.pending().order_by("pk"):
        actions.approve_change(actor=None, change=change, skip_access_check=True)


def agency_mailbox(unit: OrgUnit, local_part: str) -> Mailbox:
    """An active shared mailbox for ``unit`` (provisioned and approved)."""
    actions.provision_shared_mailbox(
        actor=None, unit=unit, local_part=local_part, skip_access_check=True
    )
    approve_pending()
    return Mailbox.objects.get(local_part=local_part)


def deliver(stack: Any, *, sender: str, recipients: list[str], raw: bytes) -> None:
    """Send ``raw`` through the harness's Postfix (envelope ``sender``)."""
    with smtplib.SMTP("127.0.0.1", stack.smtp_port, timeout=30) as smtp:
        smtp.sendmail(sender, recipients, raw)


def imap_as(stack: Any, address: str) -> imaplib.IMAP4:
    client = imaplib.IMAP4("127.0.0.1", stack.imap_port, timeout=30)
    client.login(f"{address}*{stack.master_user}", stack.master_password)
    return client


def wait_for_header(
    stack: Any, address: str, header: str, value: str, *, timeout: float = 20.0
) -> bytes:
    """The raw message in ``address``'s INBOX whose ``header`` contains ``value``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        client = imap_as(stack, address)
        try:
            client.select("INBOX", readonly=True)
            _status, data = client.uid("SEARCH", "HEADER", header, value)
            if data and data[0]:
                uid = data[0].split()[-1]
                _status, fetched = client.uid("FETCH", uid, "(BODY.PEEK[])")
                item = fetched[0]
                if isinstance(item, tuple):
                    return bytes(item[1])
        finally:
            client.logout()
        time.sleep(0.1)
    raise AssertionError(f"no message with {header}: {value} in {address}\n{stack.postfix_log}")


def wait_for_count(stack: Any, address: str, count: int, *, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        client = imap_as(stack, address)
        try:
            _status, data = client.select("INBOX", readonly=True)
            if data and data[0] and int(data[0]) >= count:
                return
        finally:
            client.logout()
        time.sleep(0.2)
    raise AssertionError(f"{address} never held {count} messages\n{stack.postfix_log}")


def message(
    *,
    sender: str,
    to: str,
    subject: str = "Thư thử nghiệm",
    body: str = "Nội dung thư.",
    attachments: list[tuple[str, str, bytes]] | None = None,
    message_id: str | None = None,
    in_reply_to: str = "",
    raw_subject: str | None = None,
) -> tuple[str, bytes]:
    """(Message-ID, bytes). ``attachments`` = (name, declared type, data); ``raw_subject``
    is written as it is (an encoded word in a legacy charset, say)."""
    msg = EmailMessage(policy=email.policy.SMTP)
    msg["From"] = sender
    msg["To"] = to
    if raw_subject is None:
        msg["Subject"] = subject
    msg["Date"] = format_datetime(timezone.now())
    msg_id = message_id or make_msgid(idstring=uuid.uuid4().hex[:8], domain="test.invalid")
    msg["Message-ID"] = msg_id
    if in_reply_to:
        msg["In-Reply-To"] = in_reply_to
        msg["References"] = in_reply_to
    msg.set_content(body)
    for name, declared, data in attachments or []:
        maintype, _sep, subtype = declared.partition("/")
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    raw = msg.as_bytes(policy=email.policy.SMTP)
    if raw_subject is not None:
        raw = f"Subject: {raw_subject}\r\n".encode() + raw
    return msg_id, raw
