"""Changing where an issued document goes (the edXML update, BussinessDocType 2): recipients
added after the issue receive it as a new document, recipients removed are told to withdraw
their copy, and those that keep it hear of the change. The e-office records the change; the
exchange part carries it (``hooks.distribution_updated``)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from egov.audit.service import record
from egov.documents import access, audit_names, hooks
from egov.documents.actions._common import (
    incoming_transition,
    outgoing_transition,
    require,
    required_text,
)
from egov.documents.actions.issuing import RecipientSpec, recipient_rows
from egov.documents.choices import OutgoingStatus, RecipientKind, RecipientStatus
from egov.documents.models import IncomingDocument, OutgoingDocument, Recipient
from egov.lib.errors import ActionError


def _key(recipient: Recipient) -> str:
    """What makes two recipients the same place."""
    if recipient.kind == RecipientKind.INTERNAL:
        return f"unit:{recipient.unit_id}"
    if recipient.kind == RecipientKind.ORGAN:
        return f"organ:{recipient.organ_code.strip().upper()}"
    if recipient.kind == RecipientKind.EMAIL:
        return f"email:{recipient.email.strip().lower()}"
    return f"post:{recipient.name.strip().lower()}"


@transaction.atomic
def update_distribution(
    *,
    actor: Any,
    document: OutgoingDocument,
    add: list[RecipientSpec],
    remove: list[int],
    reason: str,
) -> tuple[list[Recipient], list[Recipient]]:
    """Add ``add`` to the recipients of an issued document and withdraw the recipients whose
    ids are in ``remove``; ``(added, removed)``. A clerk of the issuing agency does it, with a
    reason; a recipient it already has cannot be added twice."""
    document = (
        OutgoingDocument.objects.select_for_update(of=("self",))
        .select_related("unit", "document_type")
        .get(pk=document.pk)
    )
    require(access.is_clerk_of(actor, document.unit), "clerk of the issuing agency required")
    reason = required_text(reason, field="reason", message=_("Hãy ghi lý do cập nhật nơi nhận."))
    if document.status != OutgoingStatus.ISSUED:
        raise ActionError(
            _("Chỉ cập nhật nơi nhận của văn bản đang có hiệu lực phát hành."), code="not_issued"
        )
    if not add and not remove:
        raise ActionError(
            _("Hãy thêm hoặc rút ít nhất một nơi nhận."), code="nothing_to_change", field="add"
        )
    current = list(document.recipients.select_for_update().exclude(status=RecipientStatus.REMOVED))
    by_id = {r.pk: r for r in current}
    unknown = [pk for pk in remove if pk not in by_id]
    if unknown:
        raise ActionError(
            _("Nơi nhận cần rút không thuộc văn bản này hoặc đã được rút trước đó."),
            code="recipient_unknown",
            field="remove",
        )
    removed = [by_id[pk] for pk in dict.fromkeys(remove)]
    if len(removed) == len(current) and not add:
        raise ActionError(
            _("Văn bản phải còn ít nhất một nơi nhận; muốn hủy hiệu lực thì thu hồi văn bản."),
            code="no_recipient_left",
            field="remove",
        )
    added = recipient_rows(document, add) if add else []
    held = {_key(r) for r in current}
    twice = [r.name for r in added if _key(r) in held]
    if twice:
        raise ActionError(
            _("Văn bản đã gửi đến: %(names)s.") % {"names": ", ".join(twice)},
            code="recipient_already",
            field="add",
        )
    now = timezone.now()
    Recipient.objects.bulk_create(added)
    for recipient in removed:
        recipient.status = RecipientStatus.REMOVED
        recipient.status_at = now
        recipient.save(update_fields=["status", "status_at"])
    summary = "; ".join(
        part
        for part in (
            _("thêm: %(names)s") % {"names": ", ".join(r.name for r in added)} if added else "",
            _("rút: %(names)s") % {"names": ", ".join(r.name for r in removed)} if removed else "",
        )
        if part
    )
    outgoing_transition(
        document,
        action="distribution",
        actor=actor,
        from_status=document.status,
        to_status=document.status,
        note=f"{summary} — {reason}"[:2000],
    )
    if added:
        document.electronic = document.electronic or any(r.electronic for r in added)
        document.on_paper = document.on_paper or any(r.on_paper for r in added)
        document.save(update_fields=["electronic", "on_paper", "updated_at"])
    hooks.distribution_updated(document, added, removed, reason)
    record(
        action=audit_names.OUTGOING_DISTRIBUTION,
        actor=actor,
        obj=document,
        unit_id=document.unit_id,
        after={
            "added": [(r.kind, r.name, r.electronic, r.on_paper) for r in added],
            "removed": [r.name for r in removed],
            "reason": reason,
        },
    )
    return added, removed


@transaction.atomic
def note_sender_update(*, document: IncomingDocument, note: str) -> None:
    """The sender changed the distribution of a document we registered (an edXML update
    that keeps us among the recipients): the change goes into the document's history."""
    document = IncomingDocument.objects.select_for_update().get(pk=document.pk)
    incoming_transition(
        document,
        action="updated_by_sender",
        actor=None,
        from_status=document.status,
        to_status=document.status,
        note=note[:2000],
    )
    record(
        action=audit_names.INCOMING_UPDATED_BY_SENDER,
        actor=None,
        obj=document,
        unit_id=document.unit_id,
        after={"note": note[:2000]},
    )
