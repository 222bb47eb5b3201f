"""The access history of documents (Phụ lục VI III.5 and III.6): who opened which document,
its page or one of its files, and when."""

from __future__ import annotations

from typing import Any

from egov.documents import access
from egov.documents.actions._common import actor_or_none, require
from egov.documents.models import DocumentView, IncomingDocument, OutgoingDocument


def record_view(
    *,
    actor: Any,
    document: IncomingDocument | OutgoingDocument,
    ip_address: str | None = None,
) -> DocumentView:
    """Note that ``actor`` opened ``document`` (its page, or downloaded one of its files).

    Preconditions: ``actor`` may see the document. No audit event: these rows are the
    access log itself, and an event per page open would flood the audit chain.
    """
    if isinstance(document, IncomingDocument):
        visible = IncomingDocument.objects.filter(access.visible_incoming_q(actor))
        require(visible.filter(pk=document.pk).exists(), "document not visible")
        return DocumentView.objects.create(
            user=actor_or_none(actor), incoming=document, ip_address=ip_address
        )
    outgoing = OutgoingDocument.objects.filter(access.visible_outgoing_q(actor))
    require(outgoing.filter(pk=document.pk).exists(), "document not visible")
    return DocumentView.objects.create(
        user=actor_or_none(actor), outgoing=document, ip_address=ip_address
    )
