"""Entering, correcting, attaching the signed PDF, publishing and overriding the validity of
a legal document. Each action: access check → validation → save → audit."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from egov.audit.service import snapshot
from egov.documents.actions import files as file_actions
from egov.gazette import access, audit_names
from egov.gazette import constants as c
from egov.gazette.actions._common import (
    actor_or_none,
    lock,
    public_pages_changed,
    record_document,
    require,
    transition,
)
from egov.gazette.choices import DocState, DocType, LegalField, Validity
from egov.gazette.models import LegalDocument
from egov.gazette.queries import ISSUERS_CACHE_KEY
from egov.gazette.search import code_key, search_text
from egov.lib.errors import ActionError
from egov.lib.text import clean
from egov.organisations.models import OrgUnit
from egov.signatures import queries as signature_queries

#: "12/2025/QĐ-UBND": number / year / type abbreviation - issuer abbreviation.
CODE_PATTERN = re.compile(r"^(\d{1,5})/(\d{4})/([A-ZĐ]{2,6})-([A-ZĐ0-9.]{2,30})$")
#: The type abbreviation each type carries in its notation.
TYPE_ABBREVIATION = {
    DocType.NQ_HDND_TINH: "NQ",
    DocType.NQ_HDND_XA: "NQ",
    DocType.QD_UBND_TINH: "QĐ",
    DocType.QD_UBND_XA: "QĐ",
}
#: Fields of the metadata written to the audit trail on a change.
AUDITED = (
    "issuer",
    "doc_type",
    "code",
    "title",
    "signer_title",
    "signer_name",
    "issue_date",
    "effective_date",
    "expiry_date",
    "fields",
    "scope",
    "applicability",
    "source",
)


@dataclass
class DocumentData:
    """The metadata of a document as entered (a form, an import row)."""

    issuer: OrgUnit
    doc_type: str
    code: str
    title: str
    signer_title: str
    signer_name: str
    issue_date: dt.date
    effective_date: dt.date
    expiry_date: dt.date | None = None
    fields: Sequence[str] = field(default_factory=list)
    scope: str = ""
    applicability: str = ""
    source: str = ""
    body_text: str = ""


def _day(value: dt.date) -> str:
    return formats.date_format(value, "d/m/Y")


def parse_code(code: str) -> tuple[int, int] | None:
    """(number, year) of a notation in the standard form, or None."""
    match = CODE_PATTERN.match(clean(code).upper().replace(" ", ""))
    if match is None:
        return None
    return int(match.group(1)), int(match.group(2))


def normalise_code(code: str) -> str:
    """Upper case, no spaces; the look-alike "Ð" (U+00D0, some keyboards) read as "Đ"."""
    return clean(code).upper().replace(" ", "").replace("\u00d0", "\u0110")


def problems_of(data: DocumentData, *, exclude_pk: int | None = None) -> list[ActionError]:
    """Every rule ``data`` breaks, in the order of the form's fields (empty when valid)."""
    problems: list[ActionError] = []
    issuer_types = access.TYPES_BY_ISSUER_KIND.get(data.issuer.kind)
    if issuer_types is None:
        problems.append(
            ActionError(
                _("%(issuer)s không phải là cơ quan ban hành văn bản quy phạm pháp luật.")
                % {"issuer": data.issuer.name},
                code="issuer_invalid",
                field="issuer",
            )
        )
    if data.doc_type not in DocType.values:
        problems.append(
            ActionError(
                _(
                    "Loại văn bản “%(type)s” không có trong danh mục văn bản quy phạm pháp luật "
                    "của địa phương (Nghị quyết của HĐND, Quyết định của UBND)."
                )
                % {"type": data.doc_type},
                code="type_unknown",
                field="doc_type",
            )
        )
    elif issuer_types is not None and data.doc_type not in issuer_types:
        problems.append(
            ActionError(
                _("%(issuer)s không ban hành %(type)s.")
                % {"issuer": data.issuer.name, "type": DocType(data.doc_type).label},
                code="type_issuer_mismatch",
                field="doc_type",
            )
        )
    code = normalise_code(data.code)
    parsed = parse_code(code)
    if not code:
        problems.append(
            ActionError(_("Hãy nhập số ký hiệu văn bản."), code="code_required", field="code")
        )
    elif parsed is None:
        problems.append(
            ActionError(
                _(
                    "Số ký hiệu “%(code)s” không đúng mẫu số/năm/loại-cơ quan ban hành, "
                    "ví dụ 12/2025/QĐ-UBND."
                )
                % {"code": data.code},
                code="code_invalid",
                field="code",
            )
        )
    else:
        if data.issue_date and parsed[1] != data.issue_date.year:
            problems.append(
                ActionError(
                    _("Năm trong số ký hiệu (%(code_year)s) khác năm ban hành (%(year)s).")
                    % {"code_year": parsed[1], "year": data.issue_date.year},
                    code="code_year_mismatch",
                    field="code",
                )
            )
        abbreviation = code.split("/")[2].split("-")[0]
        expected = (
            TYPE_ABBREVIATION.get(DocType(data.doc_type))
            if data.doc_type in DocType.values
            else None
        )
        if expected and abbreviation != expected:
            problems.append(
                ActionError(
                    _(
                        "Ký hiệu loại văn bản trong số ký hiệu (%(found)s) không khớp loại văn "
                        "bản đã chọn (%(expected)s)."
                    )
                    % {"found": abbreviation, "expected": expected},
                    code="code_type_mismatch",
                    field="code",
                )
            )
        if data.issue_date:
            taken = LegalDocument.objects.filter(
                issuer=data.issuer, year=data.issue_date.year, code_key=code_key(code)
            )
            if exclude_pk is not None:
                taken = taken.exclude(pk=exclude_pk)
            if taken.exists():
                problems.append(
                    ActionError(
                        _(
                            "Số ký hiệu “%(code)s” đã được dùng cho một văn bản khác của "
                            "%(issuer)s năm %(year)s."
                        )
                        % {"code": code, "issuer": data.issuer.name, "year": data.issue_date.year},
                        code="code_taken",
                        field="code",
                    )
                )
    if not clean(data.title):
        problems.append(
            ActionError(_("Hãy nhập trích yếu văn bản."), code="title_required", field="title")
        )
    elif len(data.title) > c.TITLE_MAX:
        problems.append(
            ActionError(
                _("Trích yếu dài quá %(max)s ký tự.") % {"max": c.TITLE_MAX},
                code="title_too_long",
                field="title",
            )
        )
    if not clean(data.signer_name):
        problems.append(
            ActionError(_("Hãy nhập họ tên người ký."), code="signer_required", field="signer_name")
        )
    if not clean(data.signer_title):
        problems.append(
            ActionError(
                _("Hãy nhập chức danh người ký."),
                code="signer_title_required",
                field="signer_title",
            )
        )
    if data.issue_date and data.effective_date and data.effective_date < data.issue_date:
        problems.append(
            ActionError(
                _("Ngày có hiệu lực (%(effective)s) không được trước ngày ban hành (%(issued)s).")
                % {"effective": _day(data.effective_date), "issued": _day(data.issue_date)},
                code="effective_before_issue",
                field="effective_date",
            )
        )
    if data.expiry_date and data.effective_date and data.expiry_date <= data.effective_date:
        problems.append(
            ActionError(
                _("Ngày hết hiệu lực (%(expiry)s) phải sau ngày có hiệu lực (%(effective)s).")
                % {"expiry": _day(data.expiry_date), "effective": _day(data.effective_date)},
                code="expiry_before_effect",
                field="expiry_date",
            )
        )
    unknown = [f for f in data.fields if f not in LegalField.values]
    if unknown:
        problems.append(
            ActionError(
                _("Lĩnh vực không có trong danh mục: %(fields)s.") % {"fields": ", ".join(unknown)},
                code="field_unknown",
                field="legal_fields",
            )
        )
    return problems


