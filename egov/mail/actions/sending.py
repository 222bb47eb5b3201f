"""Sending by e-mail: an issued document to addresses, an assignment notice, an answer to a
citizen. Each message is built here, DKIM-signed, submitted to the MTA from the agency's
official mailbox, and recorded (:class:`OutboundMail` + an audit event) in the transaction
that submitted it: if the MTA refuses, nothing is recorded and the user is told why."""

from __future__ import annotations

import email.policy
from collections.abc import Sequence
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, make_msgid
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from egov.audit.service import record
from egov.documents import access as doc_access
from egov.documents import hooks
from egov.documents.choices import OutgoingStatus
from egov.lib.errors import ActionError
from egov.mail import audit_names, dkim, queries, transport
from egov.mail.choices import InboundKind, InboundState, OutboundKind
from egov.mail.constants import MAILABLE_DOCUMENT_TYPES, MAX_MAIL_RECIPIENTS
from egov.mail.models import InboundMail, Mailbox, OutboundMail
from egov.organisations.models import OrgUnit


def clean_addresses(raw: str | Sequence[str]) -> list[str]:
    """Addresses from a comma/semicolon/newline separated text or a list: trimmed,
    lower-cased, each checked, no repeats; a specific message for the first bad one."""
    items = raw if not isinstance(raw, str) else raw.replace(";", ",").replace("\n", ",").split(",")
    seen: list[str] = []
    for item in items:
        address = item.strip().lower()
        if not address:
            continue
        try:
            validate_email(address)
        except ValidationError:
            raise ActionError(
                _("“%(address)s” không phải là địa chỉ thư điện tử hợp lệ.") % {"address": address},
                code="invalid_address",
                field="addresses",
            ) from None
        if address not in seen:
            seen.append(address)
    if not seen:
        raise ActionError(
            _("Hãy nhập ít nhất một địa chỉ nhận."), code="no_recipient", field="addresses"
        )
    if len(seen) > MAX_MAIL_RECIPIENTS:
        raise ActionError(
            _("Tối đa %(n)s địa chỉ nhận mỗi lần gửi; hãy dùng địa chỉ nhóm.")
            % {"n": MAX_MAIL_RECIPIENTS},
            code="too_many_recipients",
            field="addresses",
        )
    return seen


def agency_mailbox(unit: OrgUnit) -> Mailbox:
    """The official shared mailbox the agency sends from (its own or its nearest parent's)."""
    box = queries.shared_mailbox_for(unit.path)
    if box is None:
        raise ActionError(
            _("“%(unit)s” chưa có hộp thư công vụ dùng chung để gửi thư.") % {"unit": unit.name},
            code="no_agency_mailbox",
        )
    return box


def new_message_id(tag: str) -> str:
    return make_msgid(idstring=tag, domain=settings.EGOV_MAIL_DOMAIN)


def _envelope(
    *,
    sender: Mailbox,
    recipients: Sequence[str],
    subject: str,
    body: str,
    message_id: str,
    in_reply_to: str = "",
) -> EmailMessage:
    message = EmailMessage(policy=email.policy.SMTP)
    message["From"] = formataddr((sender.display_name, sender.address))
    message["To"] = ", ".join(recipients)
    message["Subject"] = subject
    message["Date"] = format_datetime(timezone.now())
    message["Message-ID"] = message_id
    if in_reply_to:
        message["In-Reply-To"] = in_reply_to
        message["References"] = in_reply_to
    message["Auto-Submitted"] = "auto-generated" if not in_reply_to else "no"
    message.set_content(body)
    return message


def _submit(message: EmailMessage, *, sender: Mailbox, recipients: Sequence[str]) -> bytes:
    signed = dkim.sign(message.as_bytes(policy=email.policy.SMTP))
    try:
        transport.submit(envelope_from=sender.address, recipients=recipients, message=signed)
    except transport.MailServerUnavailableError as exc:
        raise ActionError(
            _("Máy chủ thư không nhận thư (%(error)s). Thư chưa được gửi; hãy thử lại sau.")
            % {"error": str(exc)[:200]},
            code="mail_server_unavailable",
        ) from exc
    return signed


