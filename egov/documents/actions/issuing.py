"""Numbering and issuing outgoing documents, recall and replacement (Nghị định 30,
Điều 14–18). The number and time of issue are assigned by the system at issue time."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from egov.audit.service import record, snapshot
from egov.documents import access, audit_names, hooks
from egov.documents.actions._common import outgoing_transition, require, required_text
from egov.documents.actions.registers import number_for
from egov.documents.choices import (
    DeliveryRule,
    Direction,
    OutgoingStatus,
    RecipientKind,
)
from egov.documents.models import IncomingDocument, OutgoingDocument, Recipient
from egov.documents.search import index_outgoing
from egov.lib.dates import BUSINESS_TZ
from egov.lib.errors import ActionError
from egov.lib.text import clean
from egov.organisations.models import OrgUnit
from egov.organisations.validators import validate_organ_code

ISSUE_FIELDS = ("register", "year", "number", "code_number", "code_notation", "issued_at", "status")


@dataclass
class RecipientSpec:
    kind: str
    name: str = ""
    unit: OrgUnit | None = None
    organ_code: str = ""
    email: str = ""
    for_information: bool = False


def format_number(number: int) -> str:
    """Numbers below 10 take a leading zero: 07 (Phụ lục I II.3)."""
    return f"{number:02d}"


def build_notation(document: OutgoingDocument, year: int) -> str:
    """``CT-UBND``, ``UBND-TTTH`` (công văn: agency then drafting unit), ``2025/QĐ-UBND``
    (legal-normative documents carry the year)."""
    agency = document.unit.abbreviation
    if not agency:
        raise ActionError(
            _("Cơ quan “%(unit)s” chưa có chữ viết tắt dùng trong ký hiệu văn bản.")
            % {"unit": document.unit.name},
            code="agency_abbreviation_missing",
        )
    doc_type = document.document_type
    if doc_type.is_letter:
        drafting = document.drafting_unit
        if drafting.pk != document.unit.pk and not drafting.abbreviation:
            raise ActionError(
                _("Đơn vị soạn thảo “%(unit)s” chưa có chữ viết tắt.") % {"unit": drafting.name},
                code="drafting_abbreviation_missing",
            )
        notation = (
            agency if drafting.pk == document.unit.pk else f"{agency}-{drafting.abbreviation}"
        )
    else:
        notation = f"{doc_type.abbreviation}-{agency}"
    if document.is_legal:
        notation = f"{year}/{notation}"
    return notation.upper().replace(" ", "") if doc_type.is_letter else notation.replace(" ", "")


def recipient_rows(document: OutgoingDocument, specs: list[RecipientSpec]) -> list[Recipient]:
    rule = document.document_type.delivery_rule
    rows: list[Recipient] = []
    if not specs:
        raise ActionError(
            _("Hãy chọn ít nhất một nơi nhận."), code="recipients_required", field="recipients"
        )
    for spec in specs:
        name = clean(spec.name)
        electronic = spec.kind != RecipientKind.POST
        if document.is_secret and electronic and spec.kind != RecipientKind.INTERNAL:
            raise ActionError(
                _("Văn bản mật không gửi qua mạng: “%(name)s” phải nhận bản giấy.")
                % {"name": name or spec.email or spec.organ_code},
                code="secret_not_electronic",
                field="recipients",
            )
        if rule == DeliveryRule.ELECTRONIC_ONLY and not electronic:
            raise ActionError(
                _("Loại “%(type)s” chỉ gửi điện tử, không gửi bản giấy.")
                % {"type": document.document_type.name},
                code="type_electronic_only",
                field="recipients",
            )
        if spec.kind == RecipientKind.INTERNAL:
            if spec.unit is None or spec.unit.valid_to is not None:
                raise ActionError(
                    _("Đơn vị nhận không còn hoạt động."),
                    code="recipient_inactive",
                    field="recipients",
                )
            name = name or spec.unit.name
        elif spec.kind == RecipientKind.ORGAN:
            try:
                validate_organ_code(spec.organ_code)
            except Exception as exc:
                raise ActionError(
                    _("Mã định danh “%(code)s” không đúng định dạng.") % {"code": spec.organ_code},
                    code="organ_code_invalid",
                    field="recipients",
                ) from exc
        elif spec.kind == RecipientKind.EMAIL and "@" not in spec.email:
            raise ActionError(
                _("Địa chỉ thư “%(email)s” không hợp lệ.") % {"email": spec.email},
                code="email_invalid",
                field="recipients",
            )
        if document.is_secret:
            sends_electronic, sends_paper = False, True
        elif rule == DeliveryRule.ELECTRONIC_ONLY:
            sends_electronic, sends_paper = True, False
        elif rule == DeliveryRule.PARALLEL:
            sends_electronic, sends_paper = electronic, True
        else:
            if spec.kind == RecipientKind.EMAIL:
                raise ActionError(
                    _("Loại “%(type)s” chỉ gửi bản giấy, không gửi qua thư điện tử.")
                    % {"type": document.document_type.name},
                    code="type_paper_only",
                    field="recipients",
                )
            sends_electronic, sends_paper = False, True
        rows.append(
            Recipient(
                document=document,
                kind=spec.kind,
                unit=spec.unit,
                organ_code=spec.organ_code.strip(),
                name=(name or spec.email or spec.organ_code)[:200],
                email=spec.email.strip(),
                electronic=sends_electronic,
                on_paper=sends_paper,
                for_information=spec.for_information,
            )
        )
    return rows


@transaction.atomic
def issue(
    *, actor: Any, document: OutgoingDocument, recipients: list[RecipientSpec]
) -> OutgoingDocument:
    """Give the approved document its number in the right register, the time of issue,
    register it and hand it to dispatch. Precondition: the actor is a clerk of the issuing
    agency (and cleared, for a secret document)."""
    document = (
        OutgoingDocument.objects.select_for_update(of=("self",))
        .select_related("unit", "drafting_unit", "document_type")
        .get(pk=document.pk)
    )
    require(access.is_clerk_of(actor, document.unit), "clerk of the issuing agency required")
    require(access.can_see_secret(actor, document.unit, document.secrecy), "clearance required")
    if document.status != OutgoingStatus.APPROVED:
        raise ActionError(_("Chỉ phát hành văn bản đã được người ký duyệt."), code="not_approved")
    now = timezone.now()
    year = now.astimezone(BUSINESS_TZ).year
    rows = recipient_rows(document, recipients)
    notation = build_notation(document, year)
    register_id, number = number_for(
        document.unit,
        Direction.OUTGOING,
        year,
        secrecy=document.secrecy,
        legal_type=document.document_type if document.is_legal else None,
    )
    document.register_id = register_id
    document.year = year
    document.number = number
    document.code_number = format_number(number)
    document.code_notation = notation
    document.issued_at = now
    document.issued_date = now.astimezone(BUSINESS_TZ).date()
    document.issued_by = actor
    document.signer_name = (document.signer.full_name if document.signer else "")[:50]
    Recipient.objects.bulk_create(rows)
    document.electronic = any(r.electronic for r in rows)
    document.on_paper = any(r.on_paper for r in rows)
    outgoing_transition(
        document,
        action="issue",
        actor=actor,
        from_status=document.status,
        to_status=OutgoingStatus.ISSUED,
        note=f"{document.code_number}/{notation}",
    )
    document.status = OutgoingStatus.ISSUED
    document.save()
    if document.replaces is not None:
        mark_replaced(actor=actor, old=document.replaces, new=document)
    hooks.issued(document, rows)
    if document.in_reply_to_id:
        IncomingDocument.objects.filter(pk=document.in_reply_to_id, reply__isnull=True).update(
            reply=document
        )
    index_outgoing(document)
    record(
        action=audit_names.OUTGOING_ISSUE,
        actor=actor,
        obj=document,
        unit_id=document.unit_id,
        after={
            **snapshot(document, ISSUE_FIELDS),
            "recipients": [(r.kind, r.name, r.electronic, r.on_paper) for r in rows],
        },
    )
    return document


@transaction.atomic
def recall(*, actor: Any, document: OutgoingDocument, reason: str) -> OutgoingDocument:
    """Recall an issued document (Điều 18.4.b): it is frozen with its metadata and keeps its
    number; recipients are told (the exchange part carries status 13)."""
    document = (
        OutgoingDocument.objects.select_for_update(of=("self",))
        .select_related("unit")
        .get(pk=document.pk)
    )
    require(
        access.is_clerk_of(actor, document.unit) or access.is_leader_of(actor, document.unit),
        "clerk or leader of the issuing agency required",
    )
    reason = required_text(reason, field="reason", message=_("Hãy ghi lý do thu hồi."))
    if document.status != OutgoingStatus.ISSUED:
        raise ActionError(_("Chỉ thu hồi văn bản đã phát hành."), code="not_issued")
    outgoing_transition(
        document,
        action="recall",
        actor=actor,
        from_status=document.status,
        to_status=OutgoingStatus.RECALLED,
        note=reason,
    )
    document.status = OutgoingStatus.RECALLED
    document.change_reason = reason
    document.save(update_fields=["status", "change_reason", "updated_at"])
    hooks.recalled(document, reason)
    record(
        action=audit_names.OUTGOING_RECALL,
        actor=actor,
        obj=document,
        unit_id=document.unit_id,
        after={"reason": reason},
    )
    return document


def mark_replaced(*, actor: Any, old: OutgoingDocument, new: OutgoingDocument) -> None:
    """Called when ``new`` (whose ``replaces`` is ``old``) is issued: ``old`` keeps its
    number and text, and reads *replaced* with the reason."""
    old = OutgoingDocument.objects.select_for_update().get(pk=old.pk)
    if old.status != OutgoingStatus.ISSUED:
        raise ActionError(_("Văn bản bị thay thế phải đang có hiệu lực."), code="not_issued")
    outgoing_transition(
        old,
        action="replace",
        actor=actor,
        from_status=old.status,
        to_status=OutgoingStatus.REPLACED,
        note=str(new),
    )
    old.status = OutgoingStatus.REPLACED
    old.save(update_fields=["status", "updated_at"])
    record(
        action=audit_names.OUTGOING_REPLACE,
        actor=actor,
        obj=old,
        unit_id=old.unit_id,
        after={"replaced_by": new.pk, "reason": new.change_reason},
    )
