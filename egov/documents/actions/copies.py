"""Copies made by the clerk: sao y, trích sao, sao lục (Nghị định 30, Điều 25–27)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from egov.audit.service import record, snapshot
from egov.documents import access, audit_names
from egov.documents.actions._common import require
from egov.documents.actions.registers import number_for
from egov.documents.choices import CopyForm, Direction, OutgoingStatus
from egov.documents.models import DocumentCopy, IncomingDocument, OutgoingDocument
from egov.lib.dates import BUSINESS_TZ
from egov.lib.errors import ActionError
from egov.lib.text import clean
from egov.organisations.models import OrgUnit


@transaction.atomic
def make_copy(
    *,
    actor: Any,
    unit: OrgUnit,
    form: str,
    incoming: IncomingDocument | None = None,
    outgoing: OutgoingDocument | None = None,
    amount: int = 1,
    excerpt: str = "",
    note: str = "",
) -> DocumentCopy:
    """Number a copy of a document ``unit`` holds in its copy register: one series for
    every form of copy, restarting each year. Preconditions: the actor is a clerk of
    ``unit``, sees the document, and the document belongs to ``unit`` (received or issued
    there); an outgoing document must have been issued; an excerpt (trích sao) says which
    part is copied."""
    require(access.is_clerk_of(actor, unit), "clerk of the unit required")
    if (incoming is None) == (outgoing is None):
        raise ValueError("copy exactly one document")
    source: Any = incoming or outgoing
    visible = (
        IncomingDocument.objects.filter(access.visible_incoming_q(actor), pk=source.pk)
        if incoming
        else OutgoingDocument.objects.filter(access.visible_outgoing_q(actor), pk=source.pk)
    )
    require(visible.exists() and source.unit_id == unit.pk, "document not held by the unit")
    if form not in CopyForm.values:
        raise ActionError(_("Hình thức sao không hợp lệ."), code="form_invalid", field="form")
    if outgoing is not None and outgoing.status not in (
        OutgoingStatus.ISSUED,
        OutgoingStatus.REPLACED,
        OutgoingStatus.RECALLED,
    ):
        raise ActionError(_("Chỉ sao văn bản đã ban hành."), code="not_issued", field="form")
    excerpt = excerpt.strip()
    if form == CopyForm.TRS and not excerpt:
        raise ActionError(
            _("Trích sao: hãy ghi phần nội dung được trích."),
            code="excerpt_required",
            field="excerpt",
        )
    if not 1 <= amount <= 999:
        raise ActionError(_("Số bản sao từ 1 đến 999."), code="amount_invalid", field="amount")
    if not unit.abbreviation:
        raise ActionError(
            _("Cơ quan “%(unit)s” chưa có chữ viết tắt dùng trong ký hiệu.") % {"unit": unit.name},
            code="agency_abbreviation_missing",
            field="form",
        )
    now = timezone.now()
    year = now.astimezone(BUSINESS_TZ).year
    register_id, number = number_for(unit, Direction.OUTGOING, year, copies=True)
    copy = DocumentCopy.objects.create(
        unit=unit,
        register_id=register_id,
        year=year,
        number=number,
        form=form,
        notation=f"{form}-{unit.abbreviation}",
        incoming=incoming,
        outgoing=outgoing,
        amount=amount,
        excerpt=excerpt,
        note=clean(note),
        made_by=actor,
        made_at=now,
    )
    record(
        action=audit_names.COPY_MAKE,
        actor=actor,
        obj=copy,
        unit_id=unit.pk,
        after=snapshot(
            copy, ("form", "year", "number", "notation", "incoming", "outgoing", "amount")
        ),
    )
    return copy
