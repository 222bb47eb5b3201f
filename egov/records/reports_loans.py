"""Sổ sử dụng bản lưu (Phụ lục IV): one row per use of an archived copy lent in the period,
built from the loans the clerk recorded (``records.actions.loans``)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _

from egov.organisations.models import OrgUnit
from egov.records import constants as c
from egov.records.choices import Report
from egov.records.models import CaseFileItem, CopyLoan
from egov.records.queries_loans import lent_between
from egov.records.reports import Cell, Sheet


def _person(user: Any) -> str:
    return str(user.full_name or user.username) if user is not None else ""


def _files_of(loans: list[CopyLoan]) -> dict[tuple[str, int], list[str]]:
    """The codes of the files each lent document sits in, in one query."""
    incoming = [loan.incoming_id for loan in loans if loan.incoming_id]
    outgoing = [loan.outgoing_id for loan in loans if loan.outgoing_id]
    codes: dict[tuple[str, int], list[str]] = defaultdict(list)
    if not incoming and not outgoing:
        return codes
    items = CaseFileItem.objects.filter(
        Q(incoming__in=incoming) | Q(outgoing__in=outgoing)
    ).select_related("case_file")
    for item in items:
        key = ("incoming", item.incoming_id) if item.incoming_id else ("outgoing", item.outgoing_id)
        codes[(key[0], int(key[1] or 0))].append(item.case_file.code)
    return codes


def _described(document: Any) -> tuple[str, str]:
    if document is None:
        return "", ""
    when = document.issued_date.strftime("%d/%m/%Y") if document.issued_date else ""
    number = ", ".join(part for part in (document.number_and_notation, when) if part)
    return number, f"{document.document_type.name}: {document.subject}"


def copy_use_register(unit: OrgUnit, start: dt.date, end: dt.date, *, clearance: int = 0) -> Sheet:
    """Sổ sử dụng bản lưu: when, who used which document or file, who allowed it, when it
    came back; a secret document's use only for those cleared for it."""
    loans = list(lent_between(unit, start, end, clearance=clearance)[: c.REGISTER_MAX_ROWS])
    files = _files_of(loans)
    rows: list[list[Cell]] = []
    out = 0
    for loan in loans:
        document = loan.incoming or loan.outgoing
        number, described = _described(document)
        if loan.case_file is not None:
            file_code = loan.case_file.code
            if document is None:
                described = loan.case_file.title
        elif loan.incoming_id:
            file_code = "; ".join(files.get(("incoming", loan.incoming_id), []))
        else:
            file_code = "; ".join(files.get(("outgoing", int(loan.outgoing_id or 0)), []))
        out += int(loan.returned_on is None)
        rows.append(
            [
                loan.lent_on,
                _person(loan.borrower),
                number,
                described,
                file_code,
                "",
                loan.returned_on,
                _person(loan.permitted_by),
                loan.note,
            ]
        )
    return Sheet(
        kind=Report.COPY_USE_REGISTER,
        title=str(Report.COPY_USE_REGISTER.label),
        unit=unit,
        start=start,
        end=end,
        columns=[
            _("Ngày tháng"),
            _("Họ tên người sử dụng"),
            _("Số, ký hiệu, ngày tháng văn bản"),
            _("Tên loại và trích yếu nội dung"),
            _("Số và ký hiệu hồ sơ"),
            _("Ký nhận"),
            _("Ngày trả"),
            _("Người cho phép sử dụng"),
            _("Ghi chú"),
        ],
        rows=rows,
        notes=[_("Tổng số lượt sử dụng: %(n)s; chưa trả: %(out)s") % {"n": len(rows), "out": out}],
    )
