"""Importing the annual file plan from a spreadsheet: all or nothing, with a report per row."""

import io

import openpyxl
import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from egov.audit.models import AuditEvent
from egov.lib.errors import ActionError
from egov.records.actions.plans import import_file_plan, parse_retention
from egov.records.models import FilePlan, FilePlanEntry

pytestmark = pytest.mark.django_db

HEADERS = ["Đề mục", "Số và ký hiệu hồ sơ", "Tiêu đề hồ sơ", "Thời hạn bảo quản", "Ghi chú"]


def workbook(rows, headers=HEADERS):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


GOOD = [
    ["I. Tổ chức cán bộ", "01.TCCB", "Hồ sơ tuyển dụng công chức năm 2026", "Vĩnh viễn", ""],
    ["I. Tổ chức cán bộ", "02.TCCB", "Hồ sơ nâng lương", "20 năm", ""],
    ["II. Hành chính", "01.HC", "Sổ đăng ký văn bản đến", 10, "Lưu tại văn thư"],
]


def run(office, content, actor=None, year=2026):
    return import_file_plan(
        actor=actor or office.clerk,
        unit=office.home_affairs,
        year=year,
        content=content,
        filename="danh-muc.xlsx",
    )


def test_a_clean_plan_is_imported_with_its_retentions(office):
    report = run(office, workbook(GOOD))
    assert report.ok and report.created == 3
    entries = {e.code: e for e in FilePlanEntry.objects.filter(plan__unit=office.home_affairs)}
    assert entries["01.TCCB"].retention_years is None
    assert entries["01.TCCB"].retention == "Vĩnh viễn"
    assert entries["02.TCCB"].retention_years == 20
    assert entries["01.HC"].retention_years == 10
    assert entries["01.HC"].heading == "II. Hành chính"
    assert AuditEvent.objects.filter(action="records.plan.import").count() == 1


def test_duplicate_codes_refuse_the_whole_file_with_each_row_named(office):
    rows = [*GOOD, ["", "02.tccb", "Hồ sơ khác", "5 năm", ""], ["", "", "Không mã", "x", ""]]
    report = run(office, workbook(rows))
    assert not report.ok
    assert report.created == 0
    assert not FilePlan.objects.exists() and not FilePlanEntry.objects.exists()
    problems = [(p.row, p.code) for p in report.problems]
    assert (5, "duplicate_code") in problems
    assert (6, "code_required") in problems
    assert (6, "retention_invalid") in problems
    duplicate = next(p for p in report.problems if p.code == "duplicate_code")
    assert duplicate.message == "số và ký hiệu “02.tccb” trùng với dòng 3"


def test_a_code_already_in_the_plan_is_refused_on_a_second_import(office):
    run(office, workbook(GOOD))
    report = run(office, workbook([["", "01.HC", "Trùng", "Vĩnh viễn", ""]]))
    assert [p.code for p in report.problems] == ["code_in_plan"]
    assert FilePlanEntry.objects.count() == 3


def test_a_file_without_the_required_columns_is_refused(office):
    with pytest.raises(ActionError) as error:
        run(office, workbook([["01", "Hồ sơ"]], headers=["Mã", "Tên"]))
    assert error.value.code == "missing_columns"


def test_only_the_agencys_clerk_or_leader_imports(office):
    for user in (office.specialist, office.outsider, office.commune_clerk):
        with pytest.raises(PermissionDenied):
            run(office, workbook(GOOD), actor=user)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Vĩnh viễn", (True, None)),
        ("VV", (True, None)),
        ("70 năm", (True, 70)),
        (5, (True, 5)),
        ("0", (False, 0)),
        ("mãi mãi", (False, None)),
        (2.5, (False, 2)),
    ],
)
def test_retention_is_read_in_years_or_as_permanent(value, expected):
    assert parse_retention(value) == expected


def test_the_clerk_imports_from_the_page_and_sees_the_report(client_for, office):
    client = client_for(office.clerk)
    url = reverse("records:plan")
    bad = [*GOOD, ["", "01.TCCB", "Lặp", "10", ""]]
    response = client.post(
        url,
        {
            "unit": office.home_affairs.pk,
            "year": 2026,
            "file": SimpleUploadedFile("dm.xlsx", workbook(bad)),
        },
    )
    page = response.content.decode()
    assert "Danh mục chưa được nhập: 1 lỗi cần sửa trong tệp" in page
    assert "trùng với dòng 2" in page
    assert not FilePlanEntry.objects.exists()
    response = client.post(
        url,
        {
            "unit": office.home_affairs.pk,
            "year": 2026,
            "file": SimpleUploadedFile("dm.xlsx", workbook(GOOD)),
        },
    )
    page = response.content.decode()
    assert "Đã nhập 3 hồ sơ vào danh mục." in page
    assert "Hồ sơ tuyển dụng công chức năm 2026" in page
    assert client_for(office.specialist).get(url).status_code == 403
