"""Reading agencies' official mailboxes (the worker's job).

Each folder is read by UID from where the last run stopped (:class:`FolderCursor`), with
``BODY.PEEK[]`` on a read-only selection: nothing in the mailbox changes, the agency's staff
still see their mail unread. Each message is imported in its own transaction together with
the cursor's move, so a crash neither loses nor repeats one. A message that cannot be
imported becomes a ``failed`` record with its error (the message stays in the mailbox); one
already imported (same Message-ID) is skipped.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import imaplib
import logging
import re
import time
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.utils import timezone

from egov.audit.service import record
from egov.mail import audit_names, dkim, transport
from egov.mail.actions import commands, sent
from egov.mail.choices import DkimResult, InboundKind, InboundState, MailboxKind, MailboxState
from egov.mail.constants import GOVERNMENT_DOMAIN_SUFFIXES
from egov.mail.inbound import clamav
from egov.mail.inbound.parse import Parsed, parse
from egov.mail.models import FolderCursor, InboundMail, Mailbox, OutboundMail

log = logging.getLogger(__name__)
_FETCH_ITEM = re.compile(rb"UID (\d+)|RFC822\.SIZE (\d+)|INTERNALDATE \"([^\"]+)\"")
BATCH = 50


@dataclass
class IngestReport:
    mailbox: str
    imported: int = 0
    duplicates: int = 0
    failed: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)
    answered_from_sent: int = 0
    error: str = ""


def _is_government(domain: str) -> bool:
    domain = domain.lower()
    return domain == settings.EGOV_MAIL_DOMAIN or domain.endswith(GOVERNMENT_DOMAIN_SUFFIXES)


def _same_or_sub(domain: str, parent: str) -> bool:
    return domain == parent or domain.endswith("." + parent)


def keep_raw(raw: bytes) -> tuple[str, str]:
    """Store the message's bytes once under their SHA-256 (write-once)."""
    sha = hashlib.sha256(raw).hexdigest()
    path = f"mail/raw/{sha[:2]}/{sha[2:4]}/{sha}.eml"
    if not default_storage.exists(path):
        path = default_storage.save(path, ContentFile(raw))
    return path, sha


def _classify(parsed: Parsed, replied: OutboundMail | None) -> tuple[str, str]:
    if replied is not None and replied.assignment_id is not None:
        return InboundKind.COMMAND, InboundState.REFUSED  # state set by the command
    if any(a.is_pdf for a in parsed.attachments):
        return InboundKind.DOCUMENT, InboundState.WAITING
    if not parsed.attachments and not _is_government(parsed.from_domain):
        return InboundKind.FEEDBACK, InboundState.OPEN
    return InboundKind.OTHER, InboundState.KEPT


def _replied(parsed: Parsed) -> OutboundMail | None:
    ids = [i for i in [parsed.in_reply_to, *parsed.references] if i]
    if not ids:
        return None
    found: OutboundMail | None = (
        OutboundMail.objects.filter(message_id__in=ids).select_related("assignment").first()
    )
    return found


def _authenticity_flags(parsed: Parsed, verification: dkim.Verification) -> None:
    if verification.result == DkimResult.FAIL:
        parsed.flag("dkim_fail")
    domain = parsed.from_domain
    envelope = parsed.return_path.rpartition("@")[2]
    if envelope and domain and not _same_or_sub(envelope, domain):
        parsed.flag("from_mismatch")
    if (
        verification.result == DkimResult.PASS
        and domain
        and not _same_or_sub(domain, verification.domain)
    ):
        parsed.flag("from_mismatch")
    if _same_or_sub(domain, settings.EGOV_MAIL_DOMAIN) and verification.result != DkimResult.PASS:
        # Our own domain's mail is always signed by our server: unsigned means forged.
        parsed.flag("spoofed")


def _scan(parsed: Parsed) -> list[str]:
    """Signatures found in the attachments (raises if the scanner is unavailable)."""
    found = []
    for attachment in parsed.attachments:
        verdict = clamav.scan(attachment.data)
        if not verdict.clean:
            found.append(f"{attachment.name}: {verdict.signature}")
    return found


