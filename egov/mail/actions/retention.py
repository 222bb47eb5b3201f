"""The end of a left official's mailbox: its content exported to the archive first (every
folder as mbox in one gzipped tar, stored with its SHA-256 and audited), then the removal
requested (and applied once approved; the removal itself refuses without an export)."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import mailbox as mbox
import re
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from egov.audit.service import record
from egov.lib.dates import local_today
from egov.lib.errors import ActionError
from egov.mail import audit_names, transport
from egov.mail.actions.mailboxes import request_removals_due
from egov.mail.choices import MailboxState
from egov.mail.models import Mailbox, MailboxArchive, MailboxChange

_LIST_NAME = re.compile(rb'\((?P<flags>[^)]*)\) (?P<sep>"[^"]*"|NIL) (?P<name>.+)$')


def _folders(client: Any) -> list[str]:
    _status, data = client.list()
    names = []
    for line in data or []:
        if not isinstance(line, bytes):
            continue
        match = _LIST_NAME.match(line)
        if match is None or b"\\Noselect" in match.group("flags"):
            continue
        name = match.group("name").decode()
        names.append(name[1:-1] if name.startswith('"') else name)
    return names


def _export(address: str, target: Path) -> tuple[int, list[str]]:
    """Write every folder of ``address`` as ``<folder>.mbox`` into ``target``."""
    box = transport.imap_login(address)
    count, folders = 0, []
    try:
        client = box.client
        for folder in _folders(client):
            status, _data = client.select('"' + folder + '"', readonly=True)
            if status != "OK":
                continue
            safe = re.sub(r"[^A-Za-z0-9._-]", "_", folder) or "INBOX"
            store = mbox.mbox(str(target / f"{safe}.mbox"))
            _status, data = client.uid("FETCH", "1:*", "(UID BODY.PEEK[])")
            for item in data or []:
                if isinstance(item, tuple):
                    store.add(item[1])
                    count += 1
            store.flush()
            store.close()
            folders.append(folder)
    finally:
        box.logout()
    return count, folders


@transaction.atomic
def archive_mailbox(*, actor: Any, mailbox: Mailbox) -> MailboxArchive:
    """Export a suspended mailbox's content to the default storage. Precondition: the
    mailbox is suspended (its owner has left); it is read as the server's master user."""
    if mailbox.state != MailboxState.SUSPENDED:
        raise ActionError(
            _("Chỉ lưu trữ nội dung hộp thư đã tạm khóa (hộp thư đang “%(state)s”).")
            % {"state": mailbox.get_state_display()},
            code="not_suspended",
        )
    with tempfile.TemporaryDirectory(prefix="egov-mail-archive-") as tmp:
        folder = Path(tmp) / mailbox.local_part
        folder.mkdir()
        try:
            count, folders = _export(mailbox.address, folder)
        except transport.MailServerUnavailableError as exc:
            raise ActionError(
                _("Không đọc được hộp thư để lưu trữ: %(error)s") % {"error": str(exc)[:200]},
                code="mail_server_unavailable",
            ) from exc
        buffer = io.BytesIO()
        with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
            tar.add(folder, arcname=mailbox.address)
    data = buffer.getvalue()
    sha = hashlib.sha256(data).hexdigest()
    stamp = timezone.now().strftime("%Y%m%dT%H%M%S")
    path = default_storage.save(
        f"mail/archive/{mailbox.domain.name}/{mailbox.local_part}-{stamp}-{sha[:12]}.tar.gz",
        ContentFile(data),
    )
    archive = MailboxArchive.objects.create(
        mailbox=mailbox,
        content=path,
        sha256=sha,
        size=len(data),
        messages=count,
        folders=folders,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    record(
        action=audit_names.MAILBOX_ARCHIVE,
        actor=actor,
        obj=mailbox,
        unit_id=mailbox.unit_id,
        after={"archive": path, "sha256": sha, "messages": count, "folders": folders},
    )
    return archive


@dataclass
class RetentionReport:
    archived: list[MailboxArchive]
    requested: list[MailboxChange]
    errors: list[str]


def run_retention(*, today: dt.date | None = None) -> RetentionReport:
    """The scheduled job: export every mailbox past its retention date that has no export
    yet, then request the removals due (applied when approved, or at once without review)."""
    day = today or local_today()
    archived, errors = [], []
    due = Mailbox.objects.filter(
        state=MailboxState.SUSPENDED, remove_after__lte=day, archives__isnull=True
    ).select_related("domain", "unit")
    for box in due:
        try:
            archived.append(archive_mailbox(actor=None, mailbox=box))
        except ActionError as exc:
            errors.append(f"{box.address}: {'; '.join(exc.messages)}")
    ready = [
        change
        for change in request_removals_due(actor=None, today=day)
        if change.mailbox.archives.exists()
    ]
    return RetentionReport(archived, ready, errors)
