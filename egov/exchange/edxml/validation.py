"""The rules of reference §2.5, applied to the dataclasses in two modes.

- **strict** (the builder): every rule is an error; what we send must be beyond reproach.
- **lenient** (the parser): the defects real packages are known to have (reference §2.2,
  "Quirks") become warnings; everything else stays an error, and the caller rejects the
  package with status 02 listing them.

A rule that is a quirk says so where it is checked (``_quirk``).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, Final

from .constants import (
    EARLIEST_YEAR,
    MAX_LENGTH,
    STATUS_CODES_NEEDING_REASON,
    TIMESTAMP_FUTURE_TOLERANCE_SECONDS,
    VIETNAM_TZ,
    BussinessDocType,
    DocumentTypeKind,
    Priority,
    ReceiverType,
    StatusCode,
    SteeringType,
)
from .formats import OrganCodeForm, format_date, organ_code_form
from .limits import Limits
from .messages import (
    Attachment,
    Bussiness,
    EdocPackage,
    MessageHeader,
    Organization,
    ResponseFor,
    StaffInfo,
    StatusMessage,
    TraceHeader,
)
from .problems import Problem, problem

# Characters XML 1.0 cannot carry: C0 controls but tab, newline and carriage return;
# surrogates; U+FFFE and U+FFFF.
_NOT_XML: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_EMAIL: Final = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_CONTENT_TYPE: Final = re.compile(r"[A-Za-z0-9][\w.+-]*/[A-Za-z0-9][\w.+-]*")


def _allowed(values: Iterable[int]) -> str:
    return ", ".join(str(int(v)) for v in values)


@dataclass
class Findings:
    """Errors (the package is refused) and warnings (tolerated defects) of one check."""

    strict: bool
    now: datetime
    limits: Limits
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def today(self) -> date:
        return self.now.astimezone(VIETNAM_TZ).date()

    def error(self, kind: str, path: str, **params: Any) -> None:
        self.errors.append(problem(kind, path, **params))

    def warning(self, kind: str, path: str, **params: Any) -> None:
        self.warnings.append(problem(kind, path, **params))

    def _quirk(self, strict_kind: str, lenient_kind: str, path: str, **params: Any) -> None:
        """A defect seen in real packages: refused when we build, tolerated when we read."""
        if self.strict:
            self.error(strict_kind, path, **params)
        else:
            self.warning(lenient_kind, path, **params)

    # Field checks -------------------------------------------------------------------------

    def text(self, path: str, value: str, *, required: bool = False, key: str = "") -> None:
        if not value:
            if required:
                self.error("required", path)
            return
        if _NOT_XML.search(value):
            self.error("bad_characters", path)
        if value != value.strip():
            # The parser trims values, so a padded value would not come back as sent.
            self._quirk("surrounding_space", "w_surrounding_space", path)
        limit = MAX_LENGTH.get(key or path.rsplit(".", 1)[-1].split("[")[0])
        if limit is not None:
            length = len(unicodedata.normalize("NFC", value))
            if length > limit:
                self.error("too_long", path, length=length, max=limit)

    def organ_id(self, path: str, value: str, *, required: bool = True) -> None:
        if not value:
            if required:
                self.error("required", path)
            return
        form = organ_code_form(value)
        if form is OrganCodeForm.INVALID:
            self.error("organ_code", path, value=value)
        elif form is OrganCodeForm.OTHER:
            # Test and legacy codes (vxp.saas.03, 28.22.H17) travel through real hubs.
            self._quirk("organ_code", "w_organ_code", path, value=value)

    def email(self, path: str, value: str) -> None:
        self.text(path, value, key="Email")
        if value and not _EMAIL.fullmatch(value):
            self._quirk("bad_email", "w_format", path, value=value)

    def choice(self, path: str, value: int, allowed: Iterable[int]) -> None:
        allowed = tuple(allowed)
        if value not in allowed:
            self.error("out_of_range", path, value=value, allowed=_allowed(allowed))

    def not_negative(self, path: str, value: int | None) -> None:
        if value is not None and value < 0:
            self.error("negative", path, value=value)

    def past_date(self, path: str, value: date | None) -> None:
        if value is not None and value > self.today:
            self.error("future_date", path, value=format_date(value))

    def timestamp(self, path: str, value: datetime) -> None:
        if value.tzinfo is None or value.utcoffset() is None:
            self.error("naive_timestamp", path)
            return
        latest = self.now + timedelta(seconds=TIMESTAMP_FUTURE_TOLERANCE_SECONDS)
        if value > latest or value.year < EARLIEST_YEAR:
            self.error("timestamp_range", path, value=value.isoformat())

    # Blocks -------------------------------------------------------------------------------

    def organization(self, path: str, org: Organization) -> None:
        self.organ_id(f"{path}.OrganId", org.organ_id)
        self.text(f"{path}.OrganName", org.organ_name)
        self.text(f"{path}.OrganizationInCharge", org.organization_in_charge)
        self.text(f"{path}.OrganAdd", org.organ_add)
        self.email(f"{path}.Email", org.email)
        self.text(f"{path}.Telephone", org.telephone)
        self.text(f"{path}.Fax", org.fax)
        self.text(f"{path}.Website", org.website)

    def recipients(
        self, path: str, recipients: tuple[Organization, ...], *, required: bool
    ) -> None:
        if not recipients and required:
            self.error("required", path)
        for index, org in enumerate(recipients, start=1):
            self.organization(f"{path}[{index}]", org)
        counts = Counter(org.organ_id for org in recipients if org.organ_id)
        for organ_id, count in counts.items():
            if count > 1:
                self.error("duplicate", f"{path}.OrganId", value=organ_id)

    def response_for(self, path: str, ref: ResponseFor, *, document_id_required: bool) -> None:
        self.organ_id(f"{path}.OrganId", ref.organ_id, required=self.strict)
        self.text(f"{path}.Code", ref.code)
        self.past_date(f"{path}.PromulgationDate", ref.promulgation_date)
        if not ref.document_id:
            if document_id_required:
                self.error("required", f"{path}.DocumentId")
            else:
                self._quirk("required", "w_missing", f"{path}.DocumentId")
        self.text(f"{path}.DocumentId", ref.document_id)

    def staff_info(self, path: str, staff: StaffInfo | None) -> None:
        if staff is None:
            return
        self.text(f"{path}.Department", staff.department)
        self.text(f"{path}.Staff", staff.staff)
        self.text(f"{path}.Mobile", staff.mobile, key="Telephone")
        self.email(f"{path}.Email", staff.email)

    def message_header(self, header: MessageHeader) -> None:
        root = "MessageHeader"
        self.organization(f"{root}.From", header.from_)
        self.recipients(f"{root}.To", header.to, required=True)
        if not header.document_id:
            self._quirk("required", "w_missing", f"{root}.DocumentId")
        self.text(f"{root}.DocumentId", header.document_id)

        number = header.code.code_number
        self.text(f"{root}.Code.CodeNumber", number, required=True)
        if number and not (number.isascii() and number.isdigit()):
            self._quirk("not_numeric", "w_not_numeric", f"{root}.Code.CodeNumber", value=number)
        self.text(f"{root}.Code.CodeNotation", header.code.code_notation, required=True)

        info = header.promulgation_info
        self.text(f"{root}.PromulgationInfo.Place", info.place)
        self.past_date(f"{root}.PromulgationInfo.PromulgationDate", info.promulgation_date)

        doc_type = header.document_type
        self.choice(f"{root}.DocumentType.Type", doc_type.type, DocumentTypeKind)
        self.text(f"{root}.DocumentType.TypeName", doc_type.type_name)

        self.text(f"{root}.Subject", header.subject, required=True)
        self.text(f"{root}.Content", header.content)

        signer = header.signer_info
        self.text(f"{root}.SignerInfo.Competence", signer.competence)
        self.text(f"{root}.SignerInfo.Position", signer.position)
        self.text(f"{root}.SignerInfo.FullName", signer.full_name)

        due, issued = header.due_date, info.promulgation_date
        if due is not None and issued is not None and due < issued:
            # The SDK's own sample is due four months before it was issued.
            self._quirk(
                "due_before_promulgation",
                "w_due_before_promulgation",
                f"{root}.DueDate",
                value=format_date(due),
                other=format_date(issued),
            )

        for index, place in enumerate(header.to_places, start=1):
            self.text(f"{root}.ToPlaces.Place[{index}]", place, required=True, key="ToPlace")

        other = header.other_info
        self.choice(f"{root}.OtherInfo.Priority", other.priority, Priority)
        self.text(f"{root}.OtherInfo.SphereOfPromulgation", other.sphere_of_promulgation)
        self.text(f"{root}.OtherInfo.TyperNotation", other.typer_notation)
        self.not_negative(f"{root}.OtherInfo.PromulgationAmount", other.promulgation_amount)
        self.not_negative(f"{root}.OtherInfo.PageAmount", other.page_amount)
        for index, appendix in enumerate(other.appendixes, start=1):
            self.text(f"{root}.OtherInfo.Appendixes.Appendix[{index}]", appendix, required=True)

        for index, ref in enumerate(header.response_for, start=1):
            self.response_for(f"{root}.ResponseFor[{index}]", ref, document_id_required=False)

        steering = header.steering_type
        if steering == 0:
            # Older samples write 0 for "not steering"; edoc.json documents 1–3.
            self._quirk(
                "out_of_range",
                "w_value",
                f"{root}.SteeringType",
                value=0,
                allowed=_allowed(SteeringType),
            )
        elif steering is not None:
            self.choice(f"{root}.SteeringType", steering, SteeringType)

    def trace_header(self, path: str, trace: TraceHeader) -> None:
        self.organ_id(f"{path}.OrganId", trace.organ_id)
        self.timestamp(f"{path}.Timestamp", trace.timestamp)

    def bussiness(self, path: str, bussiness: Bussiness) -> None:
        kind = bussiness.bussiness_doc_type
        self.choice(f"{path}.BussinessDocType", kind, BussinessDocType)
        self.text(f"{path}.BussinessDocReason", bussiness.bussiness_doc_reason)
        self.text(f"{path}.DocumentId", bussiness.document_id)
        if kind in (BussinessDocType.REVOKE, BussinessDocType.UPDATE, BussinessDocType.REPLACE):
            # Revoking, updating or replacing needs the document concerned and a reason.
            if not bussiness.document_id:
                self.error("required", f"{path}.DocumentId")
            if not bussiness.bussiness_doc_reason:
                self.error("required", f"{path}.BussinessDocReason")
        if kind == BussinessDocType.UPDATE and bussiness.bussiness_document_info is None:
            self.error("required", f"{path}.BussinessDocumentInfo")
        if kind == BussinessDocType.REPLACE and not bussiness.replacement_info_list:
            self.error("required", f"{path}.ReplacementInfoList")
        self.staff_info(f"{path}.StaffInfo", bussiness.staff_info)

        info = bussiness.bussiness_document_info
        if info is not None:
            info_path = f"{path}.BussinessDocumentInfo"
            self.text(f"{info_path}.DocumentInfo", info.document_info)
            self.text(f"{info_path}.DocumentReceiver", info.document_receiver)
            for index, receiver in enumerate(info.receiver_list, start=1):
                receiver_path = f"{info_path}.ReceiverList.Receiver[{index}]"
                self.choice(f"{receiver_path}.ReceiverType", receiver.receiver_type, ReceiverType)
                self.organ_id(f"{receiver_path}.OrganId", receiver.organ_id)

        for index, replaced in enumerate(bussiness.replacement_info_list, start=1):
            replaced_path = f"{path}.ReplacementInfoList.ReplacementInfo[{index}]"
            self.text(f"{replaced_path}.DocumentId", replaced.document_id, required=True)
            for organ_index, organ_id in enumerate(replaced.organ_id_list, start=1):
                self.organ_id(f"{replaced_path}.OrganIdList.OrganId[{organ_index}]", organ_id)

    def attachments(self, attachments: tuple[Attachment, ...]) -> None:
        limits = self.limits
        if len(attachments) > limits.max_attachments:
            self.error(
                "too_many",
                "AttachmentEncoded.Attachment",
                count=len(attachments),
                max=limits.max_attachments,
            )
        for index, attachment in enumerate(attachments, start=1):
            self.attachment(f"AttachmentEncoded.Attachment[{index}]", attachment)
        counts = Counter(a.content_id for a in attachments if a.content_id)
        for content_id, count in counts.items():
            if count > 1:
                self.error("duplicate", "AttachmentEncoded.Attachment.ContentId", value=content_id)

    def attachment(self, path: str, attachment: Attachment) -> None:
        name = attachment.attachment_name
        self.text(f"{path}.AttachmentName", name, required=True)
        if any(sep in name for sep in ("/", "\\")) or name in (".", ".."):
            self._quirk("bad_file_name", "w_file_name", f"{path}.AttachmentName", value=name)
        self.text(f"{path}.ContentId", attachment.content_id, required=True)
        self.text(f"{path}.Description", attachment.description)
        content_type = attachment.content_type
        self.text(f"{path}.ContentType", content_type, required=True)
        allowed = self.limits.allowed_content_types
        if content_type and (
            not _CONTENT_TYPE.fullmatch(content_type)
            or (allowed is not None and content_type.lower() not in allowed)
        ):
            self.error("content_type", f"{path}.ContentType", value=content_type)
        size, limit = len(attachment.content), self.limits.max_attachment_bytes
        if size > limit:
            self.error("too_large", f"{path}.ContentTransferEncoded", size=size, max=limit)

    def status(self, message: StatusMessage) -> None:
        root = "Status"
        # Without the document id a status cannot be matched to anything.
        self.response_for(f"{root}.ResponseFor", message.response_for, document_id_required=True)
        self.organization(f"{root}.From", message.from_)
        self.recipients(f"{root}.To", message.to, required=False)
        code = message.status_code
        if code not in {c.value for c in StatusCode}:
            self.error(
                "out_of_range",
                f"{root}.StatusCode",
                value=code or "''",
                allowed=", ".join(c.value for c in StatusCode),
            )
        self.text(f"{root}.Description", message.description)
        if code in STATUS_CODES_NEEDING_REASON and not message.description:
            self._quirk("reason_required", "w_missing", f"{root}.Description", value=code)
        self.timestamp(f"{root}.Timestamp", message.timestamp)
        self.staff_info(f"{root}.StaffInfo", message.staff_info)


def _now(now: datetime | None) -> datetime:
    return now if now is not None else datetime.now(VIETNAM_TZ)


def check_edoc(
    package: EdocPackage, *, strict: bool, limits: Limits, now: datetime | None = None
) -> Findings:
    """Apply every rule to an edoc package; nothing is raised, everything is collected."""
    findings = Findings(strict=strict, now=_now(now), limits=limits)
    findings.message_header(package.message_header)
    trace = package.trace_header_list
    for index, hop in enumerate(trace.trace_headers, start=1):
        findings.trace_header(f"TraceHeaderList.TraceHeader[{index}]", hop)
    if trace.bussiness is not None:
        findings.bussiness("TraceHeaderList.Bussiness", trace.bussiness)
    findings.attachments(package.attachments)
    return findings


def check_status(
    message: StatusMessage, *, strict: bool, limits: Limits, now: datetime | None = None
) -> Findings:
    """Apply every rule to a status message."""
    findings = Findings(strict=strict, now=_now(now), limits=limits)
    findings.status(message)
    return findings
