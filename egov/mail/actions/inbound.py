"""What people do with mail the worker imported: the clerk registers a document that came
by mail (through the e-office's own ``register_incoming``), dismisses what is not one, or has
a failed import tried again."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from egov.audit.service import record
from egov.documents.actions import incoming
from egov.documents.actions.files import Upload
from egov.documents.choices import Channel
from egov.lib.errors import ActionError
from egov.mail import access, audit_names
from egov.mail.actions import ingest
from egov.mail.choices import InboundKind, InboundState
from egov.mail.inbound.parse import parse
from egov.mail.models import InboundMail


def _lock(inbound: InboundMail) -> InboundMail:
    locked: InboundMail = (
        InboundMail.objects.select_for_update(of=("self",))
        .select_related("mailbox", "mailbox__unit")
        .get(pk=inbound.pk)
    )
    return locked


def _raw(inbound: InboundMail) -> bytes:
    with inbound.raw.open("rb") as handle:
        data: bytes = handle.read()
    return data


@transaction.atomic
def register_from_mail(
    *,
    actor: Any,
    inbound: InboundMail,
    document_type: Any,
    subject: str,
    issuer_name: str,
    code_number: str = "",
    code_notation: str = "",
    issued_date: dt.date | None = None,
    due_date: dt.date | None = None,
    allow_duplicate: bool = False,
    skip_access_check: bool = False,
) -> Any:
    """Register a document that came by mail as an incoming document of the mailbox's
    agency, its attachments kept (those whose bytes are what they claim; a lying one is
    left out and stays in the evidential copy). Precondition: the message waits for the
    clerk (scanned clean, not yet registered)."""
    inbound = _lock(inbound)
    if not skip_access_check and not access.can_handle_inbound(actor, inbound):
        raise PermissionDenied("mail: clerk of the mailbox's agency required")
    if inbound.state != InboundState.WAITING:
        raise ActionError(
            _("Thư này không còn chờ vào sổ (đang “%(state)s”).")
            % {"state": inbound.get_state_display()},
            code="not_waiting",
        )
    parsed = parse(_raw(inbound))
    uploads = [
        Upload(stream=io.BytesIO(a.data), name=a.name, size=len(a.data))
        for a in sorted(parsed.attachments, key=lambda a: not a.is_pdf)
        if not a.lying and a.sniffed_type
    ]
    document = incoming.register_incoming(
        actor=actor,
        unit=inbound.mailbox.unit,
        document_type=document_type,
        subject=subject,
        issuer_name=issuer_name,
        channel=Channel.MAIL,
        code_number=code_number,
        code_notation=code_notation,
        issued_date=issued_date,
        due_date=due_date,
        organ_document_id=inbound.message_id[:100],
        uploads=uploads,
        arrived_at=inbound.internal_date,
        allow_duplicate=allow_duplicate,
        skip_access_check=skip_access_check,
        description=_("Nhận qua thư điện tử từ %(sender)s.") % {"sender": inbound.from_address},
    )
    inbound.state = InboundState.REGISTERED
    inbound.incoming_document = document
    inbound.decided_by = actor if getattr(actor, "is_authenticated", False) else None
    inbound.decided_at = timezone.now()
    inbound.save(update_fields=["state", "incoming_document", "decided_by", "decided_at"])
    record(
        action=audit_names.INBOUND_REGISTER,
        actor=actor,
        obj=inbound,
        unit_id=inbound.mailbox.unit_id,
        after={"incoming_document": document.pk, "files": [u.name for u in uploads]},
    )
    return document


@transaction.atomic
def dismiss(
    *, actor: Any, inbound: InboundMail, note: str, skip_access_check: bool = False
) -> InboundMail:
    """Not a document, not to be answered: keep the record, say why."""
    inbound = _lock(inbound)
    if not skip_access_check and not access.can_handle_inbound(actor, inbound):
        raise PermissionDenied("mail: clerk of the mailbox's agency required")
    if inbound.state not in (InboundState.WAITING, InboundState.OPEN, InboundState.KEPT):
        raise ActionError(
            _("Thư này đã được xử lý (%(state)s).") % {"state": inbound.get_state_display()},
            code="already_handled",
        )
    note = note.strip()
    if not note:
        raise ActionError(_("Hãy ghi lý do bỏ qua."), code="reason_required", field="note")
    before = inbound.state
    inbound.state = InboundState.DISMISSED
    inbound.note = note[:2000]
    inbound.decided_by = actor if getattr(actor, "is_authenticated", False) else None
    inbound.decided_at = timezone.now()
    inbound.save(update_fields=["state", "note", "decided_by", "decided_at"])
    record(
        action=audit_names.INBOUND_DISMISS,
        actor=actor,
        obj=inbound,
        unit_id=inbound.mailbox.unit_id,
        before={"state": before},
        after={"state": inbound.state},
        note=note,
    )
    return inbound


@transaction.atomic
def retry(*, actor: Any, inbound: InboundMail, skip_access_check: bool = False) -> InboundMail:
    """Import a failed message again from its kept copy (e.g. after the antivirus is back).
    The failed record gives way to the new one; both are in the audit trail."""
    inbound = _lock(inbound)
    if not skip_access_check and not access.can_manage_mailbox(actor, inbound.mailbox):
        raise PermissionDenied("mail: administrator of the mailbox's unit required")
    if inbound.state != InboundState.FAILED or not inbound.raw:
        raise ActionError(
            _("Chỉ nhập lại thư bị lỗi còn bản lưu (thư quá lớn cần xử lý trên hộp thư)."),
            code="not_retryable",
        )
    raw = _raw(inbound)
    mailbox, folder, uidvalidity, uid, when = (
        inbound.mailbox,
        inbound.folder,
        inbound.uidvalidity,
        inbound.uid,
        inbound.internal_date,
    )
    record(
        action=audit_names.INBOUND_RETRY,
        actor=actor,
        obj=inbound,
        unit_id=inbound.mailbox.unit_id,
        before={"state": inbound.state, "error": inbound.error},
    )
    inbound.delete()
    again = ingest.import_message(
        mailbox=mailbox,
        folder=folder,
        uidvalidity=uidvalidity,
        uid=uid,
        internal_date=when,
        raw=raw,
    )
    if again is None:
        raise ActionError(_("Thư này đã được nhập trước đó."), code="duplicate")
    return again


@transaction.atomic
def hand_over_to_feedback(*, inbound: InboundMail, reference: str) -> InboundMail:
    """A citizen's message became a feedback item (the feedback part answers it): the
    message is kept (``kept``) with the item's reference as its note, and leaves the list
    of messages waiting for an answer. System job: no actor, no access check."""
    inbound = _lock(inbound)
    if inbound.kind != InboundKind.FEEDBACK or inbound.state != InboundState.OPEN:
        raise ActionError(
            _("Thư này đã được xử lý (%(state)s).") % {"state": inbound.get_state_display()},
            code="already_handled",
        )
    inbound.state = InboundState.KEPT
    inbound.note = reference[:2000]
    inbound.decided_at = timezone.now()
    inbound.save(update_fields=["state", "note", "decided_at"])
    record(
        action=audit_names.INBOUND_TO_FEEDBACK,
        actor=None,
        obj=inbound,
        unit_id=inbound.mailbox.unit_id,
        before={"state": InboundState.OPEN},
        after={"state": inbound.state},
        note=reference[:2000],
    )
    return inbound
