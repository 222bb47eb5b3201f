"""What the exchange reports back into the e-office: how far each recipient of an issued
document got, and a sender's recall of a document we received (which destroys our copy)."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone

from egov.audit.service import record
from egov.documents import audit_names
from egov.documents.actions._common import incoming_transition
from egov.documents.choices import IncomingStatus, RecipientStatus
from egov.documents.models import (
    Attachment,
    IncomingDocument,
    OutgoingTransition,
    Recipient,
    StoredFile,
)

# The order statuses advance in; a late 03 never overwrites a 06 that overtook it.
_RANK = {
    RecipientStatus.WAITING: 0,
    RecipientStatus.FAILED: 1,
    RecipientStatus.SENT: 2,
    RecipientStatus.RECEIVED: 3,
    RecipientStatus.REGISTERED: 4,
    RecipientStatus.ASSIGNED: 5,
    RecipientStatus.IN_PROGRESS: 6,
    RecipientStatus.DONE: 7,
    RecipientStatus.REFUSED: 8,
    RecipientStatus.REMOVED: 9,  # withdrawn by the sender: nothing the recipient says moves it
}


def set_recipient_status(*, recipient_id: int, status: str, at: dt.datetime) -> bool:
    """Move the recipient to ``status`` unless it is already further on; whether it moved.
    The exchange calls this for its transport states and for the 01–06 codes received."""
    return bool(set_recipient_statuses([(recipient_id, status, at)]))


def set_recipient_statuses(changes: Sequence[tuple[int, str, dt.datetime]]) -> int:
    """:func:`set_recipient_status` for several recipients (a batch of the exchange) in
    three statements whatever their number: the rows locked in one order, updated together,
    their history rows inserted together. The number that moved."""
    ids = sorted({recipient_id for recipient_id, _status, _at in changes})
    recipients = Recipient.objects.select_for_update().filter(pk__in=ids).order_by("pk").in_bulk()
    if len(recipients) != len(ids):
        raise Recipient.DoesNotExist(f"recipients {set(ids) - set(recipients)}")
    moved: dict[int, Recipient] = {}
    history: list[OutgoingTransition] = []
    for recipient_id, status, at in changes:
        recipient = recipients[recipient_id]
        if _RANK[RecipientStatus(status)] <= _RANK[RecipientStatus(recipient.status)]:
            continue
        before = recipient.get_status_display()
        recipient.status = status
        recipient.status_at = at
        moved[recipient.pk] = recipient
        # The document's history shows each recipient's progress (its own status is unchanged).
        history.append(
            OutgoingTransition(
                document_id=recipient.document_id,
                action="recipient",
                from_status="",
                to_status="",
                actor=None,
                at=timezone.now(),
                note=f"{recipient.name}: {before} → {recipient.get_status_display()}",
            )
        )
    if moved:
        Recipient.objects.bulk_update(list(moved.values()), ["status", "status_at"])
        OutgoingTransition.objects.bulk_create(history)
    return len(history)


#: What a destroyed received document shows in place of its subject.
DESTROYED_SUBJECT = "[Đã hủy theo yêu cầu thu hồi của cơ quan gửi]"


@transaction.atomic
def recall_received(*, document: IncomingDocument, reason: str, actor: Any = None) -> None:
    """The sender recalled (or replaced, or withdrew us from) a document we registered:
    the received e-document is destroyed here (Điều 18.4.b; Phụ lục VI III.8): its files
    and descriptive metadata go; the recall metadata stays: the arrival number (never
    reused), the sender's organ code and document id, the number and notation, the time of
    arrival, and the recall's reason and time in the history. The audit event names the
    files destroyed by their hashes, not their content."""
    document = IncomingDocument.objects.select_for_update().get(pk=document.pk)
    if document.status == IncomingStatus.RECALLED:
        return
    attachments = list(document.attachments.select_related("file"))
    hashes = [a.file.sha256 for a in attachments]
    file_ids = {a.file_id for a in attachments}
    Attachment.objects.filter(pk__in=[a.pk for a in attachments]).delete()
    for stored in StoredFile.objects.filter(pk__in=file_ids):
        if stored.uses.exists():  # the same bytes are another document's (the sender's own)
            continue
        name, storage = stored.content.name or "", stored.content.storage
        try:
            with transaction.atomic():
                stored.delete()
        except ProtectedError:  # a later part's record (a signature check) still holds it
            continue
        transaction.on_commit(functools.partial(storage.delete, name))
    incoming_transition(
        document,
        action="recalled_by_sender",
        actor=actor,
        from_status=document.status,
        to_status=IncomingStatus.RECALLED,
        note=reason,
    )
    document.status = IncomingStatus.RECALLED
    document.subject = DESTROYED_SUBJECT
    document.description = ""
    document.signer_name = ""
    document.signer_position = ""
    document.to_places = ""
    document.page_amount = None
    document.search_vector = None
    document.save(
        update_fields=[
            "status",
            "subject",
            "description",
            "signer_name",
            "signer_position",
            "to_places",
            "page_amount",
            "search_vector",
            "updated_at",
        ]
    )
    record(
        action=audit_names.INCOMING_RECALLED_BY_SENDER,
        actor=actor,
        obj=document,
        unit_id=document.unit_id,
        after={"reason": reason, "files_destroyed": hashes},
    )
