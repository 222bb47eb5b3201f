"""The two edXML messages as plain, immutable dataclasses: an ``edoc`` package and a ``status``.

Attribute names are the edXML element names in snake case (``OrganId`` → ``organ_id``,
``BussinessDocType`` → ``bussiness_doc_type``, keeping edXML's spelling), so mapping a field to
its element never needs a table. ``From`` is ``from_`` because ``from`` is a Python keyword.

Conventions, which the builder relies on and the parser restores:
- optional text is ``""`` (never ``None``); an empty value is not written;
- optional numbers and dates are ``None``; repeated elements are tuples;
- timestamps are aware datetimes; they carry whole seconds (edXML writes none smaller), so
  sub-second parts are dropped on construction.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime

from .constants import Priority


def _whole_seconds(value: datetime) -> datetime:
    return value.replace(microsecond=0) if isinstance(value, datetime) else value


def new_content_id() -> str:
    """A fresh ``cid:`` identifier binding a manifest reference to its attachment."""
    return f"cid:{uuid.uuid4()}"


@dataclass(frozen=True)
class Organization:
    """An agency as edXML writes it in ``From``, ``To`` and a status' ``From``."""

    organ_id: str
    organ_name: str = ""
    organization_in_charge: str = ""
    organ_add: str = ""
    email: str = ""
    telephone: str = ""
    fax: str = ""
    website: str = ""


@dataclass(frozen=True)
class Code:
    """Số and ký hiệu of the document: ``CodeNumber`` ``459`` and ``CodeNotation`` ``UBND-TTTH``."""

    code_number: str
    code_notation: str


@dataclass(frozen=True)
class PromulgationInfo:
    """Where and when the document was issued."""

    place: str = ""
    promulgation_date: date | None = None


@dataclass(frozen=True)
class DocumentType:
    """``Type`` 1 or 2 (see ``DocumentTypeKind``), an optional detail code and the type's name."""

    type: int = 1
    type_detail: int | None = None
    type_name: str = ""


@dataclass(frozen=True)
class SignerInfo:
    """The signer: competence (``TL.``, ``KT.``…), position and full name."""

    competence: str = ""
    position: str = ""
    full_name: str = ""


@dataclass(frozen=True)
class OtherInfo:
    """Urgency (``Priority`` 0–4), circulation, typist, copies, pages, appendices."""

    priority: int = Priority.NORMAL
    sphere_of_promulgation: str = ""
    typer_notation: str = ""
    promulgation_amount: int | None = None
    page_amount: int | None = None
    direction: bool | None = None
    appendixes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ResponseFor:
    """The earlier document a package answers, or the document a status is about."""

    organ_id: str
    code: str = ""
    promulgation_date: date | None = None
    document_id: str = ""


@dataclass(frozen=True)
class MessageHeader:
    """``edXMLHeader/MessageHeader`` of an edoc package."""

    from_: Organization
    to: tuple[Organization, ...]
    document_id: str
    code: Code
    subject: str
    promulgation_info: PromulgationInfo = field(default_factory=PromulgationInfo)
    document_type: DocumentType = field(default_factory=DocumentType)
    content: str = ""
    signer_info: SignerInfo = field(default_factory=SignerInfo)
    due_date: date | None = None
    to_places: tuple[str, ...] = ()
    other_info: OtherInfo = field(default_factory=OtherInfo)
    response_for: tuple[ResponseFor, ...] = ()
    steering_type: int | None = None


@dataclass(frozen=True)
class TraceHeader:
    """One hop of the package: who handled it and when."""

    organ_id: str
    timestamp: datetime

    def __post_init__(self) -> None:
        object.__setattr__(self, "timestamp", _whole_seconds(self.timestamp))


@dataclass(frozen=True)
class StaffInfo:
    """The officer responsible (văn thư) for a package or a status."""

    department: str = ""
    staff: str = ""
    mobile: str = ""
    email: str = ""


@dataclass(frozen=True)
class Receiver:
    """A recipient added (1) or removed (0) by an update (``BussinessDocType`` 2)."""

    receiver_type: int
    organ_id: str


@dataclass(frozen=True)
class BussinessDocumentInfo:
    """What an update (``BussinessDocType`` 2) changes: document info, receivers."""

    document_info: str = ""
    document_receiver: str = ""
    receiver_list: tuple[Receiver, ...] = ()


@dataclass(frozen=True)
class ReplacementInfo:
    """A document replaced by this one (``BussinessDocType`` 3) and the agencies that hold it."""

    document_id: str
    organ_id_list: tuple[str, ...] = ()


@dataclass(frozen=True)
class Bussiness:
    """``TraceHeaderList/Bussiness``: new, revoke, update or replace, with reason and references.

    ``document_id`` is the document revoked, updated or replaced (types 1–3).
    """

    bussiness_doc_type: int = 0
    bussiness_doc_reason: str = ""
    document_id: str = ""
    paper: bool = False
    staff_info: StaffInfo | None = None
    bussiness_document_info: BussinessDocumentInfo | None = None
    replacement_info_list: tuple[ReplacementInfo, ...] = ()


@dataclass(frozen=True)
class TraceHeaderList:
    """The hops and the business block."""

    trace_headers: tuple[TraceHeader, ...] = ()
    bussiness: Bussiness | None = None


@dataclass(frozen=True)
class Attachment:
    """A file carried in ``AttachmentEncoded``; ``content`` is the raw bytes (base64 on the wire).

    The SDK attaches ``ZIP(file)`` with ``application/zip``; ``attachments.zip_attachment`` does
    the same when a peer expects it. The codec itself sends the bytes it is given.
    """

    attachment_name: str
    content: bytes
    content_type: str = "application/octet-stream"
    description: str = ""
    content_id: str = field(default_factory=new_content_id)

    def __repr__(self) -> str:  # a megabyte of bytes in a traceback helps nobody
        return (
            f"Attachment(attachment_name={self.attachment_name!r}, "
            f"content=<{len(self.content)} bytes>, content_type={self.content_type!r}, "
            f"description={self.description!r}, content_id={self.content_id!r})"
        )


@dataclass(frozen=True)
class EdocPackage:
    """A whole ``edoc`` package: header, trace and business block, attachments."""

    message_header: MessageHeader
    trace_header_list: TraceHeaderList = field(default_factory=TraceHeaderList)
    attachments: tuple[Attachment, ...] = ()


@dataclass(frozen=True)
class StatusMessage:
    """A ``status`` acknowledgement about the document named in ``response_for``.

    ``to`` is optional: the hub routes a status by ``response_for.organ_id``; it is written
    only when given.
    """

    response_for: ResponseFor
    from_: Organization
    status_code: str
    timestamp: datetime
    description: str = ""
    staff_info: StaffInfo | None = None
    to: tuple[Organization, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "timestamp", _whole_seconds(self.timestamp))


@dataclass(frozen=True)
class SignatureInfo:
    """What a package's ``Signature`` block says, as read (not verified: see ``signature``)."""

    in_xmldsig_namespace: bool
    canonicalization_method: str = ""
    signature_method: str = ""
    digest_methods: tuple[str, ...] = ()
    x509_subject_name: str = ""
    certificates_der: tuple[bytes, ...] = ()