def _apply(document: LegalDocument, data: DocumentData) -> None:
    code = normalise_code(data.code)
    parsed = parse_code(code)
    if parsed is None:  # problems_of refused it already
        raise ValueError(code)
    document.issuer = data.issuer
    document.issuer_name = data.issuer.name
    document.doc_type = data.doc_type
    document.code = code
    document.code_key = code_key(code)
    document.number, document.year = parsed[0], data.issue_date.year
    document.title = clean(data.title)
    document.signer_title = clean(data.signer_title)
    document.signer_name = clean(data.signer_name)
    document.issue_date = data.issue_date
    document.effective_date = data.effective_date
    document.expiry_date = data.expiry_date
    document.fields = list(dict.fromkeys(data.fields))
    document.scope = clean(data.scope)
    document.applicability = data.applicability.strip()
    document.source = clean(data.source)
    document.body_text = data.body_text.strip()
    document.search_text = search_text(document)


def _raise_first(problems: list[ActionError]) -> None:
    if problems:
        raise problems[0]


@transaction.atomic
def create_document(
    *, actor: Any, data: DocumentData, skip_access_check: bool = False
) -> LegalDocument:
    """Enter a document as a draft. Preconditions: the actor edits the issuing body's
    documents; the metadata breaks no rule of :func:`problems_of`."""
    if not skip_access_check:
        require(access.can_edit_for(actor, data.issuer), "editor of the issuing body required")
    _raise_first(problems_of(data))
    document = LegalDocument(created_by=actor_or_none(actor))
    _apply(document, data)
    document.save()
    transition(document, from_state="", to_state=DocState.DRAFT, actor=actor)
    record_document(
        audit_names.DOCUMENT_CREATE,
        actor=actor,
        document=document,
        after=snapshot(document, AUDITED),
    )
    return document


