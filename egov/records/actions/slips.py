"""Printing an incoming document's handling slip: a read, but logged like every print
(Phụ lục VI III.6)."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from egov.audit.service import record
from egov.documents.models import IncomingDocument
from egov.records import access, audit_names
from egov.records.actions._common import require
from egov.records.exports.render import Watermark
from egov.records.exports.slip import slip_pdf
from egov.records.slip import handling_slip


@transaction.atomic
def print_handling_slip(*, actor: Any, document: IncomingDocument) -> bytes:
    """The Phiếu giải quyết văn bản đến of ``document`` as A4 PDF with the watermark.
    Precondition: the actor sees the document (a secret one only with the clearance)."""
    require(access.can_see_incoming(actor, document.pk), "document not visible")
    data = slip_pdf(handling_slip(document), Watermark.for_user(actor))
    record(
        action=audit_names.SLIP_PRINT,
        actor=actor,
        obj=document,
        unit_id=document.unit_id,
        note="pdf",
    )
    return data
