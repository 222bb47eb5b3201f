"""Messages as real clients write them, for the ingestion tests and the bench."""

from __future__ import annotations

import email.policy
import uuid
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from django.utils import timezone


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