def import_message(
    *,
    mailbox: Mailbox,
    folder: str,
    uidvalidity: int,
    uid: int,
    internal_date: dt.datetime,
    raw: bytes,
) -> InboundMail | None:
    """Turn one message into an :class:`InboundMail` (None: a duplicate). Runs inside the
    caller's transaction."""
    path, sha = keep_raw(raw)
    parsed = parse(raw)
    if (
        parsed.message_id
        and InboundMail.objects.filter(mailbox=mailbox, message_id=parsed.message_id).exists()
    ):
        return None
    verification = dkim.verify(raw)
    _authenticity_flags(parsed, verification)
    replied = _replied(parsed)
    kind, state = _classify(parsed, replied)
    error = ""
    infected: list[str] = []
    if parsed.attachments:
        try:
            infected = _scan(parsed)
        except clamav.ScannerUnavailableError as exc:
            state, error = InboundState.FAILED, f"antivirus unavailable: {exc}"
    if infected:
        parsed.flag("infected")
        state, error = InboundState.QUARANTINED, "; ".join(infected)
    inbound = InboundMail.objects.create(
        mailbox=mailbox,
        folder=folder,
        uidvalidity=uidvalidity,
        uid=uid,
        message_id=parsed.message_id,
        in_reply_to=parsed.in_reply_to,
        internal_date=internal_date,
        header_date=parsed.header_date,
        from_address=parsed.from_address,
        from_name=parsed.from_name,
        return_path=parsed.return_path,
        subject=parsed.subject,
        body_text=parsed.body_text,
        kind=kind,
        state=state,
        dkim=verification.result,
        dkim_domain=verification.domain[:253],
        spf=parsed.spf,
        flags=parsed.flags,
        attachments=[a.summary() for a in parsed.attachments],
        raw=path,
        raw_sha256=sha,
        size=len(raw),
        error=error[:4000],
        outbound=replied,
    )
    if kind == InboundKind.COMMAND and state not in (InboundState.FAILED, InboundState.QUARANTINED):
        commands.apply_command(inbound, parsed)
    record(
        action=audit_names.INBOUND_IMPORT,
        actor=None,
        obj=inbound,
        unit_id=mailbox.unit_id,
        after={
            "kind": inbound.kind,
            "state": inbound.state,
            "message_id": inbound.message_id,
            "flags": inbound.flags,
            "dkim": inbound.dkim,
        },
    )
    return inbound


def _failed(
    mailbox: Mailbox,
    folder: str,
    uidvalidity: int,
    uid: int,
    internal_date: dt.datetime,
    size: int,
    error: str,
    flags: list[str],
) -> InboundMail:
    return InboundMail.objects.create(
        mailbox=mailbox,
        folder=folder,
        uidvalidity=uidvalidity,
        uid=uid,
        internal_date=internal_date,
        kind=InboundKind.OTHER,
        state=InboundState.FAILED,
        flags=flags,
        size=size,
        error=error[:4000],
    )


def _parse_fetch(data: list[Any]) -> list[tuple[int, int, dt.datetime]]:
    rows = []
    for item in data:
        line = item[0] if isinstance(item, tuple) else item
        if not isinstance(line, bytes):
            continue
        uid = size = 0
        when = timezone.now()
        for match in _FETCH_ITEM.finditer(line):
            if match.group(1):
                uid = int(match.group(1))
            elif match.group(2):
                size = int(match.group(2))
            elif match.group(3):
                when = _internal_date(match.group(3))
        if uid:
            rows.append((uid, size, when))
    return rows


def _internal_date(raw_date: bytes) -> dt.datetime:
    parsed = imaplib.Internaldate2tuple(b'INTERNALDATE "' + raw_date + b'"')
    if parsed is None:
        return timezone.now()
    return dt.datetime.fromtimestamp(time.mktime(parsed), tz=dt.UTC)


