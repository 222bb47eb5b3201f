"""Taking in a received package, once: verify, read, store, acknowledge.

Called by the worker for local deliveries, by the poller for packages fetched from the hub,
and by the hub's send endpoint for its own agencies. Idempotent: a package that arrives a
second time (a retry after a crash, a re-fetch before the hub heard "done") finds its first
copy by ``dedupe_key`` and changes nothing. A package we cannot accept is recorded as
rejected with the reason, answered with status 02 when we can name its sender and one of
our agencies it was for, and reported to the caller as :class:`Refused`.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from functools import partial
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from egov.accounts.notify import notify
from egov.documents.actions.delivery import recall_received, set_recipient_status
from egov.documents.actions.distribution import note_sender_update
from egov.documents.queries import clerks_of
from egov.exchange import edxml, storage
from egov.exchange.actions.listeners import send_status
from egov.exchange.choices import InboxState, Kind
from egov.exchange.identity import load_identity
from egov.exchange.models import InboxMessage, OutboxMessage, Peer
from egov.exchange.queries import local_unit, remembered
from egov.lib.insert import insert_unless_exists
from egov.organisations.models import OrgUnit

log = logging.getLogger(__name__)

_LIMITS = edxml.DEFAULT_LIMITS


class Refused(Exception):  # noqa: N818 - what the caller is told, not a programming error
    """The package was not accepted. ``code`` for machines, ``reason`` in English for logs
    and peers, ``reason_vi`` for people."""

    def __init__(
        self, code: str, reason: str, reason_vi: str = "", *, reply: Reply | None = None
    ) -> None:
        self.code = code
        self.reason = reason
        self.reason_vi = reason_vi or reason
        self.reply = reply
        super().__init__(f"{code}: {reason}")


@dataclass(frozen=True)
class Reply:
    """The status 02 a refusal earns: from our agency ``unit`` to the package's sender."""

    unit: OrgUnit
    document_id: str
    to_code: str
    description: str


def accept(body: bytes, *, sender: Peer | None = None) -> InboxMessage:
    """Take in one package (edoc or status); the stored message, or :class:`Refused`."""
    try:
        with transaction.atomic():
            return _accept(body, sender)
    except Refused as refusal:
        # The savepoint is gone; the refusal and its 02 are written in the caller's
        # transaction (or their own), so they stay when the caller commits.
        _record_refusal(body, refusal)
        if refusal.reply is not None:
            with transaction.atomic():
                send_status(
                    unit=refusal.reply.unit,
                    document_id=refusal.reply.document_id,
                    to_code=refusal.reply.to_code,
                    code=edxml.StatusCode.REJECTED,
                    description=refusal.reply.description,
                )
        raise


def _accept(body: bytes, sender: Peer | None) -> InboxMessage:
    if len(body) > settings.EGOV_EXCHANGE_MAX_PACKAGE_BYTES:
        raise Refused(
            "too_large",
            f"package of {len(body)} bytes exceeds {settings.EGOV_EXCHANGE_MAX_PACKAGE_BYTES}",
            _("Gói tin quá lớn."),
        )
    is_status = b"StatusCode>" in body[:65536] and b"MessageHeader>" not in body[:65536]
    signer = _verify(body, is_status)
    if is_status:
        return _accept_status(body, signer)
    return _accept_edoc(body, signer)


def _verify(body: bytes, is_status: bool) -> str:
    try:
        verified = edxml.verify_envelope(body, load_identity().trusted_roots, limits=_LIMITS)
    except edxml.SignatureError as exc:
        header = None if is_status else _readable_header(body)
        reply = _reply_02(header, f"signature: {exc.message}")
        detail = f"{exc.message} ({exc.detail})" if exc.detail else exc.message
        raise Refused(exc.code, detail, exc.message_vi, reply=reply) from None
    return verified.subject


def _readable_header(body: bytes) -> edxml.MessageHeader | None:
    try:
        return edxml.parse_edoc(body, limits=_LIMITS).package.message_header
    except edxml.ValidationFailure as failure:
        return failure.header


