"""The registers of Phụ lục IV and the reports of Phụ lục VI §V as plain tables (a
:class:`Sheet`), which ``exports.sheets`` prints to PDF and XLSX. Each builder reads one
agency's documents over a period in a few queries; totals are computed from the same rows."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch, Q
from django.utils.translation import gettext as _

from egov.documents.choices import (
    AssignmentRole,
    IncomingStatus,
    OutgoingStatus,
    RecipientKind,
    RecipientStatus,
)
from egov.documents.models import (
    Assignment,
    DocumentCopy,
    IncomingDocument,
    OutgoingDocument,
    Recipient,
)
from egov.documents.queries import day_start
from egov.lib.dates import BUSINESS_TZ
from egov.organisations.models import OrgUnit
from egov.records import constants as c
from egov.records.choices import Report
from egov.records.models import CaseFile

Cell = str | int | dt.date | None


@dataclass
class Sheet:
    """A printable table: title, the agency and period it covers, columns, rows, totals."""

    kind: str
    title: str
    unit: OrgUnit
    start: dt.date
    end: dt.date
    columns: list[str]
    rows: list[list[Cell]]
    totals: list[Cell] | None = None
    numeric: set[int] = field(default_factory=set)  # column indexes right-aligned
    landscape: bool = True
    notes: list[str] = field(default_factory=list)

    @property
    def period(self) -> str:
        return _("Từ ngày %(start)s đến ngày %(end)s") % {
            "start": self.start.strftime("%d/%m/%Y"),
            "end": self.end.strftime("%d/%m/%Y"),
        }


def _local(moment: dt.datetime | None) -> dt.date | None:
    return moment.astimezone(BUSINESS_TZ).date() if moment else None


def _between(field_name: str, start: dt.date, end: dt.date) -> Q:
    return Q(
        **{
            f"{field_name}__gte": day_start(start),
            f"{field_name}__lt": day_start(end, days_after=1),
        }
    )


def _type_and_subject(document: Any) -> str:
    return f"{document.document_type.name}: {document.subject}"


def _assignee(assignment: Assignment) -> str:
    if assignment.assignee_user is not None:
        return str(assignment.assignee_user.full_name or assignment.assignee_user.username)
    return assignment.assignee_unit.name if assignment.assignee_unit else ""


def _incoming(
    unit: OrgUnit, start: dt.date, end: dt.date, clearance: int
) -> list[IncomingDocument]:
    assignments = Prefetch(
        "assignments",
        queryset=Assignment.objects.select_related("assignee_user", "assignee_unit").order_by(
            "created_at", "pk"
        ),
    )
    return list(
        IncomingDocument.objects.filter(
            _between("arrived_at", start, end), unit=unit, secrecy__lte=clearance
        )
        .select_related("document_type", "reply")
        .prefetch_related(assignments)
        .order_by("year", "register_id", "arrival_number")[: c.REGISTER_MAX_ROWS]
    )


def incoming_register(unit: OrgUnit, start: dt.date, end: dt.date, *, clearance: int = 0) -> Sheet:
    """Sổ đăng ký văn bản đến (Phụ lục IV): one row per document, by arrival number."""
    rows: list[list[Cell]] = []
    for d in _incoming(unit, start, end, clearance):
        handed = [a for a in d.assignments.all() if a.role != AssignmentRole.INFO]
        receiver = "; ".join(dict.fromkeys(_assignee(a) for a in handed if _assignee(a)))
        rows.append(
            [
                _local(d.arrived_at),
                d.arrival_number,
                d.issuer_name,
                d.number_and_notation,
                d.issued_date,
                _type_and_subject(d),
                receiver or d.to_places,
                _local(handed[0].created_at) if handed else None,
                "",
                d.description,
            ]
        )
    return Sheet(
        kind=Report.INCOMING_REGISTER,
        title=str(Report.INCOMING_REGISTER.label),
        unit=unit,
        start=start,
        end=end,
        columns=[
            _("Ngày đến"),
            _("Số đến"),
            _("Tác giả"),
            _("Số, ký hiệu văn bản"),
            _("Ngày tháng văn bản"),
            _("Tên loại và trích yếu nội dung"),
            _("Đơn vị hoặc người nhận"),
            _("Ngày chuyển"),
            _("Ký nhận"),
            _("Ghi chú"),
        ],
        rows=rows,
        numeric={1},
        notes=[_("Tổng số văn bản đến: %(n)s") % {"n": len(rows)}],
    )


def _issued(unit: OrgUnit, start: dt.date, end: dt.date, clearance: int) -> list[OutgoingDocument]:
    return list(
        OutgoingDocument.objects.filter(
            _between("issued_at", start, end),
            unit=unit,
            number__isnull=False,
            secrecy__lte=clearance,
        )
        .select_related("document_type", "drafting_unit", "drafter")
        .prefetch_related(Prefetch("recipients", queryset=Recipient.objects.order_by("pk")))
        .order_by("year", "register_id", "number")[: c.REGISTER_MAX_ROWS]
    )


def outgoing_register(unit: OrgUnit, start: dt.date, end: dt.date, *, clearance: int = 0) -> Sheet:
    """Sổ đăng ký văn bản đi (Phụ lục IV), by number."""
    rows: list[list[Cell]] = []
    for d in _issued(unit, start, end, clearance):
        recipients = list(d.recipients.all())
        rows.append(
            [
                d.number_and_notation,
                d.issued_date or _local(d.issued_at),
                _type_and_subject(d),
                d.signer_name,
                "; ".join(r.name for r in recipients),
                d.drafting_unit.name,
                len(recipients),
                _local(d.issued_at),
                "",
                d.description,
            ]
        )
    return Sheet(
        kind=Report.OUTGOING_REGISTER,
        title=str(Report.OUTGOING_REGISTER.label),
        unit=unit,
        start=start,
        end=end,
        columns=[
            _("Số, ký hiệu văn bản"),
            _("Ngày tháng văn bản"),
            _("Tên loại và trích yếu nội dung"),
            _("Người ký"),
            _("Nơi nhận văn bản"),
            _("Đơn vị, người nhận bản lưu"),
            _("Số lượng bản"),
            _("Ngày chuyển"),
            _("Ký nhận"),
            _("Ghi chú"),
        ],
        rows=rows,
        numeric={6},
        notes=[_("Tổng số văn bản đi: %(n)s") % {"n": len(rows)}],
    )


def _progress(d: IncomingDocument, today: dt.date) -> tuple[str, str]:
    """(category code, label) of an incoming document's handling against its deadline."""
    due = d.due_date
    done_on = _local(d.done_at)
    if d.status in (IncomingStatus.DONE, IncomingStatus.FILED):
        if due is None or done_on is None or done_on <= due:
            return "done_on_time", _("Đã giải quyết đúng hạn")
        return "done_late", _("Đã giải quyết quá hạn")
    if d.status == IncomingStatus.RECALLED:
        return "recalled", _("Bị thu hồi")
    if due is None:
        return "open_no_due", _("Đang giải quyết, không có hạn")
    if due < today:
        return "open_overdue", _("Đang giải quyết, quá hạn")
    return "open_on_time", _("Đang giải quyết, trong hạn")


