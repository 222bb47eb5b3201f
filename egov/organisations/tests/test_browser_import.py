"""Importing staff in real Chromium: an administrator passes the TOTP step, fills in the
downloaded template, sees the row-by-row report of a file with one bad row (nothing written),
fixes the row and imports; axe-core on the import page and on each report."""

import io
from pathlib import Path

import openpyxl
import pytest

from egov.lib.testing.browser import assert_accessible, give_totp_device, log_in
from egov.organisations.models import Person
from egov.organisations.testing import PERSONA_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FILE_LABEL = "Tệp dữ liệu (.xlsx hoặc .csv)"


def _download_template(page):
    with page.expect_download() as download:
        page.get_by_role("link", name="Tệp mẫu nhập cán bộ (.xlsx)").click()
    return Path(download.value.path()).read_bytes()


def _filled_in(template: bytes, rows: list[dict[str, str]]) -> bytes:
    """The template with its example row replaced by ``rows`` (keyed by column header)."""
    workbook = openpyxl.load_workbook(io.BytesIO(template))
    sheet = workbook.worksheets[0]
    headers = [cell.value for cell in sheet[1]]
    sheet.delete_rows(2, sheet.max_row)
    for row in rows:
        unknown = set(row) - set(headers)
        assert not unknown, f"not a template column: {unknown}"
        sheet.append([row.get(header, "") for header in headers])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _upload(page, name: str, content: bytes) -> None:
    page.get_by_label("Cán bộ", exact=True).check()
    page.get_by_label(FILE_LABEL).set_input_files(
        {"name": name, "mimeType": XLSX, "buffer": content}
    )
    page.get_by_role("button", name="Nhập dữ liệu").click()
    page.wait_for_load_state("networkidle")


def _staff_row(name: str, email: str, unit: str, code: str) -> dict[str, str]:
    return {
        "Họ và tên": name,
        "Mã cán bộ": code,
        "Thư điện tử": email,
        "Đơn vị": unit,
        "Chức danh": "Chuyên viên",
        "Ngày bắt đầu": "01/07/2025",
    }


def test_a_unit_administrator_fixes_an_unknown_unit_code_then_imports(page, world):
    give_totp_device(world.unit_admin)
    log_in(page, "unitadmin", PERSONA_PASSWORD)
    page.goto("/org/import/")
    assert page.get_by_role("heading", level=1).inner_text() == "Nhập, xuất dữ liệu"
    assert_accessible(page)

    template = _download_template(page)
    good = _staff_row("Trần Văn Bình", "binh.tv@angiang.gov.vn", "000.00.02.H01", "CB2025001")
    bad = _staff_row("Lê Thị Cúc", "cuc.lt@angiang.gov.vn", "000.00.99.H01", "CB2025002")
    people_before = Person.objects.count()

    _upload(page, "can-bo-thang-7.xlsx", _filled_in(template, [good, bad]))

    summary = page.get_by_role("alert")
    assert "Tệp “can-bo-thang-7.xlsx” có 1 lỗi ở 1 dòng. Chưa ghi dữ liệu nào" in (
        summary.inner_text()
    )
    reason = (
        "Không tìm thấy đơn vị đang hoạt động “000.00.99.H01” (tìm theo mã định danh, tên "
        "chính xác hoặc số hiệu)."
    )
    assert summary.get_by_role("link").inner_text() == f"Dòng 3, cột “Đơn vị”: {reason}"
    cells = page.locator("#import-error-1 td").all_inner_texts()
    assert cells == ["3", "Đơn vị", "000.00.99.H01", reason]
    assert_accessible(page)
    assert Person.objects.count() == people_before
    assert not Person.objects.filter(email__in=[good["Thư điện tử"], bad["Thư điện tử"]]).exists()

    bad["Đơn vị"] = "Sở Nội vụ"
    _upload(page, "can-bo-thang-7.xlsx", _filled_in(template, [good, bad]))

    done = page.get_by_role("status")
    assert "Đã nhập xong tệp “can-bo-thang-7.xlsx”" in done.inner_text()
    assert "2 dòng: 2 tạo mới, 0 cập nhật, 0 không thay đổi." in done.inner_text()
    assert page.get_by_role("alert").count() == 0
    assert_accessible(page)
    created = Person.objects.filter(staff_code__in=["CB2025001", "CB2025002"])
    assert {(p.full_name, p.unit_id) for p in created} == {
        ("Trần Văn Bình", world.home_affairs.pk),
        ("Lê Thị Cúc", world.home_affairs.pk),
    }


def test_a_system_administrator_sees_a_duplicated_email_named_on_its_row(page, world):
    give_totp_device(world.admin)
    log_in(page, "admin", PERSONA_PASSWORD)
    page.goto("/org/import/")
    template = _download_template(page)
    rows = [
        _staff_row("Ngô Văn An", "an.nv@angiang.gov.vn", "000.00.03.H01", "CB2025010"),
        _staff_row("Ngô Thị An", "an.nv@angiang.gov.vn", "000.00.03.H01", "CB2025011"),
    ]
    people_before = Person.objects.count()

    _upload(page, "trung-email.xlsx", _filled_in(template, rows))

    link = page.get_by_role("alert").get_by_role("link")
    assert link.inner_text() == (
        "Dòng 3, cột “Thư điện tử”: “an.nv@angiang.gov.vn” đã có ở dòng 2 của tệp."
    )
    assert_accessible(page)
    assert Person.objects.count() == people_before

    rows[1]["Thư điện tử"] = "an.nt@angiang.gov.vn"
    _upload(page, "trung-email.xlsx", _filled_in(template, rows))
    assert "2 dòng: 2 tạo mới" in page.get_by_role("status").inner_text()
    assert_accessible(page)
    assert Person.objects.filter(unit=world.finance).count() == 3