def _reply_02(header: edxml.MessageHeader | None, description: str) -> Reply | None:
    """Whom a refusal answers: the sender, from the first of our agencies it wrote to."""
    if header is None or not header.from_.organ_id:
        return None
    for recipient in header.to:
        unit = local_unit(recipient.organ_id)
        if unit is not None:
            return Reply(
                unit=unit,
                document_id=header.document_id or "unknown",
                to_code=header.from_.organ_id,
                description=description[:500],
            )
    return None


def _record_refusal(body: bytes, refusal: Refused) -> None:
    sha = hashlib.sha256(body).hexdigest()
    keep = len(body) <= settings.EGOV_EXCHANGE_MAX_PACKAGE_BYTES
    try:
        with transaction.atomic():
            InboxMessage.objects.get_or_create(
                dedupe_key=f"rejected|{sha}",
                defaults={
                    "kind": Kind.EDOC,
                    "document_id": "",
                    "from_code": "",
                    "to_code": "",
                    "body_file": storage.put(body, sha256=sha) if keep else "",
                    "sha256": sha,
                    "size": len(body),
                    "state": InboxState.REJECTED,
                    "received_at": timezone.now(),
                    "note": f"{refusal.code}: {refusal.reason}"[:4000],
                },
            )
    except IntegrityError:  # pragma: no cover - recorded by a concurrent delivery
        pass
    log.warning("exchange: package refused: %s", refusal)


def _store(key: str, **fields: Any) -> tuple[InboxMessage, bool]:
    """Insert once, in one statement; ``(message, created)``. A concurrent twin loses on
    the unique key."""
    message = InboxMessage(dedupe_key=key, **fields)
    if insert_unless_exists(message, ["dedupe_key"]):
        return message, True
    return InboxMessage.objects.get(dedupe_key=key), False


def _accept_edoc(body: bytes, signer: str) -> InboxMessage:
    try:
        parsed = edxml.parse_edoc(body, limits=_LIMITS)
    except edxml.ValidationFailure as failure:
        listing = "; ".join(str(p) for p in failure.problems)[:480]
        raise Refused(
            "invalid_package",
            listing,
            "; ".join(p.message_vi for p in failure.problems)[:2000],
            reply=_reply_02(failure.header, listing),
        ) from None
    header = parsed.package.message_header
    ours = [(r.organ_id, unit) for r in header.to if (unit := local_unit(r.organ_id)) is not None]
    if not ours:
        codes = ", ".join(r.organ_id for r in header.to)
        raise Refused(
            "unknown_recipient",
            f"no agency here has organ code {codes}",
            _("Không có cơ quan nhận có mã định danh %(codes)s.") % {"codes": codes},
        )
    business = parsed.package.trace_header_list.bussiness
    business_type = business.bussiness_doc_type if business else 0
    first: InboxMessage | None = None
    sha = hashlib.sha256(body).hexdigest()
    body_file = storage.put(body, sha256=sha)
    # A document is recalled or replaced once, but may be updated many times: each update
    # is told apart by its sender's trace time and what it changes (a resend keeps both).
    stamp = ""
    if business_type == edxml.BussinessDocType.UPDATE and business is not None:
        traces = parsed.package.trace_header_list.trace_headers
        what = repr((traces[-1].timestamp if traces else None, business))
        stamp = "|" + hashlib.sha256(what.encode()).hexdigest()[:16]
    for code, unit in ours:
        key = f"edoc|{header.from_.organ_id}|{code}|{header.document_id}|{business_type}{stamp}"
        message, created = _store(
            key,
            kind=Kind.EDOC,
            document_id=header.document_id,
            from_code=header.from_.organ_id,
            to_code=code,
            business_type=business_type,
            response_for=next((r.document_id for r in header.response_for), "")[:100],
            replaces=(business.document_id if business and business_type == 3 else "")[:100],
            subject=header.subject[:500],
            body_file=body_file,
            sha256=sha,
            size=len(body),
            signer=signer[:300],
            warnings=[p.code for p in parsed.warnings],
            state=InboxState.WAITING,
            received_at=timezone.now(),
            unit=unit,
        )
        first = first or message
        if not created:
            continue
        if business_type == edxml.BussinessDocType.REVOKE:
            _take_recall(message, unit, business, header)
            continue
        if business_type == edxml.BussinessDocType.UPDATE:
            _take_update(message, unit, business, header)
            continue
        if business_type == edxml.BussinessDocType.REPLACE and business is not None:
            _take_replacement(message, business)
        # Same-day acknowledgement (Nghị định 30, Điều 21): 01 as soon as it is stored.
        send_status(
            unit=unit,
            document_id=header.document_id,
            to_code=header.from_.organ_id,
            code=edxml.StatusCode.ARRIVED,
        )
        notify(
            remembered("clerks", unit.pk, partial(clerks_of, unit)),
            text=_("Văn bản điện tử mới từ %(sender)s: %(subject)s")
            % {
                "sender": header.from_.organ_name or header.from_.organ_id,
                "subject": header.subject[:200],
            },
            url=reverse("exchange:inbox_detail", args=[message.pk]),
            urgent=header.other_info.priority >= 1,
        )
    if first is None:  # pragma: no cover - ``ours`` is not empty
        raise RuntimeError("no recipient stored")
    return first


