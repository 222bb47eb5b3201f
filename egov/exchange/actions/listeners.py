"""The exchange's side of the e-office's actions (see ``egov.documents.hooks``): an issued
document goes into the outbox, one package per electronic recipient; a recall or a change of
distribution follows it;
a received document's progress goes back to its sender as status 04–06."""

from __future__ import annotations

import logging
from collections.abc import Collection, Sequence
from typing import Any

from django.utils import timezone

from egov.documents import hooks
from egov.documents.actions.delivery import set_recipient_status
from egov.documents.choices import RecipientKind, RecipientStatus
from egov.exchange import edxml, packages, queries
from egov.exchange.actions.outbox import enqueue
from egov.exchange.choices import PROGRESS_CODES, Kind

log = logging.getLogger(__name__)

_ELECTRONIC_KINDS = (RecipientKind.INTERNAL, RecipientKind.ORGAN)


def _recipient_code(recipient: Any) -> str:
    if recipient.kind == RecipientKind.INTERNAL:
        return str(recipient.unit.organ_code if recipient.unit_id else "")
    return str(recipient.organ_code)


def _to(recipient: Any, code: str) -> edxml.Organization:
    return edxml.Organization(organ_id=code, organ_name=recipient.name[:200])


def dispatch_issued(document: Any, recipients: Sequence[Any]) -> None:
    """One edoc per electronic recipient into the outbox, in the issuing transaction.
    Secret documents never travel through the exchange (they go on paper); a recipient
    without an organ code, or an issuing agency without one, is marked failed with the
    reason in the log, and the clerk sees it on the document."""
    if document.secrecy or hooks.dispatch_held(document):
        return  # held: it leaves on ``dispatch_released`` once its files are final
    targets = [r for r in recipients if r.electronic and r.kind in _ELECTRONIC_KINDS]
    if not targets:
        return
    now = timezone.now()
    if not document.unit.organ_code:
        log.warning("document %s: issuing unit %s has no organ code", document.pk, document.unit_id)
        for recipient in targets:
            set_recipient_status(recipient_id=recipient.pk, status=RecipientStatus.FAILED, at=now)
        return
    for recipient in targets:
        code = _recipient_code(recipient)
        if not code or code == document.unit.organ_code:
            set_recipient_status(recipient_id=recipient.pk, status=RecipientStatus.FAILED, at=now)
            continue
        sealed = packages.seal(_edoc(document, recipient, code))
        enqueue(
            kind=Kind.EDOC,
            sealed=sealed,
            document_id=packages.outgoing_document_id(document),
            from_code=document.unit.organ_code,
            to_code=code,
            recipient=recipient,
        )


def dispatch_released(document: Any) -> None:
    """An issued document that was held (waiting for the organisation's signature) leaves
    now, with its final files, to the electronic recipients it has not left for yet."""
    sent_to = queries.edoc_outbox_by_recipient(document)
    waiting = [
        r
        for r in document.recipients.select_related("unit")
        if r.status == RecipientStatus.WAITING and r.pk not in sent_to
    ]
    dispatch_issued(document, waiting)


def _edoc(document: Any, recipient: Any, code: str) -> bytes:
    """A new document, or (BussinessDocType 3) the replacement of one this agency received
    from us before: it names the replaced document, with the reason."""
    old = document.replaces
    if old is not None and old.unit.organ_code:
        old_id = packages.outgoing_document_id(old)
        if queries.was_sent(old_id, code):
            return packages.edoc_for(
                document,
                _to(recipient, code),
                business_type=edxml.BussinessDocType.REPLACE,
                reason=document.change_reason or "thay thế",
                about_document_id=old_id,
                replaces=(edxml.ReplacementInfo(document_id=old_id, organ_id_list=(code,)),),
            )
    return packages.edoc_for(document, _to(recipient, code))


def _tell_reached(
    document: Any,
    *,
    business_type: int,
    reason: str,
    skip: Collection[int] = (),
    status_code: str = "",
    update: edxml.BussinessDocumentInfo | None = None,
) -> None:
    """A package about ``document`` (recall, update) to every recipient it reached."""
    original_id = packages.outgoing_document_id(document)
    sent_to = queries.edoc_outbox_by_recipient(document)
    for recipient in document.recipients.all():
        sent = None if recipient.pk in skip else sent_to.get(recipient.pk)
        if sent is None:
            continue
        sealed = packages.seal(
            packages.edoc_for(
                document,
                _to(recipient, sent.to_code),
                business_type=business_type,
                reason=reason,
                about_document_id=original_id,
                update=update,
            )
        )
        enqueue(
            kind=Kind.EDOC,
            sealed=sealed,
            document_id=original_id,
            from_code=sent.from_code,
            to_code=sent.to_code,
            status_code=status_code,
        )


def dispatch_recall(document: Any, reason: str) -> None:
    """A revocation (BussinessDocType 1) to every recipient the document reached."""
    if document.secrecy or not document.unit.organ_code:
        return
    _tell_reached(
        document,
        business_type=edxml.BussinessDocType.REVOKE,
        reason=reason,
        status_code=edxml.StatusCode.REVOKED,
    )


def dispatch_update(
    document: Any, added: Sequence[Any], removed: Sequence[Any], reason: str
) -> None:
    """The distribution of an issued document changed: the recipients added get it as a new
    document; every recipient it reached before, the removed ones included, gets an update
    (BussinessDocType 2) listing who was added (ReceiverType 1) and removed (0), so a
    removed agency withdraws its copy and the others know who else has it."""
    if document.secrecy or not document.unit.organ_code:
        return
    dispatch_issued(document, added)
    receivers = tuple(
        edxml.Receiver(receiver_type=edxml.ReceiverType.ADDED, organ_id=code)
        for r in added
        if r.electronic and r.kind in _ELECTRONIC_KINDS and (code := _recipient_code(r))
    ) + tuple(
        edxml.Receiver(receiver_type=edxml.ReceiverType.REMOVED, organ_id=code)
        for r in removed
        if r.kind in _ELECTRONIC_KINDS and (code := _recipient_code(r))
    )
    if not receivers:
        return
    _tell_reached(
        document,
        business_type=edxml.BussinessDocType.UPDATE,
        reason=reason,
        skip={r.pk for r in added},
        update=edxml.BussinessDocumentInfo(
            document_info="0", document_receiver="1", receiver_list=receivers
        ),
    )


def report_progress(document: Any, old: str, new: str) -> None:
    """Status 04, 05 or 06 to the sender of a document that came through the exchange."""
    code = PROGRESS_CODES.get(new)
    if code is None or not document.organ_document_id:
        return
    message = getattr(document, "exchange_message", None)
    if message is None or message.unit is None:
        return
    send_status(
        unit=message.unit,
        document_id=message.document_id,
        to_code=message.from_code,
        code=code,
    )


def send_status(
    *, unit: Any, document_id: str, to_code: str, code: str, description: str = ""
) -> None:
    """A status from our agency ``unit`` about document ``document_id`` of ``to_code``."""
    sealed = packages.seal(
        packages.status_for(
            document_id=document_id,
            about_organ=to_code,
            sender=unit,
            code=code,
            description=description,
        )
    )
    enqueue(
        kind=Kind.STATUS,
        sealed=sealed,
        document_id=document_id,
        from_code=unit.organ_code,
        to_code=to_code,
        status_code=code,
    )
