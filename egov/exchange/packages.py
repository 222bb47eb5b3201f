"""Between the e-office's documents and edXML packages: build, sign, read."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from egov.exchange import edxml
from egov.exchange.identity import load_identity
from egov.lib.dates import BUSINESS_TZ


@dataclass(frozen=True)
class Sealed:
    """A package as it travels: signed bytes and their SHA-256."""

    body: bytes
    sha256: str


def seal(xml: bytes) -> Sealed:
    """Sign a built package with this installation's key."""
    identity = load_identity()
    body = edxml.sign_envelope(xml, identity.key, identity.chain)
    return Sealed(body=body, sha256=hashlib.sha256(body).hexdigest())


def document_id(organ_code: str, day: dt.date, code_number: str, code_notation: str) -> str:
    """The edXML DocumentId: ``{sender organ},{yyyy/MM/dd},{số}/{ký hiệu}``."""
    return f"{organ_code},{day:%Y/%m/%d},{code_number}/{code_notation}"


def organization(unit: Any) -> edxml.Organization:
    return edxml.Organization(
        organ_id=unit.organ_code,
        organ_name=unit.name[:200],
        organ_add=(unit.address or "")[:250],
        email=unit.email or "",
        telephone=(unit.phone or "")[:20],
    )


def _files_of(document: Any) -> Any:
    """The issued document's own files, or else those of its last draft version (the text
    the signer approved)."""
    own = document.attachments.select_related("file").order_by("ordering", "pk")
    if own.exists():
        return own
    version = document.versions.order_by("-number").first()
    if version is None:
        return own
    return version.attachments.select_related("file").order_by("ordering", "pk")


def _attachments(document: Any) -> tuple[edxml.Attachment, ...]:
    files = []
    for attachment in _files_of(document):
        with attachment.file.content.open("rb") as stream:
            content = stream.read()
        files.append(
            edxml.Attachment(
                attachment_name=attachment.name[:200],
                content=content,
                content_type=attachment.file.media_type,
            )
        )
    return tuple(files)


def outgoing_document_id(document: Any) -> str:
    issued = document.issued_date or timezone.localdate()
    return document_id(
        document.unit.organ_code, issued, document.code_number, document.code_notation
    )


def edoc_for(
    document: Any,
    to: edxml.Organization,
    *,
    business_type: int = edxml.BussinessDocType.NEW,
    reason: str = "",
    about_document_id: str = "",
    also_to: tuple[edxml.Organization, ...] = (),
    replaces: tuple[edxml.ReplacementInfo, ...] = (),
    update: edxml.BussinessDocumentInfo | None = None,
) -> bytes:
    """The edoc package of an issued outgoing document for one recipient (or several, with
    ``also_to``), built strictly."""
    header = edxml.MessageHeader(
        from_=organization(document.unit),
        to=(to, *also_to),
        document_id=outgoing_document_id(document),
        code=edxml.Code(document.code_number, document.code_notation),
        subject=document.subject[:500],
        promulgation_info=edxml.PromulgationInfo(
            place=(document.unit.area.name if document.unit.area_id else "")[:50],
            promulgation_date=document.issued_date,
        ),
        document_type=edxml.DocumentType(
            type=2 if document.is_legal else 1, type_name=document.document_type.name[:100]
        ),
        signer_info=edxml.SignerInfo(
            position=(document.signer_position or "")[:100],
            full_name=(document.signer_name or "")[:50],
        ),
        due_date=document.due_date,
        other_info=edxml.OtherInfo(priority=document.urgency, page_amount=document.page_amount),
        response_for=_response_for(document),
    )
    now = timezone.now()
    trace = edxml.TraceHeaderList(
        trace_headers=(edxml.TraceHeader(organ_id=document.unit.organ_code, timestamp=now),),
        bussiness=edxml.Bussiness(
            bussiness_doc_type=business_type,
            bussiness_doc_reason=reason[:500],
            document_id=about_document_id,
            paper=bool(document.on_paper),
            replacement_info_list=replaces,
            bussiness_document_info=update,
        ),
    )
    # A recall or an update names the document; only a new or replacing one carries it.
    carries_files = business_type in (edxml.BussinessDocType.NEW, edxml.BussinessDocType.REPLACE)
    attachments = _attachments(document) if carries_files else ()
    return edxml.build_edoc(
        edxml.EdocPackage(message_header=header, trace_header_list=trace, attachments=attachments)
    )


def edoc_for_all(document: Any) -> bytes:
    """The edoc of an issued document addressed to all its electronic recipients that
    have an organ code (a single .edxml file to export)."""
    to: list[edxml.Organization] = []
    for recipient in document.recipients.select_related("unit"):
        code = recipient.unit.organ_code if recipient.unit_id else recipient.organ_code
        if recipient.electronic and code and code not in {o.organ_id for o in to}:
            to.append(edxml.Organization(organ_id=code, organ_name=recipient.name[:200]))
    if not to or not document.unit.organ_code:
        raise ValueError(
            _("Văn bản chưa có nơi nhận điện tử có mã định danh, hoặc cơ quan ban hành chưa có mã.")
        )
    return edoc_for(document, to[0], also_to=tuple(to[1:]))


def _response_for(document: Any) -> tuple[edxml.ResponseFor, ...]:
    original = document.in_reply_to
    if original is None or not original.organ_document_id or not original.issuer_code:
        return ()
    code = f"{original.code_number}/{original.code_notation}".strip("/")
    return (
        edxml.ResponseFor(
            organ_id=original.issuer_code,
            code=code,
            promulgation_date=original.issued_date,
            document_id=original.organ_document_id,
        ),
    )


def status_for(
    *,
    document_id: str,
    about_organ: str,
    sender: Any,
    code: str,
    description: str = "",
    staff: str = "",
) -> bytes:
    """A status message from our agency ``sender`` about document ``document_id`` that the
    agency ``about_organ`` sent."""
    return edxml.build_status(
        edxml.StatusMessage(
            response_for=edxml.ResponseFor(organ_id=about_organ, document_id=document_id),
            from_=organization(sender),
            status_code=code,
            timestamp=timezone.now(),
            description=description[:500],
            staff_info=edxml.StaffInfo(staff=staff[:100]) if staff else None,
        )
    )


def local_time(value: dt.datetime) -> dt.datetime:
    return value.astimezone(BUSINESS_TZ)