def _take_recall(
    message: InboxMessage, unit: OrgUnit, business: Any, header: edxml.MessageHeader
) -> None:
    """The sender recalls a document it sent us: not yet registered, it leaves the queue;
    registered, it is frozen with the reason (Phụ lục VI III.8). Answer 15, or 16 when we
    never had it."""
    about = (business.document_id if business else "") or header.document_id
    reason = business.bussiness_doc_reason if business else ""
    original = (
        InboxMessage.objects.select_for_update()
        .filter(
            kind=Kind.EDOC,
            from_code=message.from_code,
            to_code=message.to_code,
            document_id=about,
            business_type=edxml.BussinessDocType.NEW,
        )
        .first()
    )
    message.state = InboxState.APPLIED
    message.handled_at = timezone.now()
    message.note = reason[:2000]
    message.save(update_fields=["state", "handled_at", "note"])
    if original is None:
        send_status(
            unit=unit,
            document_id=about,
            to_code=message.from_code,
            code=edxml.StatusCode.RECALL_REFUSED,
            description="document not received here",
        )
        return
    if original.incoming is not None:
        recall_received(document=original.incoming, reason=reason)
    _destroy(original, reason)
    send_status(
        unit=unit, document_id=about, to_code=message.from_code, code=edxml.StatusCode.RECALL_AGREED
    )


def _destroy(original: InboxMessage, reason: str) -> None:
    """The received package of a recalled, replaced or withdrawn document is destroyed with
    the document (Điều 18.4.b; Phụ lục VI III.8); its row stays as the recall's record:
    who sent what id when, its hash and size, the reason."""
    name = original.body_file
    original.state = InboxState.RECALLED
    original.note = reason[:4000]
    original.body_file = ""
    original.save(update_fields=["state", "note", "body_file"])
    storage.discard(name)


def _take_update(
    message: InboxMessage, unit: OrgUnit, business: Any, header: edxml.MessageHeader
) -> None:
    """The sender changed the distribution of a document it sent us (BussinessDocType 2).
    If we are among the recipients removed, our copy is withdrawn as on a recall (frozen
    with the reason if registered, Phụ lục VI III.8); otherwise the change is noted on the
    document. Answer 15, or 16 when we do not hold the document."""
    about = (business.document_id if business else "") or header.document_id
    reason = (business.bussiness_doc_reason if business else "") or ""
    info = business.bussiness_document_info if business else None
    receivers = info.receiver_list if info is not None else ()
    added = [r.organ_id for r in receivers if r.receiver_type == edxml.ReceiverType.ADDED]
    gone = [r.organ_id for r in receivers if r.receiver_type == edxml.ReceiverType.REMOVED]
    original = (
        InboxMessage.objects.select_for_update(of=("self",))
        .select_related("incoming")
        .filter(
            kind=Kind.EDOC,
            from_code=message.from_code,
            to_code=message.to_code,
            document_id=about,
            business_type=edxml.BussinessDocType.NEW,
        )
        .first()
    )
    note = _("Bên gửi cập nhật nơi nhận — thêm: %(added)s; rút: %(gone)s. Lý do: %(reason)s") % {
        "added": ", ".join(added) or "—",
        "gone": ", ".join(gone) or "—",
        "reason": reason or "—",
    }
    message.state = InboxState.APPLIED
    message.handled_at = timezone.now()
    message.note = note[:4000]
    message.save(update_fields=["state", "handled_at", "note"])
    if original is None or original.state == InboxState.RECALLED:
        send_status(
            unit=unit,
            document_id=about,
            to_code=message.from_code,
            code=edxml.StatusCode.RECALL_REFUSED,
            description="document not held here" if original is None else "already withdrawn",
        )
        return
    if message.to_code in gone:
        withdrawn = _("Bên gửi rút cơ quan khỏi nơi nhận: %(reason)s") % {"reason": reason or "—"}
        if original.incoming is not None:
            recall_received(document=original.incoming, reason=withdrawn[:500])
        _destroy(original, withdrawn)
    else:
        original.note = f"{original.note}\n{note}".strip()[:4000]
        original.save(update_fields=["note"])
        if original.incoming is not None:
            note_sender_update(document=original.incoming, note=note)
    send_status(
        unit=unit, document_id=about, to_code=message.from_code, code=edxml.StatusCode.RECALL_AGREED
    )


