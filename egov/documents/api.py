"""The e-office API: list and read documents, register incoming ones (multipart, for
scanners and other systems), and the caller's work queue. Access is the same as on the
screens: every object goes through ``access``; every write through an action."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import File, Form, Router, Schema, Status
from ninja.files import UploadedFile

from egov.documents import access, queries
from egov.documents.actions.files import Upload
from egov.documents.actions.incoming import register_incoming
from egov.documents.models import DocumentType, IncomingDocument, OutgoingDocument
from egov.organisations.models import OrgUnit

router = Router(tags=["documents"])


class DocumentTypeOut(Schema):
    id: int
    code: str
    name: str
    abbreviation: str
    delivery_rule: str


class IncomingOut(Schema):
    id: int
    unit_id: int
    year: int
    arrival_number: int
    arrived_at: dt.datetime
    channel: str
    type_name: str
    code_number: str
    code_notation: str
    issued_date: dt.date | None
    issuer_name: str
    issuer_code: str
    subject: str
    urgency: int
    secrecy: int
    due_date: dt.date | None
    status: str


class OutgoingOut(Schema):
    id: int
    unit_id: int
    drafting_unit_id: int
    type_name: str
    code_number: str
    code_notation: str
    issued_at: dt.datetime | None
    subject: str
    urgency: int
    secrecy: int
    status: str


class IncomingIn(Schema):
    unit_id: int
    document_type: str
    subject: str
    issuer_name: str
    issuer_code: str = ""
    code_number: str = ""
    code_notation: str = ""
    issued_date: dt.date | None = None
    signer_name: str = ""
    signer_position: str = ""
    urgency: int = 0
    secrecy: int = 0
    due_date: dt.date | None = None
    channel: str = "electronic"
    organ_document_id: str = ""
    allow_duplicate: bool = False


class WorkOut(Schema):
    counts: dict[str, int]
    assigned: list[dict[str, Any]]


def _incoming_out(document: IncomingDocument) -> dict[str, Any]:
    return {
        **{
            field: getattr(document, field)
            for field in IncomingOut.model_fields
            if hasattr(document, field)
        },
        "type_name": document.document_type.name,
    }


def _outgoing_out(document: OutgoingDocument) -> dict[str, Any]:
    return {
        **{
            field: getattr(document, field)
            for field in OutgoingOut.model_fields
            if hasattr(document, field)
        },
        "type_name": document.document_type.name,
    }


@router.get("/types", response=list[DocumentTypeOut])
def list_types(request: HttpRequest) -> Any:
    return DocumentType.objects.filter(active=True)


@router.get("/incoming", response=list[IncomingOut])
def list_incoming(
    request: HttpRequest, q: str = "", status: str = "", limit: int = 50, offset: int = 0
) -> list[dict[str, Any]]:
    filters = queries.IncomingFilters(text=q, status=status)
    page = queries.search_incoming(request.user, filters)[offset : offset + min(max(limit, 1), 500)]
    return [_incoming_out(d) for d in page]


@router.get("/incoming/{document_id}", response=IncomingOut)
def get_incoming(request: HttpRequest, document_id: int) -> dict[str, Any]:
    return _incoming_out(access.get_incoming_for_user(request.user, document_id))


@router.post("/incoming", response={201: IncomingOut})
def create_incoming(
    request: HttpRequest,
    payload: Form[IncomingIn],
    files: File[list[UploadedFile]] = None,  # type: ignore[assignment] # ninja's optional file list
) -> Status[dict[str, Any]]:
    """Register an incoming document (multipart: the fields, and ``files``). Errors come
    back as 422 with a machine ``code`` and a Vietnamese ``message`` per field."""
    unit = get_object_or_404(OrgUnit, pk=payload.unit_id)
    document_type = get_object_or_404(DocumentType, code=payload.document_type, active=True)
    document = register_incoming(
        actor=request.user,
        unit=unit,
        document_type=document_type,
        subject=payload.subject,
        issuer_name=payload.issuer_name,
        issuer_code=payload.issuer_code,
        code_number=payload.code_number,
        code_notation=payload.code_notation,
        issued_date=payload.issued_date,
        signer_name=payload.signer_name,
        signer_position=payload.signer_position,
        urgency=payload.urgency,
        secrecy=payload.secrecy,
        due_date=payload.due_date,
        channel=payload.channel,
        organ_document_id=payload.organ_document_id,
        uploads=[Upload.from_django(f) for f in files or []],
        allow_duplicate=payload.allow_duplicate,
    )
    return Status(201, _incoming_out(document))


@router.get("/outgoing", response=list[OutgoingOut])
def list_outgoing(
    request: HttpRequest, q: str = "", status: str = "", limit: int = 50, offset: int = 0
) -> list[dict[str, Any]]:
    filters = queries.OutgoingFilters(text=q, status=status)
    page = queries.search_outgoing(request.user, filters)[offset : offset + min(max(limit, 1), 500)]
    return [_outgoing_out(d) for d in page]


@router.get("/outgoing/{document_id}", response=OutgoingOut)
def get_outgoing(request: HttpRequest, document_id: int) -> dict[str, Any]:
    return _outgoing_out(access.get_outgoing_for_user(request.user, document_id))


@router.get("/work", response=WorkOut)
def my_work(request: HttpRequest) -> dict[str, Any]:
    queues = queries.work_queues(request.user)
    return {
        "counts": queues.counts,
        "assigned": [
            {
                "assignment_id": a.pk,
                "document_id": a.document_id,
                "role": a.role,
                "subject": a.document.subject,
                "due_date": a.due_date,
                "urgency": a.urgency,
                "status": a.status,
            }
            for a in queues.assigned
        ],
    }
