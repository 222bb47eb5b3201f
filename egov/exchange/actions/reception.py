"""The clerk (văn thư) takes a received electronic document into the register, or refuses
it with a reason (Nghị định 30, Điều 21–22). Registration reuses the e-office's own
action, with the package's fields and files: nothing is typed again."""

from __future__ import annotations

import io
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from egov.audit.service import record
from egov.documents.actions.files import Upload
from egov.documents.actions.incoming import register_incoming
from egov.documents.choices import Channel
from egov.documents.queries import document_type_named
from egov.exchange import access, audit_names, edxml
from egov.exchange.actions.listeners import send_status
from egov.exchange.choices import InboxState
from egov.exchange.models import InboxMessage
from egov.lib.errors import ActionError


def _lock(message: InboxMessage, actor: Any) -> InboxMessage:
    message = (
        InboxMessage.objects.select_for_update(of=("self",))
        .select_related("unit")
        .get(pk=message.pk)
    )
    if not access.can_receive(actor, message):
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied("clerk of the receiving unit required")
    if message.state != InboxState.WAITING or message.unit is None:
        raise ActionError(
            _("Văn bản này đã được xử lý (%(state)s).") % {"state": message.get_state_display()},
            code="already_handled",
        )
    return message


def package_of(message: InboxMessage) -> edxml.EdocPackage:
    return edxml.parse_edoc(bytes(message.body)).package


@transaction.atomic
def register(
    *, actor: Any, message: InboxMessage, allow_duplicate: bool = False, **overrides: Any
) -> Any:
    """Register the received document in its unit's incoming register; status 03 goes back
    to the sender. ``overrides`` may set the e-office fields the clerk corrected (document
    type, due date, urgency…)."""
    message = _lock(message, actor)
    unit = message.unit
    assert unit is not None  # noqa: S101 - _lock refuses a message without its unit
    package = package_of(message)
    header = package.message_header
    uploads = [
        Upload(stream=io.BytesIO(a.content), name=a.attachment_name, size=len(a.content))
        for a in package.attachments
    ]
    fields: dict[str, Any] = {
        "document_type": document_type_named(header.document_type.type_name),
        "subject": header.subject,
        "issuer_name": header.from_.organ_name or header.from_.organ_id,
        "issuer_code": header.from_.organ_id,
        "code_number": header.code.code_number,
        "code_notation": header.code.code_notation,
        "issued_date": header.promulgation_info.promulgation_date,
        "signer_name": header.signer_info.full_name,
        "signer_position": header.signer_info.position,
        "urgency": min(3, max(0, header.other_info.priority)),
        "due_date": header.due_date,
        "organ_document_id": header.document_id,
        "page_amount": header.other_info.page_amount,
    }
    fields.update(overrides)
    document = register_incoming(
        actor=actor,
        unit=unit,
        channel=Channel.ELECTRONIC,
        uploads=uploads,
        allow_duplicate=allow_duplicate,
        **fields,
    )
    message.state = InboxState.REGISTERED
    message.incoming = document
    message.handled_at = timezone.now()
    message.handled_by = actor
    message.save(update_fields=["state", "incoming", "handled_at", "handled_by"])
    send_status(
        unit=message.unit,
        document_id=message.document_id,
        to_code=message.from_code,
        code=edxml.StatusCode.ACCEPTED,
    )
    record(
        action=audit_names.INBOX_REGISTER,
        actor=actor,
        obj=message,
        unit_id=message.unit_id,
        after={"incoming": document.pk, "document_id": message.document_id},
    )
    return document


@transaction.atomic
def refuse(*, actor: Any, message: InboxMessage, reason: str) -> InboxMessage:
    """Refuse the received document (wrong recipient, unreadable, incomplete): status 02
    with the reason goes back to the sender."""
    message = _lock(message, actor)
    reason = (reason or "").strip()
    if not reason:
        raise ActionError(_("Hãy ghi lý do từ chối."), code="reason_required", field="reason")
    message.state = InboxState.REFUSED
    message.note = reason[:2000]
    message.handled_at = timezone.now()
    message.handled_by = actor
    message.save(update_fields=["state", "note", "handled_at", "handled_by"])
    send_status(
        unit=message.unit,
        document_id=message.document_id,
        to_code=message.from_code,
        code=edxml.StatusCode.REJECTED,
        description=reason[:500],
    )
    record(
        action=audit_names.INBOX_REFUSE,
        actor=actor,
        obj=message,
        unit_id=message.unit_id,
        after={"reason": reason},
    )
    return message
