"""Answers given outside the platform: an agency's staff often answer a citizen from their
mail client, which files the answer in the mailbox's *Sent* folder. The worker reads that
folder's headers (read-only, by UID like the INBOX) and a message whose ``In-Reply-To`` or
``References`` names a citizen's message stops its response-time clock at the answer's
INTERNALDATE (if no earlier answer did)."""

from __future__ import annotations

import datetime as dt
import re
import time
from typing import Any

from django.db import transaction
from django.db.models import Q

from egov.mail.choices import InboundKind, InboundState
from egov.mail.models import FolderCursor, InboundMail, Mailbox

#: Folder names mail clients file sent mail under (Dovecot's default first).
SENT_FOLDERS = ("Sent", "Sent Messages", "Sent Items", "INBOX.Sent")
_MSGID = re.compile(rb"<[^<>\s]+>")
_UID = re.compile(rb"UID (\d+)")
_DATE = re.compile(rb'INTERNALDATE "([^"]+)"')


def _when(raw: bytes) -> dt.datetime:
    import imaplib

    parsed = imaplib.Internaldate2tuple(b'INTERNALDATE "' + raw + b'"')
    if parsed is None:
        return dt.datetime.now(dt.UTC)
    return dt.datetime.fromtimestamp(time.mktime(parsed), tz=dt.UTC)


def _select_sent(client: Any) -> tuple[str, int] | None:
    for name in SENT_FOLDERS:
        status, _data = client.select(f'"{name}"', readonly=True)
        if status == "OK":
            raw = client.untagged_responses.get("UIDVALIDITY", [b"0"])[0]
            return name, int(raw if isinstance(raw, bytes) else b"0")
    return None


def scan_sent(client: Any, mailbox: Mailbox) -> int:
    """Mark citizens' messages answered from the Sent folder; returns how many."""
    found = _select_sent(client)
    if found is None:
        return 0
    folder, uidvalidity = found
    cursor = FolderCursor.objects.get_or_create(mailbox=mailbox, folder=folder)[0]
    if cursor.uidvalidity != uidvalidity:
        cursor.uidvalidity, cursor.last_uid = uidvalidity, 0
    _status, data = client.uid(
        "FETCH",
        f"{cursor.last_uid + 1}:*",
        "(UID INTERNALDATE BODY.PEEK[HEADER.FIELDS (IN-REPLY-TO REFERENCES)])",
    )
    answered, last = 0, cursor.last_uid
    for item in data or []:
        if not isinstance(item, tuple):
            continue
        uid_match, date_match = _UID.search(item[0]), _DATE.search(item[0])
        if uid_match is None or int(uid_match.group(1)) <= cursor.last_uid:
            continue
        last = max(last, int(uid_match.group(1)))
        ids = [m.decode(errors="replace") for m in _MSGID.findall(item[1] or b"")]
        if not ids or date_match is None:
            continue
        when = _when(date_match.group(1))
        with transaction.atomic():
            answered += InboundMail.objects.filter(
                Q(answered_at__isnull=True) | Q(answered_at__gt=when),
                mailbox=mailbox,
                kind=InboundKind.FEEDBACK,
                message_id__in=ids,
            ).update(answered_at=when, state=InboundState.ANSWERED)
    cursor.last_uid = last
    cursor.save(update_fields=["uidvalidity", "last_uid"])
    return answered