@transaction.atomic
def update_document(*, actor: Any, document: LegalDocument, data: DocumentData) -> LegalDocument:
    """Correct a document's metadata or full text, draft or published (a published
    document's correction is audited with its before and after). The issuing body may only
    change to another body the actor edits."""
    require(access.can_edit_for(actor, document.issuer), "editor of the issuing body required")
    require(access.can_edit_for(actor, data.issuer), "editor of the new issuing body required")
    document = lock(document)
    _raise_first(problems_of(data, exclude_pk=document.pk))
    before = snapshot(document, AUDITED)
    text_changed = document.body_text != data.body_text.strip()
    _apply(document, data)
    document.save()
    document.relations.update(source_effective=document.effective_date)
    after = snapshot(document, AUDITED)
    diff_before = {k: v for k, v in before.items() if after.get(k) != v}
    diff_after = {k: after[k] for k in diff_before}
    if text_changed:
        diff_after["body_text"] = _("(toàn văn đã sửa)")
    public_pages_changed()
    record_document(
        audit_names.DOCUMENT_UPDATE,
        actor=actor,
        document=document,
        before=diff_before,
        after=diff_after,
    )
    return document


def _check_pdf(upload: file_actions.Upload) -> Any:
    upload.stream.seek(0)
    head = upload.stream.read(5)
    upload.stream.seek(0)
    if head != b"%PDF-":
        raise ActionError(
            _("Tệp “%(name)s” không phải là tệp PDF; văn bản gốc phải là tệp PDF có chữ ký số.")
            % {"name": upload.name},
            code="not_a_pdf",
            field="pdf",
        )
    name = upload.name if upload.name.lower().endswith(".pdf") else f"{upload.name}.pdf"
    renamed = file_actions.Upload(stream=upload.stream, name=name, size=upload.size)
    try:
        return renamed, file_actions.check_uploads([renamed])[0]
    except ActionError as error:
        error.field = "pdf"
        raise


def store_pdf(upload: file_actions.Upload, *, actor: Any) -> Any:
    """Check that ``upload`` is a PDF that opens and keep it (write-once, under its hash);
    returns the stored file."""
    renamed, inspected = _check_pdf(upload)
    return file_actions.store(renamed, inspected, actor=actor)


@transaction.atomic
def attach_signed_pdf(
    *, actor: Any, document: LegalDocument, upload: file_actions.Upload
) -> LegalDocument:
    """Keep the signed original (a PDF that opens, with pages) and the verdict on its
    digital signatures; replaces an earlier file. Its text joins the search index when the
    full text was not typed."""
    require(access.can_edit_for(actor, document.issuer), "editor of the issuing body required")
    renamed, inspected = _check_pdf(upload)
    renamed.stream.seek(0)
    result = signature_queries.verify_pdf(renamed.stream.read())
    renamed.stream.seek(0)
    stored = file_actions.store(renamed, inspected, actor=actor)
    document = lock(document)
    before = {"file": document.signed_pdf.sha256 if document.signed_pdf else None}
    document.signed_pdf = stored
    document.pdf_name = renamed.name[:255]
    document.signature_outcome = str(result.outcome)
    document.signature_summary = signature_queries.describe(result)
    if not document.body_text and stored.text:
        document.body_text = stored.text
    document.search_text = search_text(document)
    document.save()
    public_pages_changed()
    record_document(
        audit_names.DOCUMENT_ATTACH_PDF,
        actor=actor,
        document=document,
        before=before,
        after={
            "file": stored.sha256,
            "name": document.pdf_name,
            "signature": document.signature_outcome,
        },
    )
    return document