def _require_mailable(document: Any) -> None:
    if document.is_secret:
        raise ActionError(_("Văn bản mật không được gửi qua thư điện tử."), code="secret_document")
    if document.status != OutgoingStatus.ISSUED:
        raise ActionError(
            _("Chỉ gửi qua thư văn bản đã ban hành (văn bản đang “%(status)s”).")
            % {"status": document.get_status_display()},
            code="not_issued",
        )
    if document.document_type.code not in MAILABLE_DOCUMENT_TYPES:
        raise ActionError(
            _("Loại “%(type)s” không thuộc các loại văn bản được gửi qua thư điện tử.")
            % {"type": document.document_type.name},
            code="type_not_mailable",
        )
    if hooks.dispatch_held(document):  # signed by its signer, the seal not on it yet
        raise ActionError(
            _("Văn bản chưa có chữ ký số của cơ quan: văn thư ký số rồi mới gửi qua thư."),
            code="awaiting_seal",
        )


def _files_of(document: Any) -> list[Any]:
    """The issued document's own files, or else those of its last draft version (the text
    the signer approved), as the exchange packs them."""
    own = list(document.attachments.select_related("file").order_by("-is_main", "ordering", "pk"))
    if own:
        return own
    version = document.versions.order_by("-number").first()
    if version is None:
        return []
    return list(version.attachments.select_related("file").order_by("-is_main", "ordering", "pk"))


def can_send_document(user: Any, document: Any) -> bool:
    return doc_access.is_clerk_of(user, document.unit) or doc_access.is_leader_of(
        user, document.unit
    )


@transaction.atomic
def send_document_by_mail(
    *,
    actor: Any,
    document: Any,
    addresses: str | Sequence[str],
    note: str = "",
    skip_access_check: bool = False,
) -> OutboundMail:
    """E-mail an issued outgoing document, its PDF files attached, from the agency's
    official mailbox. Preconditions: the actor is a clerk or leader of the issuing agency;
    the document is issued, not secret, of a type the directive lists, and has a PDF."""
    if not skip_access_check and not can_send_document(actor, document):
        raise PermissionDenied("mail: clerk or leader of the issuing agency required")
    _require_mailable(document)
    recipients = clean_addresses(addresses)
    files = [a for a in _files_of(document) if a.file.media_type == "application/pdf"]
    if not files:
        raise ActionError(
            _("Văn bản chưa có tệp PDF đã ký để gửi kèm."), code="no_pdf", field="addresses"
        )
    sender = agency_mailbox(document.unit)
    message_id = new_message_id(f"vb{document.pk}")
    number = document.number_and_notation
    subject = f"[{number}] {document.subject}" if number else document.subject
    lines = [
        _("Kính gửi Quý cơ quan,"),
        "",
        _("%(unit)s gửi văn bản số %(number)s ngày %(date)s về việc: %(subject)s.")
        % {
            "unit": document.unit.name,
            "number": number or "—",
            "date": document.issued_at.strftime("%d/%m/%Y") if document.issued_at else "—",
            "subject": document.subject,
        },
    ]
    if note.strip():
        lines += ["", note.strip()[:2000]]
    lines += [
        "",
        _(
            "Văn bản điện tử gửi qua hệ thống thư điện tử của tỉnh có giá trị như văn bản "
            "giấy; khi trả lời, xin giữ nguyên tiêu đề thư."
        ),
    ]
    message = _envelope(
        sender=sender,
        recipients=recipients,
        subject=subject,
        body="\n".join(lines),
        message_id=message_id,
    )
    for attachment in files:
        with attachment.file.content.open("rb") as handle:
            message.add_attachment(
                handle.read(), maintype="application", subtype="pdf", filename=attachment.name
            )
    sent = OutboundMail.objects.create(
        kind=OutboundKind.DOCUMENT,
        message_id=message_id,
        unit=document.unit,
        sender=actor if getattr(actor, "is_authenticated", False) else None,
        from_address=sender.address,
        to_addresses=recipients,
        subject=subject[:500],
        outgoing_document=document,
        attachment_names=[a.name for a in files],
        dkim_selector=settings.EGOV_MAIL_DKIM_SELECTOR if dkim.signing_enabled() else "",
        sent_at=timezone.now(),
    )
    record(
        action=audit_names.DOCUMENT_MAIL,
        actor=actor,
        obj=document,
        unit_id=document.unit_id,
        after={"to": recipients, "message_id": message_id, "files": sent.attachment_names},
    )
    signed = _submit(message, sender=sender, recipients=recipients)
    sent.size = len(signed)
    sent.accepted = True
    sent.save(update_fields=["size", "accepted"])
    return sent


