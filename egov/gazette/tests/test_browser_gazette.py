"""The gazette in real Chromium: an official enters a decision amending an earlier one
(refused once for an expiry before its effect), attaches the signed PDF, records the
relation and publishes; a citizen searches without diacritics, opens the decision, sees the
relation both ways and the status in force, and checks the status on an earlier day.
axe-core runs on every page; on a 375px-wide phone nothing scrolls sideways."""

import datetime as dt

import pytest

from egov.documents.testing import make_pdf
from egov.gazette.choices import DocState
from egov.gazette.models import LegalDocument
from egov.gazette.testing import build_gazette, make_document
from egov.lib.testing.browser import assert_accessible, log_in
from egov.organisations.testing import PERSONA_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 800}
DESKTOP = {"width": 1280, "height": 900}


def check_page(page):
    assert_accessible(page)
    page.set_viewport_size(PHONE)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px at 375px"
    page.set_viewport_size(DESKTOP)


def click(page, role, name):
    page.get_by_role(role, name=name, exact=True).first.click()
    page.wait_for_load_state("networkidle")


def test_an_official_publishes_an_amendment_and_a_citizen_finds_it_in_force(page, world, tmp_path):
    gazette = build_gazette(world)
    original = make_document(
        world.province,
        number=25,
        year=2024,
        title="Quy định về quản lý chất thải rắn sinh hoạt trên địa bàn tỉnh",
        issue_date=dt.date(2024, 6, 20),
        effective_date=dt.date(2024, 7, 1),
    )
    pdf = tmp_path / "qd-18-2025.pdf"
    pdf.write_bytes(make_pdf("Quyet dinh sua doi quy dinh chat thai ran", 2))
    page.set_viewport_size(DESKTOP)

    log_in(page, gazette.editor.username, PERSONA_PASSWORD)
    click(page, "link", "Công báo")
    check_page(page)
    click(page, "link", "Nhập văn bản mới")
    check_page(page)
    page.get_by_label("Loại văn bản").select_option("qd_ubnd_tinh")
    page.get_by_label("Số ký hiệu").fill("18/2025/QĐ-UBND")
    page.get_by_label("Trích yếu").fill(
        "Sửa đổi, bổ sung một số điều của Quy định về quản lý chất thải rắn sinh hoạt"
    )
    page.get_by_label("Ngày ban hành").fill("2025-09-05")
    page.get_by_label("Ngày có hiệu lực").fill("2025-09-20")
    page.get_by_label("Ngày hết hiệu lực").fill("2025-09-01")
    page.get_by_label("Chức danh người ký").fill("Phó Chủ tịch")
    page.get_by_label("Người ký", exact=True).fill("Trần Anh Thư")
    page.get_by_label("Tài nguyên, môi trường").check()
    page.get_by_label("Toàn văn").fill("Điều 1. Sửa đổi Điều 5 về phân loại rác tại nguồn.")
    click(page, "button", "Lưu văn bản")
    summary = page.locator(".error-summary")
    assert "Ngày hết hiệu lực (01/09/2025) phải sau ngày có hiệu lực (20/09/2025)." in (
        summary.inner_text()
    )
    check_page(page)
    page.get_by_label("Ngày hết hiệu lực").fill("")
    click(page, "button", "Lưu văn bản")
    assert page.get_by_role("heading", level=1).inner_text().startswith("18/2025/QĐ-UBND")
    check_page(page)

    page.get_by_label("Văn bản gốc (PDF có chữ ký số)").set_input_files(str(pdf))
    click(page, "button", "Tải lên")
    assert "Tệp không có chữ ký số." in page.locator(".gz-signature").inner_text()
    page.get_by_label("Quan hệ", exact=True).select_option("amends")
    page.get_by_label("Văn bản liên quan (số ký hiệu)").fill("25/2024/qd-ubnd")
    click(page, "button", "Ghi quan hệ")
    click(page, "button", "Đăng văn bản")
    check_page(page)
    amendment = LegalDocument.objects.get(code="18/2025/QĐ-UBND")
    assert amendment.state == DocState.PUBLISHED

    # A citizen, not signed in.
    page.context.clear_cookies()
    page.goto("/cong-bao/")
    check_page(page)
    page.get_by_label("Từ khóa hoặc số ký hiệu").fill("sua doi chat thai ran")
    click(page, "button", "Tìm")
    check_page(page)
    click(page, "link", "18/2025/QĐ-UBND")
    assert "Còn hiệu lực" in page.locator(".gz-document__status").inner_text()
    graph = page.locator(".gz-graph").inner_text()
    assert "sửa đổi, bổ sung" in graph and "25/2024/QĐ-UBND" in graph
    check_page(page)
    click(page, "link", "25/2024/QĐ-UBND")
    assert "Hết hiệu lực một phần" in page.locator(".gz-document__status").inner_text()
    assert "Bị sửa đổi, bổ sung bởi" in page.locator(".gz-graph").inner_text()
    page.get_by_label("Xem tình trạng tại ngày").fill("2025-09-19")
    click(page, "button", "Xem")
    assert "Còn hiệu lực" in page.locator(".gz-document__status").inner_text()
    check_page(page)
    assert original.pk in LegalDocument.objects.filter(state=DocState.PUBLISHED).values_list(
        "pk", flat=True
    )
    click(page, "link", "Các số công báo")
    check_page(page)
