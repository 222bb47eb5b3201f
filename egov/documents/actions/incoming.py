"""Receiving and registering incoming documents (Nghị định 30, Điều 21–22)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from egov.accounts.notify import notify
from egov.audit.service import record, snapshot
from egov.documents import access, audit_names, hooks, queries
from egov.documents.actions import files as file_actions
from egov.documents.actions._common import incoming_transition, require, subject_text
from egov.documents.actions.registers import number_for
from egov.documents.choices import Channel, Direction, IncomingStatus, Secrecy, Urgency
from egov.documents.models import Attachment, DocumentType, IncomingDocument
from egov.documents.search import incoming_vector
from egov.lib.dates import BUSINESS_TZ, local_today
from egov.lib.errors import ActionError
from egov.lib.text import clean
from egov.organisations.models import OrgUnit

INCOMING_FIELDS = (
    "unit",
    "register",
    "year",
    "arrival_number",
    "arrived_at",
    "channel",
    "document_type",
    "code_number",
    "code_notation",
    "issued_date",
    "issuer_name",
    "issuer_code",
    "subject",
    "signer_name",
    "signer_position",
    "urgency",
    "secrecy",
    "due_date",
    "organ_document_id",
    "status",
)


def _check_dates(issued_date: dt.date | None, due_date: dt.date | None, today: dt.date) -> None:
    if issued_date is not None and issued_date > today:
        raise ActionError(
            _("Ngày văn bản %(date)s ở tương lai.") % {"date": issued_date.strftime("%d/%m/%Y")},
            code="issued_date_in_future",
            field="issued_date",
        )
    if due_date is not None and issued_date is not None and due_date < issued_date:
        raise ActionError(
            _("Hạn xử lý (%(due)s) không được trước ngày văn bản (%(date)s).")
            % {"due": due_date.strftime("%d/%m/%Y"), "date": issued_date.strftime("%d/%m/%Y")},
            code="due_before_issued",
            field="due_date",
        )


@transaction.atomic
def register_incoming(
    *,
    actor: Any,
    unit: OrgUnit,
    document_type: DocumentType,
    subject: str,
    issuer_name: str,
    channel: str = Channel.PAPER,
    issuer_code: str = "",
    code_number: str = "",
    code_notation: str = "",
    issued_date: dt.date | None = None,
    signer_name: str = "",
    signer_position: str = "",
    urgency: int = Urgency.NORMAL,
    secrecy: int = Secrecy.NONE,
    due_date: dt.date | None = None,
    organ_document_id: str = "",
    to_places: str = "",
    description: str = "",
    page_amount: int | None = None,
    uploads: list[file_actions.Upload] | None = None,
    arrived_at: dt.datetime | None = None,
    allow_duplicate: bool = False,
    source_outgoing: Any = None,
    skip_access_check: bool = False,
) -> IncomingDocument:
    """Register a received document in ``unit``'s incoming register and give it the next
    arrival number of the year (secret documents: the secret register's).

    Preconditions: ``actor`` is a clerk of ``unit`` and, for a secret document, cleared to
    its level. Refuses (nothing saved) an empty subject, dates in the wrong order, a file
    that is not what it claims, an electronic document without its file, and a probable
    duplicate unless ``allow_duplicate`` (the clerk confirmed after the warning).
    """
    require(skip_access_check or access.is_clerk_of(actor, unit), "clerk of the unit required")
    if secrecy and not skip_access_check:
        require(access.can_see_secret(actor, unit, secrecy), "clearance required")
    if not unit.is_active_on(local_today()):
        raise ActionError(
            _("Đơn vị “%(unit)s” không còn hoạt động.") % {"unit": unit.name},
            code="unit_inactive",
            field="unit",
        )
    subject = subject_text(subject)
    issuer_name = clean(issuer_name)
    if not issuer_name:
        raise ActionError(
            _("Hãy nhập cơ quan ban hành văn bản."), code="issuer_required", field="issuer_name"
        )
    today = local_today()
    _check_dates(issued_date, due_date, today)
    uploads = uploads or []
    if channel in (Channel.ELECTRONIC, Channel.MAIL) and not uploads:
        raise ActionError(
            _("Văn bản điện tử phải kèm tệp văn bản."), code="file_required", field="files"
        )
    inspected = file_actions.check_uploads(uploads)
    code_number = clean(code_number)
    code_notation = clean(code_notation).upper().replace(" ", "")
    if not allow_duplicate:
        duplicates = queries.probable_duplicates(
            unit=unit,
            issuer_code=issuer_code,
            issuer_name=issuer_name,
            code_number=code_number,
            code_notation=code_notation,
            organ_document_id=organ_document_id,
        )
        if duplicates:
            first = duplicates[0]
            raise ActionError(
                _(
                    "Văn bản này có thể đã được vào sổ: số đến %(number)s/%(year)s ngày "
                    "%(date)s. Kiểm tra lại, hoặc xác nhận để vẫn vào sổ."
                )
                % {
                    "number": first.arrival_number,
                    "year": first.year,
                    "date": first.arrived_at.astimezone(BUSINESS_TZ).strftime("%d/%m/%Y"),
                },
                code="probable_duplicate",
                field="code_notation",
            )
    arrived_at = arrived_at or timezone.now()
    year = arrived_at.astimezone(BUSINESS_TZ).year
    stored = [
        file_actions.store(upload, facts, actor=actor)
        for upload, facts in zip(uploads, inspected, strict=True)
    ]
    # The register's counter stays locked from here to the commit: keep this part short.
    register_id, arrival_number = number_for(unit, Direction.INCOMING, year, secrecy=secrecy)
    document = IncomingDocument(
        unit=unit,
        register_id=register_id,
        year=year,
        arrival_number=arrival_number,
        arrived_at=arrived_at,
        channel=channel,
        document_type=document_type,
        code_number=code_number,
        code_notation=code_notation,
        issued_date=issued_date,
        issuer_name=issuer_name,
        issuer_code=issuer_code.strip(),
        subject=subject,
        signer_name=clean(signer_name),
        signer_position=clean(signer_position),
        urgency=urgency,
        secrecy=secrecy,
        due_date=due_date,
        organ_document_id=organ_document_id.strip(),
        to_places=clean(to_places),
        description=clean(description),
        page_amount=page_amount,
        source_outgoing=source_outgoing,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    if page_amount is None:
        document.page_amount = sum(facts.page_count or 0 for facts in inspected) or None
    document.search_vector = incoming_vector(
        document, [(upload.name, file.text) for upload, file in zip(uploads, stored, strict=True)]
    )
    document.save(force_insert=True)
    del document.search_vector  # an expression until read back: deferred, never saved again
    attachments = Attachment.objects.bulk_create(
        Attachment(
            file=file, name=upload.name, is_main=order == 0, ordering=order, incoming=document
        )
        for order, (upload, file) in enumerate(zip(uploads, stored, strict=True))
    )
    if attachments:
        hooks.incoming_files_added(document, attachments)
    incoming_transition(
        document, action="register", actor=actor, to_status=IncomingStatus.REGISTERED
    )
    if document.is_urgent:
        leaders = queries.leaders_of(unit, secrecy=secrecy)
        notify(
            leaders,
            text=_("Văn bản %(urgency)s vừa đến: %(subject)s")
            % {"urgency": document.get_urgency_display(), "subject": subject[:200]},
            url=document_url(document),
            urgent=True,
        )
    record(
        action=audit_names.INCOMING_REGISTER,
        actor=actor,
        obj=document,
        unit_id=unit.pk,
        after=snapshot(document, INCOMING_FIELDS),
    )
    return document


def document_url(document: IncomingDocument) -> str:
    from django.urls import reverse

    return reverse("documents:incoming_detail", args=[document.pk])
