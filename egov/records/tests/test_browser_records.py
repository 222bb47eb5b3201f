"""A clerk's case file in real Chromium: open a file, find and add two documents, see the
file named on a document's page, close the file, export it as PDF, then print the incoming
register. axe-core runs on every page; on a 375px-wide phone nothing scrolls sideways."""

import io

import pytest
from pypdf import PdfReader

from egov.lib.testing.browser import assert_accessible, log_in
from egov.organisations.testing import PERSONA_PASSWORD
from egov.records.choices import FileStatus
from egov.records.models import CaseFile
from egov.records.testing import received

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 800}
DESKTOP = {"width": 1280, "height": 900}


def check_page(page):
    assert_accessible(page)
    page.set_viewport_size(PHONE)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px at 375px"
    page.set_viewport_size(DESKTOP)


def click(page, role, name, scope=None):
    (scope or page).get_by_role(role, name=name, exact=True).first.click()
    page.wait_for_load_state("networkidle")


def test_a_clerk_files_documents_closes_the_file_exports_it_and_prints_the_register(page, office):
    received(office, "Về việc tổ chức hội nghị cán bộ, công chức năm 2026", text="Hoi nghi CBCC")
    received(office, "Kế hoạch tổ chức hội nghị tổng kết", text="Tong ket")
    received(office, "Về việc tuyển dụng viên chức", text="Tuyen dung")
    page.set_viewport_size(DESKTOP)
    log_in(page, "clerk", PERSONA_PASSWORD)

    click(page, "link", "Hồ sơ công việc")
    check_page(page)
    click(page, "link", "Mở hồ sơ mới")
    check_page(page)
    click(page, "button", "Mở hồ sơ")  # empty: refused with the error summary
    assert "Hãy nhập số và ký hiệu hồ sơ." in page.locator(".error-summary").inner_text()
    check_page(page)
    page.get_by_label("Số và ký hiệu hồ sơ").fill("02.VP")
    page.get_by_label("Tiêu đề hồ sơ").fill("Hồ sơ hội nghị cán bộ, công chức năm 2026")
    page.get_by_label("Thời hạn bảo quản (năm)").fill("10")
    click(page, "button", "Mở hồ sơ")
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Hồ sơ hội nghị cán bộ, công chức năm 2026"
    )
    check_page(page)

    # The details corrected: an emptied title refused on the form, then saved.
    click(page, "link", "Sửa thông tin hồ sơ")
    check_page(page)
    page.get_by_label("Tiêu đề hồ sơ").fill("")
    click(page, "button", "Lưu thông tin hồ sơ")
    assert "Hãy nhập tiêu đề hồ sơ." in page.locator(".error-summary").inner_text()
    check_page(page)
    page.get_by_label("Tiêu đề hồ sơ").fill("Hồ sơ hội nghị cán bộ, công chức năm 2026")
    page.get_by_label("Thời hạn bảo quản (năm)").fill("20")
    click(page, "button", "Lưu thông tin hồ sơ")
    assert "Đã lưu thông tin hồ sơ 02.VP." in page.get_by_role("status").inner_text()
    assert "20 năm" in page.locator(".facts").inner_text()

    page.get_by_label("Tìm theo số, ký hiệu hoặc trích yếu").fill("hội nghị")
    click(page, "button", "Tìm")
    check_page(page)
    assert page.locator(".candidates li").count() == 2
    page.locator(".candidates li").first.get_by_role("button").click()
    page.wait_for_load_state("networkidle")
    page.get_by_label("Tìm theo số, ký hiệu hoặc trích yếu").fill("hội nghị")
    click(page, "button", "Tìm")
    page.locator(".candidates li").first.get_by_role("button").click()
    page.wait_for_load_state("networkidle")
    rows = page.locator("section[aria-labelledby='toc-title'] tbody tr")
    assert rows.count() == 2
    check_page(page)

    # The document's own page names the file it sits in.
    rows.first.get_by_role("link").click()
    page.wait_for_load_state("networkidle")
    panel = page.locator("#case-files")
    assert "02.VP — Hồ sơ hội nghị cán bộ, công chức năm 2026" in panel.inner_text()
    check_page(page)
    panel.get_by_role("link").first.click()
    page.wait_for_load_state("networkidle")

    click(page, "button", "Kết thúc hồ sơ")
    assert "Đã kết thúc" in page.locator("#file-status").inner_text()
    check_page(page)
    case_file = CaseFile.objects.get(code="02.VP")
    assert case_file.status == FileStatus.CLOSED and case_file.items.count() == 2

    with page.expect_download() as download:
        page.get_by_role("link", name="Xuất hồ sơ (PDF)").click()
    reader = PdfReader(io.BytesIO(download.value.path().read_bytes()))
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "Hoi nghi CBCC" in text and "Tong ket" in text and "Tuyen dung" not in text
    assert "In bởi Phạm Thị Thư" in text

    click(page, "link", "Sổ và báo cáo")
    check_page(page)
    page.get_by_label("Sổ, báo cáo").select_option(label="Sổ đăng ký văn bản đến")
    with page.expect_download() as download:
        click(page, "button", "Tải về")
    register = PdfReader(io.BytesIO(download.value.path().read_bytes()))
    text = " ".join(" ".join(p.extract_text().split()) for p in register.pages)
    assert "Về việc tuyển dụng viên chức" in text
    assert "Tổng số văn bản đến: 3" in text