def incoming_follow_up(
    unit: OrgUnit,
    start: dt.date,
    end: dt.date,
    *,
    clearance: int = 0,
    today: dt.date | None = None,
) -> Sheet:
    """Sổ theo dõi giải quyết văn bản đến (Phụ lục IV)."""
    today = today or dt.datetime.now(BUSINESS_TZ).date()
    rows: list[list[Cell]] = []
    for d in _incoming(unit, start, end, clearance):
        leads = [a for a in d.assignments.all() if a.role == AssignmentRole.LEAD]
        described = ", ".join(
            part
            for part in (
                d.document_type.name,
                d.number_and_notation,
                d.issued_date.strftime("%d/%m/%Y") if d.issued_date else "",
                d.issuer_name,
            )
            if part
        )
        rows.append(
            [
                d.arrival_number,
                described,
                "; ".join(_assignee(a) for a in leads) or d.to_places,
                d.due_date,
                _progress(d, today)[1],
                d.reply.number_and_notation if d.reply else "",
                d.description,
            ]
        )
    return Sheet(
        kind=Report.INCOMING_FOLLOW_UP,
        title=str(Report.INCOMING_FOLLOW_UP.label),
        unit=unit,
        start=start,
        end=end,
        columns=[
            _("Số đến"),
            _("Tên loại, số và ký hiệu, ngày tháng, cơ quan ban hành"),
            _("Đơn vị hoặc người nhận"),
            _("Thời hạn giải quyết"),
            _("Tiến độ giải quyết"),
            _("Số, ký hiệu văn bản trả lời"),
            _("Ghi chú"),
        ],
        rows=rows,
        numeric={0},
    )


