"""edXML (QCVN 102:2016/BTTTT) codec: dataclasses in, bytes out, and back.

- ``build_edoc`` / ``build_status``: strict; every rule of the reference §2.5 is checked first
  and all broken ones are raised together as ``ValidationFailure``.
- ``parse_edoc`` / ``parse_status``: lenient about the known defects of real packages (each
  one a warning), strict about the rules; XML bombs and external entities are refused unread.
- ``sign_envelope`` / ``verify_envelope``: enveloped XML-DSig over the whole package.
- ``zip_attachment`` / ``unzip_attachment``: the SDK's ZIP-wrapped attachments, opened safely.

No Django here: the exchange app maps its models to these dataclasses. See
docs/decisions/0007-edxml-codec.md for the choices and the quirks accepted.
"""

from .attachments import ZipMember, unzip_attachment, zip_attachment
from .builder import build_edoc, build_status
from .constants import (
    EDXML_NS,
    BussinessDocType,
    DocumentTypeKind,
    Priority,
    ReceiverType,
    StatusCode,
    SteeringType,
)
from .formats import OrganCodeForm, organ_code_form
from .limits import DEFAULT_LIMITS, Limits
from .messages import (
    Attachment,
    Bussiness,
    BussinessDocumentInfo,
    Code,
    DocumentType,
    EdocPackage,
    MessageHeader,
    Organization,
    OtherInfo,
    PromulgationInfo,
    Receiver,
    ReplacementInfo,
    ResponseFor,
    SignatureInfo,
    SignerInfo,
    StaffInfo,
    StatusMessage,
    TraceHeader,
    TraceHeaderList,
)
from .parser import ParsedEdoc, ParsedStatus, parse_edoc, parse_status, read_header
from .problems import Problem, ValidationFailure
from .signature import SignatureError, VerifiedSigner, sign_envelope, verify_envelope

__all__ = [
    "DEFAULT_LIMITS",
    "EDXML_NS",
    "Attachment",
    "Bussiness",
    "BussinessDocType",
    "BussinessDocumentInfo",
    "Code",
    "DocumentType",
    "DocumentTypeKind",
    "EdocPackage",
    "Limits",
    "MessageHeader",
    "OrganCodeForm",
    "Organization",
    "OtherInfo",
    "ParsedEdoc",
    "ParsedStatus",
    "Priority",
    "Problem",
    "PromulgationInfo",
    "Receiver",
    "ReceiverType",
    "ReplacementInfo",
    "ResponseFor",
    "SignatureError",
    "SignatureInfo",
    "SignerInfo",
    "StaffInfo",
    "StatusCode",
    "StatusMessage",
    "SteeringType",
    "TraceHeader",
    "TraceHeaderList",
    "ValidationFailure",
    "VerifiedSigner",
    "ZipMember",
    "build_edoc",
    "build_status",
    "organ_code_form",
    "parse_edoc",
    "parse_status",
    "read_header",
    "sign_envelope",
    "unzip_attachment",
    "verify_envelope",
    "zip_attachment",
]
