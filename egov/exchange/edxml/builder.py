"""Strict builder: dataclasses → edXML bytes, after every rule of reference §2.5 has passed.

The layout follows the SDK's output (reference §2.2): the root ``edXML`` in the edXML default
namespace, ``edXML:``-prefixed elements inside the envelope, the manifest bound to the
attachments by ``cid:`` identifiers (``xlink:href``), and ``AttachmentEncoded`` outside the
envelope with each file base64-encoded on one line.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Final

import pybase64
from lxml import etree

from .constants import EDXML_NS, EDXML_PREFIX, MANIFEST_VERSION, XLINK_NS
from .formats import format_date, format_timestamp
from .limits import DEFAULT_LIMITS, Limits
from .messages import (
    Attachment,
    Bussiness,
    EdocPackage,
    MessageHeader,
    Organization,
    ResponseFor,
    StaffInfo,
    StatusMessage,
    TraceHeaderList,
)
from .problems import ValidationFailure, problem
from .validation import check_edoc, check_status

_DECLARATION: Final = b'<?xml version="1.0" encoding="UTF-8"?>\n'


def _q(name: str) -> str:
    return f"{{{EDXML_NS}}}{name}"


def _sub(parent: etree._Element, name: str, text: str | None = None) -> etree._Element:
    element = etree.SubElement(parent, _q(name))
    if text is not None:
        element.text = text
    return element


def _optional(parent: etree._Element, name: str, value: str) -> None:
    if value:
        _sub(parent, name, value)


def _date(parent: etree._Element, name: str, value: date | None) -> None:
    if value is not None:
        _sub(parent, name, format_date(value))


def _int(parent: etree._Element, name: str, value: int | None) -> None:
    if value is not None:
        _sub(parent, name, str(int(value)))


def _envelope() -> tuple[etree._Element, etree._Element, etree._Element]:
    """Root, envelope and header, with the namespace declarations where the SDK puts them."""
    root = etree.Element(_q("edXML"), nsmap={None: EDXML_NS, "xlink": XLINK_NS})
    envelope = etree.SubElement(root, _q("edXMLEnvelope"), nsmap={EDXML_PREFIX: EDXML_NS})
    header = _sub(envelope, "edXMLHeader")
    return root, envelope, header


def _organization(parent: etree._Element, name: str, org: Organization) -> None:
    element = _sub(parent, name)
    _sub(element, "OrganId", org.organ_id)
    _optional(element, "OrganizationInCharge", org.organization_in_charge)
    _optional(element, "OrganName", org.organ_name)
    _optional(element, "OrganAdd", org.organ_add)
    _optional(element, "Email", org.email)
    _optional(element, "Telephone", org.telephone)
    _optional(element, "Fax", org.fax)
    _optional(element, "Website", org.website)


def _response_for(parent: etree._Element, ref: ResponseFor) -> None:
    element = _sub(parent, "ResponseFor")
    _optional(element, "OrganId", ref.organ_id)
    _optional(element, "Code", ref.code)
    _date(element, "PromulgationDate", ref.promulgation_date)
    _optional(element, "DocumentId", ref.document_id)


def _staff_info(parent: etree._Element, staff: StaffInfo | None) -> None:
    if staff is None:
        return
    element = _sub(parent, "StaffInfo")
    _optional(element, "Department", staff.department)
    _optional(element, "Staff", staff.staff)
    _optional(element, "Mobile", staff.mobile)
    _optional(element, "Email", staff.email)


def _message_header(parent: etree._Element, header: MessageHeader) -> None:
    element = _sub(parent, "MessageHeader")
    _organization(element, "From", header.from_)
    for recipient in header.to:
        _organization(element, "To", recipient)
    _sub(element, "DocumentId", header.document_id)

    code = _sub(element, "Code")
    _sub(code, "CodeNumber", header.code.code_number)
    _sub(code, "CodeNotation", header.code.code_notation)

    info = _sub(element, "PromulgationInfo")
    _optional(info, "Place", header.promulgation_info.place)
    _date(info, "PromulgationDate", header.promulgation_info.promulgation_date)

    doc_type = _sub(element, "DocumentType")
    _int(doc_type, "Type", header.document_type.type)
    _int(doc_type, "TypeDetail", header.document_type.type_detail)
    _optional(doc_type, "TypeName", header.document_type.type_name)

    _sub(element, "Subject", header.subject)
    _optional(element, "Content", header.content)

    signer = header.signer_info
    if signer.competence or signer.position or signer.full_name:
        signer_element = _sub(element, "SignerInfo")
        _optional(signer_element, "Competence", signer.competence)
        _optional(signer_element, "Position", signer.position)
        _optional(signer_element, "FullName", signer.full_name)

    _date(element, "DueDate", header.due_date)
    if header.to_places:
        places = _sub(element, "ToPlaces")
        for place in header.to_places:
            _sub(places, "Place", place)

    other = header.other_info
    other_element = _sub(element, "OtherInfo")
    _int(other_element, "Priority", other.priority)
    _optional(other_element, "SphereOfPromulgation", other.sphere_of_promulgation)
    _optional(other_element, "TyperNotation", other.typer_notation)
    _int(other_element, "PromulgationAmount", other.promulgation_amount)
    _int(other_element, "PageAmount", other.page_amount)
    if other.direction is not None:
        _sub(other_element, "Direction", "true" if other.direction else "false")
    if other.appendixes:
        appendixes = _sub(other_element, "Appendixes")
        for appendix in other.appendixes:
            _sub(appendixes, "Appendix", appendix)

    for ref in header.response_for:
        _response_for(element, ref)
    _int(element, "SteeringType", header.steering_type)


def _bussiness(parent: etree._Element, bussiness: Bussiness) -> None:
    element = _sub(parent, "Bussiness")
    _optional(element, "DocumentId", bussiness.document_id)
    _int(element, "BussinessDocType", bussiness.bussiness_doc_type)
    _optional(element, "BussinessDocReason", bussiness.bussiness_doc_reason)
    _sub(element, "Paper", "1" if bussiness.paper else "0")
    _staff_info(element, bussiness.staff_info)
    info = bussiness.bussiness_document_info
    if info is not None:
        info_element = _sub(element, "BussinessDocumentInfo")
        _optional(info_element, "DocumentInfo", info.document_info)
        _optional(info_element, "DocumentReceiver", info.document_receiver)
        if info.receiver_list:
            receivers = _sub(info_element, "ReceiverList")
            for receiver in info.receiver_list:
                receiver_element = _sub(receivers, "Receiver")
                _int(receiver_element, "ReceiverType", receiver.receiver_type)
                _sub(receiver_element, "OrganId", receiver.organ_id)
    if bussiness.replacement_info_list:
        replacements = _sub(element, "ReplacementInfoList")
        for replaced in bussiness.replacement_info_list:
            replaced_element = _sub(replacements, "ReplacementInfo")
            _sub(replaced_element, "DocumentId", replaced.document_id)
            organ_ids = _sub(replaced_element, "OrganIdList")
            for organ_id in replaced.organ_id_list:
                _sub(organ_ids, "OrganId", organ_id)


def _trace_header_list(parent: etree._Element, trace: TraceHeaderList) -> None:
    element = _sub(parent, "TraceHeaderList")
    for hop in trace.trace_headers:
        hop_element = _sub(element, "TraceHeader")
        _sub(hop_element, "OrganId", hop.organ_id)
        _sub(hop_element, "Timestamp", format_timestamp(hop.timestamp))
    if trace.bussiness is not None:
        _bussiness(element, trace.bussiness)


def _manifest(envelope: etree._Element, attachments: tuple[Attachment, ...]) -> None:
    body = _sub(envelope, "edXMLBody")
    manifest = _sub(body, "edXMLManifest")
    manifest.set("version", MANIFEST_VERSION)
    for attachment in attachments:
        reference = _sub(manifest, "Reference")
        reference.set(f"{{{XLINK_NS}}}href", attachment.content_id)
        reference.set(f"{{{XLINK_NS}}}type", "simple")
        _sub(reference, "ContentId", attachment.content_id)
        _sub(reference, "ContentType", attachment.content_type)
        _optional(reference, "Description", attachment.description)
        _sub(reference, "AttachmentName", attachment.attachment_name)


def _attachments(root: etree._Element, attachments: tuple[Attachment, ...]) -> None:
    if not attachments:
        return
    encoded = _sub(root, "AttachmentEncoded")
    for attachment in attachments:
        element = _sub(encoded, "Attachment")
        _sub(element, "ContentId", attachment.content_id)
        _sub(element, "AttachmentName", attachment.attachment_name)
        _optional(element, "Description", attachment.description)
        _sub(element, "ContentType", attachment.content_type)
        _sub(
            element,
            "ContentTransferEncoded",
            pybase64.b64encode(attachment.content).decode("ascii"),
        )


def _serialise(root: etree._Element, limits: Limits) -> bytes:
    data = _DECLARATION + etree.tostring(root, encoding="UTF-8", pretty_print=True)
    if len(data) > limits.max_package_bytes:
        raise ValidationFailure(
            [problem("package_too_large", "", size=len(data), max=limits.max_package_bytes)]
        )
    return data


def build_edoc(
    package: EdocPackage, *, limits: Limits = DEFAULT_LIMITS, now: datetime | None = None
) -> bytes:
    """The edoc package as edXML bytes (UTF-8), unsigned; see ``signature.sign_envelope``.

    Raises ``ValidationFailure`` listing every broken rule; nothing is built then. ``now``
    (default: the current time) dates the "not in the future" checks.
    """
    findings = check_edoc(package, strict=True, limits=limits, now=now)
    if findings.errors:
        raise ValidationFailure(findings.errors)
    root, envelope, header = _envelope()
    _message_header(header, package.message_header)
    _trace_header_list(header, package.trace_header_list)
    _manifest(envelope, package.attachments)
    _attachments(root, package.attachments)
    return _serialise(root, limits)


def build_status(
    message: StatusMessage, *, limits: Limits = DEFAULT_LIMITS, now: datetime | None = None
) -> bytes:
    """The status message as edXML bytes (UTF-8); raises ``ValidationFailure`` as above."""
    findings = check_status(message, strict=True, limits=limits, now=now)
    if findings.errors:
        raise ValidationFailure(findings.errors)
    root, envelope, header = _envelope()
    status = _sub(header, "Status")
    _response_for(status, message.response_for)
    _organization(status, "From", message.from_)
    for recipient in message.to:
        _organization(status, "To", recipient)
    _sub(status, "StatusCode", message.status_code)
    _optional(status, "Description", message.description)
    _sub(status, "Timestamp", format_timestamp(message.timestamp))
    _staff_info(status, message.staff_info)
    _sub(envelope, "edXMLBody")
    return _serialise(root, limits)
