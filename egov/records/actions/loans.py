"""Lending the agency's archived copies (bản lưu) and taking them back: the rows of the Sổ
sử dụng bản lưu (Phụ lục IV). The clerk keeps the copies, so the clerk records both; the use
must be allowed by a leader of the agency or by its clerk (who keeps the archive)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from egov.audit.service import record
from egov.documents import access as doc_access
from egov.documents.models import IncomingDocument, OutgoingDocument
from egov.lib.dates import local_today
from egov.lib.errors import ActionError
from egov.organisations.models import OrgUnit
from egov.records import audit_names
from egov.records.actions._common import require
from egov.records.models import CaseFile, CopyLoan


def _name(user: Any) -> str:
    return str(getattr(user, "full_name", "") or getattr(user, "username", ""))


def can_permit(user: Any, unit: OrgUnit) -> bool:
    """A leader of the agency or its clerk (the keeper of the archived copies)."""
    return doc_access.is_leader_of(user, unit) or doc_access.is_clerk_of(user, unit)


def _reference(loan_object: Any) -> str:
    if isinstance(loan_object, CaseFile):
        return loan_object.code
    return str(loan_object.number_and_notation or loan_object.subject[:60])


def _check_object(unit: OrgUnit, loan_object: Any) -> None:
    if loan_object.unit_id != unit.pk:
        if isinstance(loan_object, CaseFile):
            message = _("Hồ sơ “%(ref)s” không thuộc %(unit)s nên không cho sử dụng ở đây.")
        else:
            message = _(
                "Văn bản “%(ref)s” không thuộc %(unit)s nên không có bản lưu ở cơ quan này."
            )
        raise ActionError(
            message % {"ref": _reference(loan_object), "unit": unit.name},
            code="outside_agency",
            field="document",
        )
    if isinstance(loan_object, OutgoingDocument) and loan_object.number is None:
        raise ActionError(
            _("Văn bản đi chưa phát hành nên chưa có bản lưu."),
            code="not_issued",
            field="document",
        )


def _already_out(loan_object: Any, field: str) -> None:
    # The lent object's row is locked first: two clerks lending the same copy at once are
    # serialised here, and the second sees the first's loan (the partial unique constraints
    # are the backstop).
    type(loan_object).objects.select_for_update().filter(pk=loan_object.pk).values_list(
        "pk", flat=True
    ).first()
    current = (
        CopyLoan.objects.filter(**{field: loan_object}, returned_on__isnull=True)
        .select_related("borrower")
        .first()
    )
    if current is not None:
        raise ActionError(
            _("Bản lưu “%(ref)s” đang được %(name)s sử dụng từ ngày %(date)s, chưa trả.")
            % {
                "ref": _reference(loan_object),
                "name": _name(current.borrower),
                "date": current.lent_on.strftime("%d/%m/%Y"),
            },
            code="already_out",
            field="document",
        )


@transaction.atomic
def lend_copy(
    *,
    actor: Any,
    unit: OrgUnit,
    borrower: Any,
    permitted_by: Any,
    lent_on: dt.date,
    incoming: IncomingDocument | None = None,
    outgoing: OutgoingDocument | None = None,
    case_file: CaseFile | None = None,
    due_on: dt.date | None = None,
    note: str = "",
) -> CopyLoan:
    """Record that ``borrower`` takes the archived copy of a document and/or a case file of
    ``unit``. Preconditions: the actor is a clerk of ``unit``; the document and file are the
    agency's (an outgoing one issued), none of them is out already; ``permitted_by`` is a
    leader or clerk of ``unit``; a secret document goes only to someone cleared for it."""
    require(doc_access.is_clerk_of(actor, unit), "clerk of the agency required")
    if incoming is not None and outgoing is not None:
        raise ValueError("one document per loan")
    document: Any = incoming or outgoing
    if document is None and case_file is None:
        raise ActionError(
            _("Hãy chọn văn bản hoặc hồ sơ được sử dụng."), code="nothing_lent", field="document"
        )
    for loan_object in (document, case_file):
        if loan_object is not None:
            _check_object(unit, loan_object)
    if document is not None:
        require(doc_access.clearance_level(actor, unit) >= document.secrecy, "not cleared")
        if doc_access.clearance_level(borrower, unit) < document.secrecy:
            raise ActionError(
                _("%(name)s chưa được cấp quyền tiếp cận văn bản %(secrecy)s.")
                % {"name": _name(borrower), "secrecy": document.get_secrecy_display().lower()},
                code="borrower_not_cleared",
                field="borrower",
            )
    if not getattr(borrower, "is_active", False):
        raise ActionError(
            _("Tài khoản của %(name)s đã bị khóa.") % {"name": _name(borrower)},
            code="borrower_inactive",
            field="borrower",
        )
    if not can_permit(permitted_by, unit):
        raise ActionError(
            _(
                "%(name)s không phải lãnh đạo hoặc văn thư của %(unit)s nên không thể cho "
                "phép sử dụng bản lưu."
            )
            % {"name": _name(permitted_by), "unit": unit.name},
            code="permitter_not_allowed",
            field="permitted_by",
        )
    today = local_today()
    if lent_on > today:
        raise ActionError(
            _("Ngày cho sử dụng không được sau hôm nay."), code="lent_in_future", field="lent_on"
        )
    if due_on is not None and due_on < lent_on:
        raise ActionError(
            _("Hạn trả không được trước ngày cho sử dụng (%(date)s).")
            % {"date": lent_on.strftime("%d/%m/%Y")},
            code="due_before_lent",
            field="due_on",
        )
    if incoming is not None:
        _already_out(incoming, "incoming")
    if outgoing is not None:
        _already_out(outgoing, "outgoing")
    if case_file is not None:
        _already_out(case_file, "case_file")
    loan = CopyLoan.objects.create(
        unit=unit,
        incoming=incoming,
        outgoing=outgoing,
        case_file=case_file,
        borrower=borrower,
        permitted_by=permitted_by,
        lent_by=actor,
        lent_on=lent_on,
        due_on=due_on,
        note=note.strip(),
    )
    record(
        action=audit_names.LOAN_LEND,
        actor=actor,
        obj=loan,
        unit_id=unit.pk,
        after={
            "incoming": loan.incoming_id,
            "outgoing": loan.outgoing_id,
            "case_file": loan.case_file_id,
            "borrower": borrower.pk,
            "permitted_by": permitted_by.pk,
            "lent_on": lent_on.isoformat(),
            "due_on": due_on.isoformat() if due_on else None,
        },
    )
    return loan


@transaction.atomic
def return_copy(*, actor: Any, loan: CopyLoan, returned_on: dt.date) -> CopyLoan:
    """Record that the copy came back on ``returned_on``. Preconditions: the actor is a clerk
    of the loan's agency; the copy is still out; the date is between the lending day and
    today."""
    loan = CopyLoan.objects.select_for_update().select_related("unit").get(pk=loan.pk)
    require(doc_access.is_clerk_of(actor, loan.unit), "clerk of the agency required")
    if loan.returned_on is not None:
        raise ActionError(
            _("Bản lưu này đã được trả ngày %(date)s.")
            % {"date": loan.returned_on.strftime("%d/%m/%Y")},
            code="already_returned",
        )
    if returned_on < loan.lent_on:
        raise ActionError(
            _("Ngày trả (%(returned)s) không được trước ngày cho sử dụng (%(lent)s).")
            % {
                "returned": returned_on.strftime("%d/%m/%Y"),
                "lent": loan.lent_on.strftime("%d/%m/%Y"),
            },
            code="returned_before_lent",
            field="returned_on",
        )
    if returned_on > local_today():
        raise ActionError(
            _("Ngày trả không được sau hôm nay."), code="returned_in_future", field="returned_on"
        )
    loan.returned_on = returned_on
    loan.returned_to = actor
    loan.save(update_fields=["returned_on", "returned_to"])
    record(
        action=audit_names.LOAN_RETURN,
        actor=actor,
        obj=loan,
        unit_id=loan.unit_id,
        before={"returned_on": None},
        after={"returned_on": returned_on.isoformat()},
    )
    return loan
