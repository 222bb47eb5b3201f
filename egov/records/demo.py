"""Records demo data for the Department of Home Affairs (Sở Nội vụ): this year's file plan
(imported from a spreadsheet, as the clerk would), and case files opened from it holding the
e-office demo's documents: two open, one closed and waiting for its hand-over, one document
sitting in two files. Everything goes through the actions, as the demo users would do it;
it runs after the e-office demo (whose documents it files)."""

from __future__ import annotations

import io
from typing import Any

import openpyxl
from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from egov.documents.models import IncomingDocument, OutgoingDocument
from egov.lib.dates import local_today
from egov.organisations.models import OrgUnit
from egov.records.actions import files
from egov.records.actions.plans import import_file_plan
from egov.records.models import CaseFile, FilePlanEntry

MARKER_CODE = "01.TCCB"

#: (heading, code, title, retention) of the plan: "Vĩnh viễn" is permanent.
PLAN = [
    ("I. Tổ chức cán bộ", MARKER_CODE, "Hồ sơ tuyển dụng công chức năm {year}", "Vĩnh viễn"),
    ("I. Tổ chức cán bộ", "02.TCCB", "Hồ sơ đào tạo, bồi dưỡng cán bộ, công chức", "20 năm"),
    ("II. Cải cách hành chính", "01.CCHC", "Hồ sơ cải cách hành chính năm {year}", "20 năm"),
    ("III. Chuyển đổi số", "01.CĐS", "Hồ sơ triển khai hệ thống quản lý văn bản", "10 năm"),
    ("IV. Hành chính, văn thư", "01.VT", "Sổ đăng ký văn bản đến năm {year}", "20 năm"),
]
#: (plan code, owner, documents whose subject contains one of these, close it)
FILES = [
    (MARKER_CODE, "chuyenvien.snv", ("tuyển dụng", "đào tạo, bồi dưỡng"), False),
    ("01.CCHC", "chuyenvien.snv", ("cải cách hành chính", "hệ thống quản lý văn bản"), True),
    ("01.CĐS", "vanthu.snv", ("hệ thống quản lý văn bản", "chuyển đổi số"), False),
]


def loaded() -> bool:
    return CaseFile.objects.filter(code=MARKER_CODE, unit__abbreviation="SNV").exists()


def _plan_workbook(year: int) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None  # noqa: S101 - a new workbook has its sheet
    sheet.append(["Đề mục", "Số và ký hiệu hồ sơ", "Tiêu đề hồ sơ", "Thời hạn bảo quản"])
    for heading, code, title, retention in PLAN:
        sheet.append([heading, code, title.format(year=year), retention])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _matching(documents: QuerySet[Any], unit: OrgUnit, words: tuple[str, ...]) -> list[Any]:
    found = []
    for document in documents.filter(unit=unit).order_by("pk"):
        if any(word.casefold() in document.subject.casefold() for word in words):
            found.append(document)
    return found


def load(stdout: Any) -> None:
    users = get_user_model().objects
    clerk = users.filter(username="vanthu.snv").first()
    snv = OrgUnit.objects.current().filter(abbreviation="SNV", kind="agency").first()
    if clerk is None or snv is None:
        return
    year = local_today().year
    report = import_file_plan(
        actor=clerk,
        unit=snv,
        year=year,
        content=_plan_workbook(year),
        filename="danh-muc-ho-so.xlsx",
    )
    if report.problems:  # an earlier partial plan: files still come from what is there
        stdout.write(f"  records: plan not imported ({len(report.problems)} problems)")
    entries = {e.code: e for e in FilePlanEntry.objects.filter(plan__unit=snv, plan__year=year)}
    opened = closed = filed = 0
    for code, owner_name, words, close in FILES:
        entry = entries.get(code)
        owner = users.filter(username=owner_name).first()
        if entry is None or owner is None:
            continue
        case_file = files.open_case_file(
            actor=clerk,
            unit=snv,
            code=entry.code,
            title=entry.title,
            owner=owner,
            retention_years=entry.retention_years,
            year=year,
            plan_entry=entry,
        )
        opened += 1
        for document in _matching(IncomingDocument.objects.all(), snv, words):
            files.add_document(actor=clerk, case_file=case_file, incoming=document)
            filed += 1
        issued = OutgoingDocument.objects.filter(number__isnull=False)
        for document in _matching(issued, snv, words):
            files.add_document(actor=clerk, case_file=case_file, outgoing=document)
            filed += 1
        if close and case_file.items.exists():
            files.close_case_file(actor=clerk, case_file=case_file, note="Công việc đã xong.")
            closed += 1
    stdout.write(
        f"  records: file plan {year} ({len(entries)} entries), {opened} case files "
        f"({closed} closed), {filed} documents filed in Sở Nội vụ"
    )
