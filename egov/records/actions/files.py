"""Case files (hồ sơ công việc): open, correct the details, add and remove documents, close,
reopen, delete.

Every action re-reads the file under a row lock, refuses a frozen (handed-over) file,
writes, records a transition where the status changes, and appends one audit event, all in
one transaction: nothing is half-written.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from egov.audit.service import record, snapshot
from egov.documents.models import IncomingDocument, OutgoingDocument
from egov.lib.dates import BUSINESS_TZ, local_today
from egov.lib.errors import ActionError
from egov.lib.text import clean
from egov.organisations.models import OrgUnit
from egov.records import access, audit_names
from egov.records import constants as c
from egov.records.actions._common import lock, refuse_if_frozen, require, transition
from egov.records.choices import FileStatus, Rights
from egov.records.models import CaseFile, CaseFileItem, FilePlanEntry

_SNAPSHOT = ("unit", "year", "code", "title", "retention_years", "rights", "owner", "status")


def _check_retention(years: int | None) -> None:
    if years is not None and not 1 <= years <= c.MAX_RETENTION_YEARS:
        raise ActionError(
            _("Thời hạn bảo quản từ 1 đến %(max)s năm, hoặc để trống nếu vĩnh viễn.")
            % {"max": c.MAX_RETENTION_YEARS},
            code="retention_invalid",
            field="retention_years",
        )


@transaction.atomic
def open_case_file(
    *,
    actor: Any,
    unit: OrgUnit,
    code: str,
    title: str,
    owner: Any,
    retention_years: int | None,
    year: int | None = None,
    rights: str = Rights.PUBLIC,
    description: str = "",
    plan_entry: FilePlanEntry | None = None,
) -> CaseFile:
    """Open a file in ``unit`` (an agency) for ``year`` (this year by default).

    Preconditions: the actor works in the agency (or is its clerk or leader), and so does
    the owner; the actor opens files for someone else only as the agency's clerk. Refuses
    an empty code or title, a code already used in the agency that year, a retention
    outside 1–100 years (None is permanent), and a plan entry of another agency or year.
    """
    require(access.can_open_file_in(actor, unit), "staff of the agency required")
    if owner.pk != actor.pk:
        require(access.can_manage_plan(actor, unit), "clerk or leader required to open for others")
    year = year or local_today().year
    code, title = clean(code), clean(title)
    _check_code_and_title(code, title)
    _check_retention(retention_years)
    if rights not in Rights.values:
        raise ActionError(_("Chế độ sử dụng không hợp lệ."), code="rights_invalid", field="rights")
    if not access.can_open_file_in(owner, unit):
        raise ActionError(
            _("Người lập hồ sơ phải làm việc tại %(unit)s.") % {"unit": unit.name},
            code="owner_outside_agency",
            field="owner",
        )
    if plan_entry is not None and (
        plan_entry.plan.unit_id != unit.pk or plan_entry.plan.year != year
    ):
        raise ActionError(
            _("Hồ sơ trong danh mục không thuộc cơ quan hoặc năm này."),
            code="plan_entry_mismatch",
            field="plan_entry",
        )
    if CaseFile.objects.filter(unit=unit, year=year, code__iexact=code).exists():
        raise ActionError(
            _("Số và ký hiệu hồ sơ “%(code)s” đã dùng trong năm %(year)s.")
            % {"code": code, "year": year},
            code="code_taken",
            field="code",
        )
    try:
        with transaction.atomic():
            case_file = CaseFile.objects.create(
                unit=unit,
                year=year,
                code=code,
                title=title,
                retention_years=retention_years,
                rights=rights,
                owner=owner,
                description=clean(description)[: c.DESCRIPTION_MAX],
                plan_entry=plan_entry,
                opened_at=timezone.now(),
                created_by=actor,
            )
    except IntegrityError as exc:  # a concurrent opening took the code first
        raise ActionError(
            _("Số và ký hiệu hồ sơ “%(code)s” đã dùng trong năm %(year)s.")
            % {"code": code, "year": year},
            code="code_taken",
            field="code",
        ) from exc
    transition(case_file, action="open", actor=actor, from_status="", to_status=FileStatus.OPEN)
    record(
        action=audit_names.FILE_OPEN,
        actor=actor,
        obj=case_file,
        unit_id=unit.pk,
        after=snapshot(case_file, _SNAPSHOT),
    )
    return case_file


@transaction.atomic
def update_case_file(
    *,
    actor: Any,
    case_file: CaseFile,
    code: str,
    title: str,
    retention_years: int | None,
    rights: str,
    description: str = "",
) -> CaseFile:
    """Correct a file's details: code, title, retention period, rights, note.

    Preconditions: the actor may change the file (its owner or the agency's clerk). Refuses a
    handed-over (frozen) file, an empty or overlong code or title, a code another file of the
    agency uses that year, a retention outside 1–100 years (None is permanent) and unknown
    rights. Only the fields that changed are saved, and the audit event names them before
    and after; a form that changes nothing writes nothing."""
    case_file = lock(case_file)
    require(access.can_change(actor, case_file), "owner or clerk required")
    refuse_if_frozen(case_file)
    code, title = clean(code), clean(title)
    _check_code_and_title(code, title)
    _check_retention(retention_years)
    if rights not in Rights.values:
        raise ActionError(_("Chế độ sử dụng không hợp lệ."), code="rights_invalid", field="rights")
    taken = CaseFile.objects.filter(unit_id=case_file.unit_id, year=case_file.year)
    if taken.filter(code__iexact=code).exclude(pk=case_file.pk).exists():
        raise ActionError(
            _("Số và ký hiệu hồ sơ “%(code)s” đã dùng trong năm %(year)s.")
            % {"code": code, "year": case_file.year},
            code="code_taken",
            field="code",
        )
    wanted = {
        "code": code,
        "title": title,
        "retention_years": retention_years,
        "rights": rights,
        "description": clean(description)[: c.DESCRIPTION_MAX],
    }
    changed = [name for name, value in wanted.items() if getattr(case_file, name) != value]
    if not changed:
        return case_file
    before = snapshot(case_file, changed)
    for name in changed:
        setattr(case_file, name, wanted[name])
    try:
        with transaction.atomic():
            case_file.save(update_fields=changed)
    except IntegrityError as exc:  # a concurrent opening took the code first
        raise ActionError(
            _("Số và ký hiệu hồ sơ “%(code)s” đã dùng trong năm %(year)s.")
            % {"code": code, "year": case_file.year},
            code="code_taken",
            field="code",
        ) from exc
    record(
        action=audit_names.FILE_UPDATE,
        actor=actor,
        obj=case_file,
        unit_id=case_file.unit_id,
        before=before,
        after=snapshot(case_file, changed),
    )
    return case_file


def _check_code_and_title(code: str, title: str) -> None:
    if not code:
        raise ActionError(_("Hãy nhập số và ký hiệu hồ sơ."), code="code_required", field="code")
    if len(code) > c.FILE_CODE_MAX:
        raise ActionError(
            _("Số và ký hiệu hồ sơ dài tối đa %(max)s ký tự.") % {"max": c.FILE_CODE_MAX},
            code="code_too_long",
            field="code",
        )
    if not title:
        raise ActionError(_("Hãy nhập tiêu đề hồ sơ."), code="title_required", field="title")
    if len(title) > c.TITLE_MAX:
        raise ActionError(
            _("Tiêu đề hồ sơ dài tối đa %(max)s ký tự.") % {"max": c.TITLE_MAX},
            code="title_too_long",
            field="title",
        )


def _document_of(
    incoming: IncomingDocument | None, outgoing: OutgoingDocument | None
) -> tuple[str, Any]:
    if (incoming is None) == (outgoing is None):
        raise ValueError("give exactly one document")
    return ("incoming", incoming) if incoming is not None else ("outgoing", outgoing)


@transaction.atomic
def add_document(
    *,
    actor: Any,
    case_file: CaseFile,
    incoming: IncomingDocument | None = None,
    outgoing: OutgoingDocument | None = None,
) -> CaseFileItem:
    """Link a document of the file's agency into the file (never a copy: the same document
    may sit in several files). Preconditions: the actor may change the file and sees the
    document (a secret one only with the clearance for it). Refuses a closed or frozen
    file, a document of another agency, an unissued outgoing draft, and a document already
    in the file."""
    kind, document = _document_of(incoming, outgoing)
    case_file = lock(case_file)
    require(access.can_change(actor, case_file), "owner or clerk required")
    visible = (
        access.can_see_incoming(actor, document.pk)
        if kind == "incoming"
        else access.can_see_outgoing(actor, document.pk)
    )
    require(visible, "document not visible to the actor")
    refuse_if_frozen(case_file)
    if not case_file.is_open:
        raise ActionError(
            _("Hồ sơ đã kết thúc; hãy mở lại hồ sơ trước khi thêm văn bản."),
            code="file_closed",
        )
    if document.unit_id != case_file.unit_id:
        raise ActionError(_("Văn bản không thuộc cơ quan lập hồ sơ."), code="document_other_agency")
    if kind == "outgoing" and document.number is None:
        raise ActionError(
            _("Chỉ đưa vào hồ sơ văn bản đi đã cấp số, phát hành."), code="outgoing_not_issued"
        )
    if CaseFileItem.objects.filter(case_file=case_file, **{kind: document}).exists():
        raise ActionError(_("Văn bản đã có trong hồ sơ này."), code="already_in_file")
    item = CaseFileItem.objects.create(case_file=case_file, added_by=actor, **{kind: document})
    record(
        action=audit_names.FILE_ADD_DOCUMENT,
        actor=actor,
        obj=case_file,
        unit_id=case_file.unit_id,
        after={"item": item.pk, kind: document.pk},
    )
    return item


@transaction.atomic
def remove_document(*, actor: Any, item: CaseFileItem) -> None:
    """Take a document out of an open file (the document itself stays where it was)."""
    case_file = lock(item.case_file)
    require(access.can_change(actor, case_file), "owner or clerk required")
    refuse_if_frozen(case_file)
    if not case_file.is_open:
        raise ActionError(
            _("Hồ sơ đã kết thúc; hãy mở lại hồ sơ trước khi bỏ văn bản."), code="file_closed"
        )
    before = {"item": item.pk, "incoming": item.incoming_id, "outgoing": item.outgoing_id}
    item.delete()
    record(
        action=audit_names.FILE_REMOVE_DOCUMENT,
        actor=actor,
        obj=case_file,
        unit_id=case_file.unit_id,
        before=before,
    )


def handover_due_after(closed_on: dt.date) -> dt.date:
    try:
        return closed_on.replace(year=closed_on.year + c.HANDOVER_AFTER_YEARS)
    except ValueError:  # 29 February
        return closed_on.replace(year=closed_on.year + c.HANDOVER_AFTER_YEARS, day=28)


@transaction.atomic
def close_case_file(*, actor: Any, case_file: CaseFile, note: str = "") -> CaseFile:
    """Close the file (kết thúc hồ sơ) once the matter ends: its hand-over to the agency
    archive is then due within a year. Refuses an empty file and one already closed."""
    case_file = lock(case_file)
    require(access.can_change(actor, case_file), "owner or clerk required")
    refuse_if_frozen(case_file)
    if not case_file.is_open:
        raise ActionError(_("Hồ sơ đã kết thúc."), code="already_closed")
    if not case_file.items.exists():
        raise ActionError(
            _("Hồ sơ chưa có văn bản nào; không kết thúc hồ sơ rỗng."), code="file_empty"
        )
    before = snapshot(case_file, ("status", "closed_at", "handover_due"))
    now = timezone.now()
    case_file.status = FileStatus.CLOSED
    case_file.closed_at = now
    case_file.handover_due = handover_due_after(now.astimezone(BUSINESS_TZ).date())
    case_file.handover_reminded_on = None
    case_file.save(update_fields=["status", "closed_at", "handover_due", "handover_reminded_on"])
    transition(
        case_file,
        action="close",
        actor=actor,
        from_status=FileStatus.OPEN,
        to_status=FileStatus.CLOSED,
        note=clean(note),
    )
    record(
        action=audit_names.FILE_CLOSE,
        actor=actor,
        obj=case_file,
        unit_id=case_file.unit_id,
        before=before,
        after=snapshot(case_file, ("status", "closed_at", "handover_due")),
    )
    return case_file


@transaction.atomic
def reopen_case_file(*, actor: Any, case_file: CaseFile, reason: str) -> CaseFile:
    """Reopen a closed file (a document arrived late): the reason is kept."""
    case_file = lock(case_file)
    require(access.can_change(actor, case_file), "owner or clerk required")
    refuse_if_frozen(case_file)
    if case_file.is_open:
        raise ActionError(_("Hồ sơ đang mở."), code="already_open")
    reason = clean(reason)
    if not reason:
        raise ActionError(_("Hãy ghi lý do mở lại hồ sơ."), code="reason_required", field="reason")
    case_file.status = FileStatus.OPEN
    case_file.closed_at = None
    case_file.handover_due = None
    case_file.save(update_fields=["status", "closed_at", "handover_due"])
    transition(
        case_file,
        action="reopen",
        actor=actor,
        from_status=FileStatus.CLOSED,
        to_status=FileStatus.OPEN,
        note=reason,
    )
    record(
        action=audit_names.FILE_REOPEN,
        actor=actor,
        obj=case_file,
        unit_id=case_file.unit_id,
        note=reason,
    )
    return case_file


@transaction.atomic
def delete_case_file(*, actor: Any, case_file: CaseFile) -> None:
    """Delete a file opened by mistake: only an open, empty file; never a handed-over one."""
    case_file = lock(case_file)
    require(access.can_change(actor, case_file), "owner or clerk required")
    refuse_if_frozen(case_file)
    if case_file.items.exists():
        raise ActionError(
            _("Hồ sơ còn văn bản; hãy bỏ các văn bản trước khi xóa."), code="file_not_empty"
        )
    before = snapshot(case_file, _SNAPSHOT)
    pk, unit_id, text = case_file.pk, case_file.unit_id, str(case_file)
    case_file.delete()
    record(
        action=audit_names.FILE_DELETE,
        actor=actor,
        object_type="records.casefile",
        object_id=str(pk),
        object_repr=text,
        unit_id=unit_id,
        before=before,
    )