def _take_replacement(message: InboxMessage, business: Any) -> None:
    """A document replacing one the sender gave us before (BussinessDocType 3): the new text
    waits for the clerk like any received document; the replaced copy is frozen with the
    reason (Phụ lục VI III.8), and the sender hears 15 about it."""
    replaced = (
        InboxMessage.objects.select_for_update(of=("self",))
        .select_related("incoming")
        .filter(
            kind=Kind.EDOC,
            from_code=message.from_code,
            to_code=message.to_code,
            document_id=business.document_id,
        )
        .exclude(pk=message.pk)
        .first()
    )
    if replaced is None:
        return
    reason = f"{business.bussiness_doc_reason} — thay thế bởi {message.document_id}"[:500]
    if replaced.incoming is not None:
        recall_received(document=replaced.incoming, reason=reason)
    _destroy(replaced, reason)
    if message.unit is not None:
        send_status(
            unit=message.unit,
            document_id=business.document_id,
            to_code=message.from_code,
            code=edxml.StatusCode.RECALL_AGREED,
            description=reason,
        )


# Recipient statuses a received code moves to; 13, 15, 16 are kept on the message only.
_RECIPIENT_STATUS = {"01": "01", "02": "02", "03": "03", "04": "04", "05": "05", "06": "06"}


def _accept_status(body: bytes, signer: str) -> InboxMessage:
    try:
        status = edxml.parse_status(body, limits=_LIMITS).status
    except edxml.ValidationFailure as failure:
        raise Refused(
            "invalid_status", "; ".join(str(p) for p in failure.problems)[:2000]
        ) from None
    about = status.response_for
    packages_sent = OutboxMessage.objects.filter(
        kind=Kind.EDOC,
        document_id=about.document_id,
        from_code=about.organ_id,
        to_code=status.from_.organ_id,
    ).order_by("-pk")
    # The document itself (it names the recipient) before a later recall or update of it.
    sent = packages_sent.filter(recipient__isnull=False).first() or packages_sent.first()
    if sent is None:
        raise Refused(
            "unknown_document",
            f"status {status.status_code} from {status.from_.organ_id} about a document "
            f"we did not send it: {about.document_id!r}",
            _("Trạng thái về một văn bản không gửi cho cơ quan này."),
        )
    sha = hashlib.sha256(body).hexdigest()
    key = (
        f"status|{status.from_.organ_id}|{about.organ_id}|{about.document_id}|"
        f"{status.status_code}|{status.timestamp.isoformat()}"
    )
    message, created = _store(
        key,
        kind=Kind.STATUS,
        document_id=about.document_id,
        from_code=status.from_.organ_id,
        to_code=about.organ_id,
        status_code=status.status_code,
        body_file=storage.put(body, sha256=sha),
        sha256=sha,
        size=len(body),
        signer=signer[:300],
        state=InboxState.APPLIED,
        received_at=timezone.now(),
        handled_at=timezone.now(),
        note=status.description[:2000],
        unit=local_unit(about.organ_id),
    )
    target = _RECIPIENT_STATUS.get(status.status_code)
    if created and target and sent.recipient_id is not None:
        set_recipient_status(recipient_id=sent.recipient_id, status=target, at=status.timestamp)
    return message