def copy_register(unit: OrgUnit, start: dt.date, end: dt.date, *, clearance: int = 0) -> Sheet:
    """Sổ đăng ký bản sao văn bản: the copy series (sao y, trích sao, sao lục)."""
    copies = (
        DocumentCopy.objects.filter(_between("made_at", start, end), unit=unit)
        .exclude(incoming__secrecy__gt=clearance)
        .exclude(outgoing__secrecy__gt=clearance)
        .select_related("incoming", "outgoing", "made_by")
        .order_by("year", "number")[: c.REGISTER_MAX_ROWS]
    )
    rows: list[list[Cell]] = []
    amount = 0
    for copy in copies:
        source: Any = copy.incoming or copy.outgoing
        rows.append(
            [
                str(copy),
                _local(copy.made_at),
                copy.get_form_display(),
                f"{source.number_and_notation} — {source.subject}",
                copy.amount,
                (copy.made_by.full_name or copy.made_by.username) if copy.made_by else "",
                copy.note,
            ]
        )
        amount += copy.amount
    return Sheet(
        kind=Report.COPY_REGISTER,
        title=str(Report.COPY_REGISTER.label),
        unit=unit,
        start=start,
        end=end,
        columns=[
            _("Số, ký hiệu bản sao"),
            _("Ngày sao"),
            _("Hình thức sao"),
            _("Văn bản được sao"),
            _("Số bản"),
            _("Người sao"),
            _("Ghi chú"),
        ],
        rows=rows,
        totals=[_("Tổng cộng"), "", "", "", amount, "", ""],
        numeric={4},
    )


def postal_register(unit: OrgUnit, start: dt.date, end: dt.date, *, clearance: int = 0) -> Sheet:
    """Sổ gửi văn bản đi bưu điện (Phụ lục IV): recipients sent a paper copy."""
    recipients = (
        Recipient.objects.filter(
            Q(on_paper=True) | Q(kind=RecipientKind.POST),
            document__unit=unit,
            document__number__isnull=False,
            document__secrecy__lte=clearance,
        )
        .filter(_between("document__issued_at", start, end))
        .select_related("document")
        .order_by("document__issued_at", "pk")[: c.REGISTER_MAX_ROWS]
    )
    rows: list[list[Cell]] = [
        [_local(r.document.issued_at), r.document.number_and_notation, r.name, 1, "", ""]
        for r in recipients
    ]
    return Sheet(
        kind=Report.POSTAL_REGISTER,
        title=str(Report.POSTAL_REGISTER.label),
        unit=unit,
        start=start,
        end=end,
        columns=[
            _("Ngày chuyển"),
            _("Số, ký hiệu văn bản"),
            _("Nơi nhận văn bản"),
            _("Số lượng bì"),
            _("Ký nhận và dấu bưu điện"),
            _("Ghi chú"),
        ],
        rows=rows,
        totals=[_("Tổng cộng"), "", "", len(rows), "", ""],
        numeric={3},
    )


INCOMING_CATEGORIES = (
    "done_on_time",
    "done_late",
    "open_on_time",
    "open_overdue",
    "open_no_due",
    "recalled",
)


def incoming_report(
    unit: OrgUnit,
    start: dt.date,
    end: dt.date,
    *,
    clearance: int = 0,
    today: dt.date | None = None,
) -> Sheet:
    """Báo cáo tình hình giải quyết văn bản đến (Phụ lục VI §V), by document type."""
    today = today or dt.datetime.now(BUSINESS_TZ).date()
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for d in _incoming(unit, start, end, clearance):
        counts[d.document_type.name][_progress(d, today)[0]] += 1
    rows: list[list[Cell]] = []
    totals: Counter[str] = Counter()
    for name in sorted(counts):
        row_counts = counts[name]
        totals.update(row_counts)
        rows.append(
            [name, sum(row_counts.values()), *(row_counts[key] for key in INCOMING_CATEGORIES)]
        )
    return Sheet(
        kind=Report.INCOMING_REPORT,
        title=str(Report.INCOMING_REPORT.label),
        unit=unit,
        start=start,
        end=end,
        columns=[
            _("Loại văn bản"),
            _("Tổng số"),
            _("Đã giải quyết đúng hạn"),
            _("Đã giải quyết quá hạn"),
            _("Đang giải quyết trong hạn"),
            _("Đang giải quyết quá hạn"),
            _("Đang giải quyết, không có hạn"),
            _("Bị thu hồi"),
        ],
        rows=rows,
        totals=[
            _("Tổng cộng"),
            sum(totals.values()),
            *(totals[key] for key in INCOMING_CATEGORIES),
        ],
        numeric=set(range(1, 8)),
    )


_ARRIVED = {
    RecipientStatus.RECEIVED,
    RecipientStatus.REGISTERED,
    RecipientStatus.ASSIGNED,
    RecipientStatus.IN_PROGRESS,
    RecipientStatus.DONE,
}