@transaction.atomic
def send_assignment_notice(*, actor: Any, assignment: Any) -> OutboundMail:
    """E-mail the person an assignment is for (their official mailbox), so they can answer
    with a command (“đồng ý”, “hoàn thành”) from their own mailbox."""
    person_user = assignment.assignee_user
    if person_user is None:
        raise ActionError(
            _("Chỉ gửi thông báo qua thư cho việc giao đích danh một người."),
            code="not_personal_assignment",
        )
    box = queries.live_mailbox_of_user(person_user)
    if box is None:
        raise ActionError(
            _("%(name)s chưa có hộp thư công vụ.") % {"name": person_user.get_full_name()},
            code="no_mailbox",
        )
    document = assignment.document
    sender = agency_mailbox(document.unit)
    message_id = new_message_id(f"gv{assignment.pk}")
    subject = _("Giao xử lý: %(subject)s") % {"subject": document.subject}
    body = "\n".join(
        [
            _("Đồng chí được giao xử lý văn bản: %(subject)s.") % {"subject": document.subject},
            _("Ý kiến chỉ đạo: %(text)s") % {"text": assignment.instruction or "—"},
            _("Hạn xử lý: %(due)s")
            % {"due": assignment.due_date.strftime("%d/%m/%Y") if assignment.due_date else "—"},
            "",
            _(
                "Trả lời thư này từ hộp thư công vụ của đồng chí, dòng đầu là “đồng ý” để "
                "nhận việc hoặc “hoàn thành: <kết quả>” khi đã xong."
            ),
        ]
    )
    message = _envelope(
        sender=sender, recipients=[box.address], subject=subject, body=body, message_id=message_id
    )
    sent = OutboundMail.objects.create(
        kind=OutboundKind.ASSIGNMENT,
        message_id=message_id,
        unit=document.unit,
        sender=actor if getattr(actor, "is_authenticated", False) else None,
        from_address=sender.address,
        to_addresses=[box.address],
        subject=subject[:500],
        assignment=assignment,
        dkim_selector=settings.EGOV_MAIL_DKIM_SELECTOR if dkim.signing_enabled() else "",
        sent_at=timezone.now(),
    )
    record(
        action=audit_names.ASSIGNMENT_NOTICE,
        actor=actor,
        obj=sent,
        unit_id=document.unit_id,
        after={"assignment": assignment.pk, "to": box.address},
    )
    signed = _submit(message, sender=sender, recipients=[box.address])
    sent.size = len(signed)
    sent.accepted = True
    sent.save(update_fields=["size", "accepted"])
    return sent


@transaction.atomic
def answer_citizen(
    *, actor: Any, inbound: InboundMail, text: str, skip_access_check: bool = False
) -> OutboundMail:
    """Answer a citizen's message from the agency's mailbox; the first answer stops the
    response-time clock (``answered_at``)."""
    from egov.mail import access

    inbound = InboundMail.objects.select_for_update(of=("self",)).get(pk=inbound.pk)
    if not skip_access_check and not access.can_handle_inbound(actor, inbound):
        raise PermissionDenied("mail: clerk of the mailbox's agency required")
    if inbound.kind != InboundKind.FEEDBACK:
        raise ActionError(_("Chỉ trả lời thư của người dân."), code="not_feedback")
    text = text.strip()
    if not text:
        raise ActionError(_("Hãy nhập nội dung trả lời."), code="text_required", field="text")
    if not inbound.from_address:
        raise ActionError(_("Thư không có địa chỉ người gửi."), code="no_sender")
    sender = inbound.mailbox
    message_id = new_message_id(f"tl{inbound.pk}")
    subject = (
        inbound.subject if inbound.subject.lower().startswith("re:") else f"Re: {inbound.subject}"
    )
    message = _envelope(
        sender=sender,
        recipients=[inbound.from_address],
        subject=subject,
        body=text[:20000],
        message_id=message_id,
        in_reply_to=inbound.message_id,
    )
    now = timezone.now()
    sent = OutboundMail.objects.create(
        kind=OutboundKind.ANSWER,
        message_id=message_id,
        unit=sender.unit,
        sender=actor if getattr(actor, "is_authenticated", False) else None,
        from_address=sender.address,
        to_addresses=[inbound.from_address],
        subject=subject[:500],
        answers=inbound,
        dkim_selector=settings.EGOV_MAIL_DKIM_SELECTOR if dkim.signing_enabled() else "",
        sent_at=now,
    )
    if inbound.answered_at is None:
        inbound.answered_at = now
    inbound.state = InboundState.ANSWERED
    inbound.save(update_fields=["answered_at", "state"])
    record(
        action=audit_names.ANSWER_SEND,
        actor=actor,
        obj=inbound,
        unit_id=sender.unit_id,
        after={"to": inbound.from_address, "message_id": message_id},
    )
    signed = _submit(message, sender=sender, recipients=[inbound.from_address])
    sent.size = len(signed)
    sent.accepted = True
    sent.save(update_fields=["size", "accepted"])
    return sent
