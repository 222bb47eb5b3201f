"""Reading a scanned paper document (OCR on a copy) and registering it with the fields the
clerk confirmed from the suggestions."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from egov.audit.service import record
from egov.documents.access import clerk_units, is_clerk_of
from egov.documents.actions import files as file_actions
from egov.documents.actions._common import require
from egov.documents.actions.incoming import register_incoming
from egov.documents.choices import Channel
from egov.documents.models import DocumentType, IncomingDocument, StoredFile
from egov.lib.errors import ActionError
from egov.organisations.models import OrgUnit
from egov.signatures import audit_names, ocr
from egov.signatures.models import ScanReading


def _store(data: bytes, name: str, *, actor: Any) -> StoredFile:
    upload = file_actions.Upload(stream=io.BytesIO(data), name=name, size=len(data))
    [inspected] = file_actions.check_uploads([upload])
    return file_actions.store(upload, inspected, actor=actor)


def ocr_name(name: str) -> str:
    stem = name[:-4] if name.lower().endswith(".pdf") else name
    return f"{stem}.ocr.pdf"[:255]


@transaction.atomic
def read_scan(*, actor: Any, upload: file_actions.Upload) -> ScanReading:
    """OCR a scanned PDF for a clerk: the scan is stored as it came, the text layer goes on a
    copy, and the suggestions are kept for the clerk to confirm. A corrupted scan or a file
    that is not a PDF is refused with its own message, and nothing is stored."""
    require(bool(clerk_units(actor)), "clerks read scans")
    [inspected] = file_actions.check_uploads([upload])
    if inspected.media_type != "application/pdf":
        raise ActionError(_("Tệp quét phải là tệp PDF."), code="scan_not_pdf", field="file")
    upload.stream.seek(0)
    data = upload.stream.read()
    result = ocr.run_ocr(data)
    scan = file_actions.store(upload, inspected, actor=actor)
    copy = _store(result.pdf, ocr_name(upload.name), actor=actor)
    reading = ScanReading.objects.create(
        scan=scan,
        text_layer=copy,
        name=upload.name[:255],
        text=result.text,
        suggestions={k: asdict(v) for k, v in result.suggestions.items()},
        seconds=result.seconds,
        pages=result.pages,
        created_by=actor,
    )
    record(
        action=audit_names.SCAN_READ,
        actor=actor,
        obj=reading,
        after={
            "scan": scan.sha256,
            "text_layer": copy.sha256,
            "fields": sorted(result.suggestions),
        },
    )
    return reading


def _upload_of(stored: StoredFile, name: str) -> file_actions.Upload:
    with stored.content.open("rb") as stream:
        data = stream.read()
    return file_actions.Upload(stream=io.BytesIO(data), name=name, size=len(data))


@transaction.atomic
def register_scan(
    *,
    actor: Any,
    reading: ScanReading,
    unit: OrgUnit,
    document_type: DocumentType,
    issuer_name: str,
    subject: str,
    code_number: str = "",
    code_notation: str = "",
    issued_date: dt.date | None = None,
    uploads: Sequence[file_actions.Upload] = (),
    channel: str = Channel.PAPER,
    **details: Any,
) -> IncomingDocument:
    """Register the scanned document with the fields the clerk confirmed on the registration
    form: the scan is its main file, the OCR copy (searchable) the second, then any file the
    clerk added. ``details`` are ``register_incoming``'s other keyword arguments (signer,
    urgency, secrecy, due date…), passed through unchanged."""
    reading = ScanReading.objects.select_for_update().get(pk=reading.pk)
    require(reading.created_by_id == actor.pk and is_clerk_of(actor, unit), "own reading, clerk")
    if reading.incoming_id is not None:
        raise ActionError(_("Tệp quét này đã được vào sổ."), code="scan_already_registered")
    document = register_incoming(
        actor=actor,
        unit=unit,
        document_type=document_type,
        subject=subject,
        issuer_name=issuer_name,
        channel=channel,
        code_number=code_number,
        code_notation=code_notation,
        issued_date=issued_date,
        uploads=[
            _upload_of(reading.scan, reading.name),
            _upload_of(reading.text_layer, ocr_name(reading.name)),
            *uploads,
        ],
        **details,
    )
    confirmed = {
        "issuer_name": issuer_name,
        "code_number": code_number,
        "code_notation": code_notation,
        "issued_date": issued_date.isoformat() if issued_date else "",
        "document_type": document_type.name,
        "subject": subject,
    }
    reading.incoming = document
    reading.confirmed = confirmed
    reading.save(update_fields=["incoming", "confirmed"])
    accepted = sorted(
        k for k, v in confirmed.items() if reading.suggestions.get(k, {}).get("value") == v
    )
    record(
        action=audit_names.SCAN_REGISTER,
        actor=actor,
        obj=document,
        unit_id=unit.pk,
        after={"reading": reading.pk, "accepted_as_suggested": accepted},
    )
    return document