@transaction.atomic
def publish_document(
    *, actor: Any, document: LegalDocument, note: str = "", skip_access_check: bool = False
) -> LegalDocument:
    """Make a draft public. Preconditions: the actor edits the issuing body's documents; the
    document is a draft whose metadata is valid and which carries its text (typed or the
    signed PDF)."""
    if not skip_access_check:
        require(access.can_edit_for(actor, document.issuer), "editor of the issuing body required")
    document = lock(document)
    if document.state == DocState.PUBLISHED:
        raise ActionError(
            _("Văn bản %(code)s đã được đăng.") % {"code": document.code},
            code="already_published",
        )
    if not document.body_text and document.signed_pdf_id is None:
        raise ActionError(
            _("Hãy đính kèm văn bản gốc (PDF) hoặc nhập toàn văn trước khi đăng."),
            code="text_required",
        )
    document.state = DocState.PUBLISHED
    document.published_at = timezone.now()
    document.save(update_fields=["state", "published_at", "updated_at"])
    document.relations.update(source_published=True, source_effective=document.effective_date)
    cache.delete(ISSUERS_CACHE_KEY)  # now, and again once committed (a read in between)
    transaction.on_commit(lambda: cache.delete(ISSUERS_CACHE_KEY))
    transition(
        document, from_state=DocState.DRAFT, to_state=DocState.PUBLISHED, actor=actor, note=note
    )
    public_pages_changed()
    record_document(
        audit_names.DOCUMENT_PUBLISH,
        actor=actor,
        document=document,
        before={"state": DocState.DRAFT},
        after={"state": DocState.PUBLISHED},
        note=note,
    )
    return document


@transaction.atomic
def set_validity_override(
    *,
    actor: Any,
    document: LegalDocument,
    status: str,
    start: dt.date,
    reason: str,
) -> LegalDocument:
    """Fix the validity status by hand from ``start`` on, with its reason and legal basis
    (what the dates and relations cannot say: a court ruling, a partial suspension); an
    empty ``status`` returns to the computed status. Audited, with a transition row."""
    require(access.can_edit_for(actor, document.issuer), "editor of the issuing body required")
    reason = clean(reason)
    if status and status not in Validity.values:
        raise ActionError(
            _("Tình trạng hiệu lực “%(status)s” không có trong danh mục.") % {"status": status},
            code="status_unknown",
            field="status",
        )
    if not reason:
        raise ActionError(
            _("Hãy ghi lý do và căn cứ xác định tình trạng hiệu lực."),
            code="reason_required",
            field="reason",
        )
    if len(reason) > c.REASON_MAX:
        raise ActionError(
            _("Lý do dài quá %(max)s ký tự.") % {"max": c.REASON_MAX},
            code="reason_too_long",
            field="reason",
        )
    document = lock(document)
    if status and start < document.issue_date:
        raise ActionError(
            _("Ngày áp dụng (%(start)s) không được trước ngày ban hành (%(issued)s).")
            % {"start": _day(start), "issued": _day(document.issue_date)},
            code="override_before_issue",
            field="start",
        )
    before = {
        "status": document.override_status,
        "from": document.override_from.isoformat() if document.override_from else None,
        "reason": document.override_reason,
    }
    document.override_status = status
    document.override_from = start if status else None
    document.override_reason = reason
    document.override_by = actor_or_none(actor)
    document.override_at = timezone.now()
    document.save(
        update_fields=[
            "override_status",
            "override_from",
            "override_reason",
            "override_by",
            "override_at",
            "updated_at",
        ]
    )
    transition(
        document,
        from_state=f"override:{before['status'] or '-'}",
        to_state=f"override:{status or '-'}",
        actor=actor,
        note=reason,
    )
    public_pages_changed()
    record_document(
        audit_names.DOCUMENT_OVERRIDE,
        actor=actor,
        document=document,
        before=before,
        after={"status": status, "from": start.isoformat() if status else None, "reason": reason},
        note=reason,
    )
    return document


def upload_from_bytes(data: bytes, name: str) -> file_actions.Upload:
    return file_actions.Upload(stream=io.BytesIO(data), name=name, size=len(data))