def outgoing_report(unit: OrgUnit, start: dt.date, end: dt.date, *, clearance: int = 0) -> Sheet:
    """Báo cáo tình hình giải quyết văn bản đi (Phụ lục VI §V), by document type: how many
    were issued, sent electronically and on paper, how many recipients received them or
    finished, and how many were recalled or replaced."""
    keys = ("issued", "electronic", "paper", "recipients", "arrived", "done", "recalled")
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for d in _issued(unit, start, end, clearance):
        row = counts[d.document_type.name]
        recipients = list(d.recipients.all())
        row["issued"] += 1
        row["electronic"] += int(d.electronic)
        row["paper"] += int(d.on_paper)
        row["recipients"] += len(recipients)
        row["arrived"] += sum(1 for r in recipients if r.status in _ARRIVED)
        row["done"] += sum(1 for r in recipients if r.status == RecipientStatus.DONE)
        row["recalled"] += int(d.status in (OutgoingStatus.RECALLED, OutgoingStatus.REPLACED))
    rows: list[list[Cell]] = []
    totals: Counter[str] = Counter()
    for name in sorted(counts):
        totals.update(counts[name])
        rows.append([name, *(counts[name][key] for key in keys)])
    return Sheet(
        kind=Report.OUTGOING_REPORT,
        title=str(Report.OUTGOING_REPORT.label),
        unit=unit,
        start=start,
        end=end,
        columns=[
            _("Loại văn bản"),
            _("Số văn bản phát hành"),
            _("Gửi điện tử"),
            _("Gửi bản giấy"),
            _("Số nơi nhận"),
            _("Nơi nhận đã nhận"),
            _("Nơi nhận đã giải quyết xong"),
            _("Bị thu hồi, thay thế"),
        ],
        rows=rows,
        totals=[_("Tổng cộng"), *(totals[key] for key in keys)],
        numeric=set(range(1, 8)),
    )


def file_index(unit: OrgUnit, start: dt.date, end: dt.date, *, clearance: int = 0) -> Sheet:
    """Mục lục hồ sơ (Phụ lục VI §V): the files opened in the period, by code."""
    from django.db.models import Count

    files = (
        CaseFile.objects.filter(_between("opened_at", start, end), unit=unit)
        .select_related("owner")
        .annotate(documents=Count("items"))
        .order_by("year", "code")
    )
    rows: list[list[Cell]] = []
    total = 0
    for f in files:
        rows.append(
            [
                f.code,
                f.title,
                _local(f.opened_at),
                _local(f.closed_at),
                f.retention,
                f.documents,
                f.owner.full_name or f.owner.username,
                f.get_status_display(),
            ]
        )
        total += f.documents
    return Sheet(
        kind=Report.FILE_INDEX,
        title=str(Report.FILE_INDEX.label),
        unit=unit,
        start=start,
        end=end,
        columns=[
            _("Số và ký hiệu hồ sơ"),
            _("Tiêu đề hồ sơ"),
            _("Ngày bắt đầu"),
            _("Ngày kết thúc"),
            _("Thời hạn bảo quản"),
            _("Số văn bản"),
            _("Người lập hồ sơ"),
            _("Trạng thái"),
        ],
        rows=rows,
        totals=[_("Tổng cộng"), "", "", "", "", total, "", ""],
        numeric={5},
    )


def _copy_use_register(unit: OrgUnit, start: dt.date, end: dt.date, *, clearance: int = 0) -> Sheet:
    from egov.records.reports_loans import copy_use_register  # it imports Sheet from here

    return copy_use_register(unit, start, end, clearance=clearance)


BUILDERS: dict[str, Callable[..., Sheet]] = {
    Report.INCOMING_REGISTER: incoming_register,
    Report.OUTGOING_REGISTER: outgoing_register,
    Report.INCOMING_FOLLOW_UP: incoming_follow_up,
    Report.COPY_REGISTER: copy_register,
    Report.POSTAL_REGISTER: postal_register,
    Report.INCOMING_REPORT: incoming_report,
    Report.OUTGOING_REPORT: outgoing_report,
    Report.FILE_INDEX: file_index,
    Report.COPY_USE_REGISTER: _copy_use_register,
}


def build(kind: str, unit: OrgUnit, start: dt.date, end: dt.date, *, clearance: int = 0) -> Sheet:
    """The ``kind`` table; secret documents only up to the printing user's ``clearance`` at
    ``unit`` (a secret document stays in its scope, on paper too)."""
    return BUILDERS[kind](unit, start, end, clearance=clearance)