def ingest_mailbox(mailbox: Mailbox, *, folder: str = "INBOX", limit: int = 0) -> IngestReport:
    """Import what arrived in ``mailbox``'s ``folder`` since the last run."""
    report = IngestReport(mailbox.address)
    max_bytes = settings.EGOV_MAIL_MAX_MESSAGE_MB * 1024 * 1024
    cursor = FolderCursor.objects.get_or_create(mailbox=mailbox, folder=folder)[0]
    try:
        box = transport.imap_login(mailbox.address)
    except transport.MailServerUnavailableError as exc:
        report.error = str(exc)
        FolderCursor.objects.filter(pk=cursor.pk).update(
            last_error=report.error[:2000], last_run_at=timezone.now()
        )
        return report
    try:
        client = box.client
        status, _data = client.select(_quote(folder), readonly=True)
        if status != "OK":
            raise transport.MailServerUnavailableError(f"cannot select {folder}")
        raw_validity = client.untagged_responses.get("UIDVALIDITY", [b"0"])[0]
        uidvalidity = int(raw_validity if isinstance(raw_validity, bytes) else b"0")
        if uidvalidity != cursor.uidvalidity:
            # Renumbered (or first run): read everything again; Message-IDs skip repeats.
            cursor.uidvalidity, cursor.last_uid = uidvalidity, 0
            cursor.save(update_fields=["uidvalidity", "last_uid"])
        status, data = client.uid(
            "FETCH", f"{cursor.last_uid + 1}:*", "(UID RFC822.SIZE INTERNALDATE)"
        )
        rows = sorted(r for r in _parse_fetch(data or []) if r[0] > cursor.last_uid)
        if limit:
            rows = rows[:limit]
        for start in range(0, len(rows), BATCH):
            _import_batch(
                client, mailbox, folder, uidvalidity, rows[start : start + BATCH], max_bytes, report
            )
        FolderCursor.objects.filter(pk=cursor.pk).update(last_error="", last_run_at=timezone.now())
        if folder == "INBOX":
            report.answered_from_sent = sent.scan_sent(client, mailbox)
    except (transport.MailServerUnavailableError, imaplib.IMAP4.error, OSError) as exc:
        report.error = f"{type(exc).__name__}: {exc}"
        FolderCursor.objects.filter(pk=cursor.pk).update(
            last_error=report.error[:2000], last_run_at=timezone.now()
        )
    finally:
        with contextlib.suppress(Exception):  # the session is gone either way
            box.logout()
    return report


def _quote(folder: str) -> str:
    return '"' + folder.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _import_batch(
    client: Any,
    mailbox: Mailbox,
    folder: str,
    uidvalidity: int,
    rows: list[tuple[int, int, dt.datetime]],
    max_bytes: int,
    report: IngestReport,
) -> None:
    small = [r for r in rows if r[1] <= max_bytes]
    bodies: dict[int, bytes] = {}
    if small:
        uids = ",".join(str(r[0]) for r in small)
        _status, data = client.uid("FETCH", uids, "(UID BODY.PEEK[])")
        for item in data or []:
            if isinstance(item, tuple):
                match = re.search(rb"UID (\d+)", item[0])
                if match:
                    bodies[int(match.group(1))] = item[1]
    for uid, size, when in rows:
        _import_one(
            mailbox, folder, uidvalidity, uid, size, when, bodies.get(uid), max_bytes, report
        )


def _import_one(
    mailbox: Mailbox,
    folder: str,
    uidvalidity: int,
    uid: int,
    size: int,
    when: dt.datetime,
    raw: bytes | None,
    max_bytes: int,
    report: IngestReport,
) -> None:
    try:
        with transaction.atomic():
            if size > max_bytes:
                _failed(
                    mailbox,
                    folder,
                    uidvalidity,
                    uid,
                    when,
                    size,
                    f"message of {size} bytes over the {max_bytes}-byte limit",
                    ["huge"],
                )
                report.failed += 1
            elif raw is None:
                _failed(
                    mailbox,
                    folder,
                    uidvalidity,
                    uid,
                    when,
                    size,
                    "the server returned no body",
                    ["malformed"],
                )
                report.failed += 1
            else:
                inbound = import_message(
                    mailbox=mailbox,
                    folder=folder,
                    uidvalidity=uidvalidity,
                    uid=uid,
                    internal_date=when,
                    raw=raw,
                )
                if inbound is None:
                    report.duplicates += 1
                else:
                    report.imported += 1
                    report.by_kind[inbound.kind] = report.by_kind.get(inbound.kind, 0) + 1
                    if inbound.state == InboundState.FAILED:
                        report.failed += 1
            FolderCursor.objects.filter(mailbox=mailbox, folder=folder).update(last_uid=uid)
    except IntegrityError:
        # Imported meanwhile by another worker (same UID or Message-ID): move on.
        FolderCursor.objects.filter(mailbox=mailbox, folder=folder, last_uid__lt=uid).update(
            last_uid=uid
        )
        report.duplicates += 1
    except Exception as exc:
        log.exception("mail import failed: %s uid %s", mailbox.address, uid)
        with transaction.atomic():
            _failed(
                mailbox,
                folder,
                uidvalidity,
                uid,
                when,
                size,
                f"{type(exc).__name__}: {exc}",
                ["import_error"],
            )
            FolderCursor.objects.filter(mailbox=mailbox, folder=folder).update(last_uid=uid)
        report.failed += 1


def official_mailboxes() -> list[Mailbox]:
    """What the worker reads: every active shared (agency) mailbox."""
    return list(
        Mailbox.objects.filter(kind=MailboxKind.SHARED, state=MailboxState.ACTIVE).select_related(
            "unit"
        )
    )


def ingest_all() -> list[IngestReport]:
    return [ingest_mailbox(box) for box in official_mailboxes()]
