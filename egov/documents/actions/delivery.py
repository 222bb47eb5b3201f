"""What the exchange reports back into the e-office: how far each recipient of an issued
document got, and a sender's recall of a document we received."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from egov.audit.service import record
from egov.documents import audit_names
from egov.documents.actions._common import incoming_transition, outgoing_transition
from egov.documents.choices import IncomingStatus, RecipientStatus
from egov.documents.models import IncomingDocument, Recipient

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
    recipient = (
        Recipient.objects.select_for_update(of=("self",))
        .select_related("document")
        .get(pk=recipient_id)
    )
    if _RANK[RecipientStatus(status)] <= _RANK[RecipientStatus(recipient.status)]:
        return False
    before = recipient.get_status_display()
    recipient.status = status
    recipient.status_at = at
    recipient.save(update_fields=["status", "status_at"])
    # The document's history shows each recipient's progress (its own status is unchanged).
    outgoing_transition(
        recipient.document,
        action="recipient",
        actor=None,
        from_status="",
        to_status="",
        note=f"{recipient.name}: {before} → {recipient.get_status_display()}",
    )
    return True


@transaction.atomic
def recall_received(*, document: IncomingDocument, reason: str, actor: Any = None) -> None:
    """The sender recalled a document we registered (Phụ lục VI III.8): it is frozen where
    it stands, with the reason, and stays readable; its number is not reused."""
    document = IncomingDocument.objects.select_for_update().get(pk=document.pk)
    if document.status == IncomingStatus.RECALLED:
        return
    incoming_transition(
        document,
        action="recalled_by_sender",
        actor=actor,
        from_status=document.status,
        to_status=IncomingStatus.RECALLED,
        note=reason,
    )
    document.status = IncomingStatus.RECALLED
    document.save(update_fields=["status", "updated_at"])
    record(
        action=audit_names.INCOMING_RECALLED_BY_SENDER,
        actor=actor,
        obj=document,
        unit_id=document.unit_id,
        after={"reason": reason},
    )
