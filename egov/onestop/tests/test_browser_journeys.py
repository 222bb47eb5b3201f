"""The main one-stop journeys in real Chromium, axe-core on every page and no sideways
scrolling on a 375px phone: a visitor without an account verifies an e-mail address, files
online and follows the dossier; an officer receives at the counter, prints the receipt,
hands the dossier over through the steps and returns the result."""

import re

import pytest
from django.core import mail

from egov.lib.testing.browser import assert_accessible, log_in
from egov.onestop.choices import Status
from egov.onestop.models import Dossier
from egov.onestop.testing import PDF_BYTES, make_procedure
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


def test_a_visitor_files_online_with_a_verified_email_and_looks_up_the_status(
    page, world, settings
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    procedure = make_procedure(world)
    page.set_viewport_size(DESKTOP)
    page.goto("/dichvucong/")
    check_page(page)
    click(page, "link", procedure.name)
    check_page(page)
    click(page, "link", "Nộp hồ sơ trực tuyến")
    # Not logged in: the e-mail address first.
    check_page(page)
    click(page, "button", "Gửi mã xác minh")
    assert "Nhập địa chỉ thư điện tử." in page.locator(".error-summary").inner_text()
    check_page(page)
    page.get_by_label("Địa chỉ thư điện tử").fill("khach@example.com")
    click(page, "button", "Gửi mã xác minh")
    found = re.search(r"\b(\d{6})\b", str(mail.outbox[-1].body))
    assert found is not None
    check_page(page)
    page.get_by_label("Mã xác minh (6 chữ số)").fill(found.group(1))
    click(page, "button", "Xác minh")
    # The form built from the procedure: a missing required file is named in the summary.
    page.get_by_label("Họ và tên (hoặc tên tổ chức)").fill("Võ Văn Khách")
    click(page, "button", "Gửi hồ sơ")
    assert "Chọn tệp “Đơn đề nghị”." in page.locator(".error-summary").inner_text()
    check_page(page)
    page.get_by_label("Đơn đề nghị", exact=True).set_input_files(
        files=[{"name": "don.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES}]
    )
    click(page, "button", "Gửi hồ sơ")
    dossier = Dossier.objects.get()
    assert dossier.status == Status.NEW
    assert dossier.code in page.locator("h1").inner_text()
    assert "Mới đăng ký" in page.locator(".timeline").inner_text()
    check_page(page)
    # Anyone with the code sees the status, not the name in full.
    page.goto("/dichvucong/tra-cuu/")
    check_page(page)
    page.get_by_label("Mã hồ sơ").fill(dossier.code)
    click(page, "button", "Tra cứu")
    assert "Võ V. K." in page.content() and "Võ Văn Khách" not in page.content()
    assert "Rút hồ sơ" not in page.content()


def test_an_officer_receives_prints_hands_over_and_returns_the_result(page, world, live_server):
    make_procedure(world)
    page.set_viewport_size(DESKTOP)
    log_in(page, "clerk", PERSONA_PASSWORD)
    page.goto("/onestop/")
    check_page(page)
    click(page, "link", "Tiếp nhận hồ sơ tại quầy")
    check_page(page)
    click(page, "link", "tiếp nhận tại Sở Nội vụ")
    check_page(page)
    page.get_by_label("Họ và tên (hoặc tên tổ chức)").fill("Lê Thị Bé")
    page.get_by_label("Đơn đề nghị", exact=True).set_input_files(
        files=[{"name": "don.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES}]
    )
    click(page, "button", "Tiếp nhận và cấp mã hồ sơ")
    dossier = Dossier.objects.get()
    assert dossier.code in page.locator("h1").inner_text()
    check_page(page)
    receipt = page.request.get(f"{live_server.url}/onestop/ho-so/{dossier.pk}/mau-1.pdf")
    assert receipt.headers["content-type"] == "application/pdf"
    assert receipt.body().startswith(b"%PDF")
    click(page, "button", "Hoàn thành bước và chuyển tiếp")
    assert "Đang xử lý" in page.locator(".facts").inner_text()
    # The division's specialist and the department's leader do their steps.
    for username in ("specialist", "leader"):
        page.context.clear_cookies()
        log_in(page, username, PERSONA_PASSWORD)
        page.goto("/onestop/")
        click(page, "link", dossier.code)
        check_page(page)
        click(page, "button", "Hoàn thành bước và chuyển tiếp")
    dossier.refresh_from_db()
    assert dossier.status == Status.DONE
    page.context.clear_cookies()
    log_in(page, "clerk", PERSONA_PASSWORD)
    page.goto(f"/onestop/ho-so/{dossier.pk}/")
    click(page, "button", "Trả kết quả")
    dossier.refresh_from_db()
    assert dossier.status == Status.RETURNED
    assert "Đã trả kết quả" in page.locator(".facts").inner_text()
    check_page(page)
    # The desk's other pages: the tracking book, the figures, the catalogue.
    for path, heading in (
        ("/onestop/so-theo-doi/", "Sổ theo dõi hồ sơ (Mẫu 06)"),
        ("/onestop/thong-ke/", "Thống kê giải quyết hồ sơ"),
        ("/onestop/thu-tuc/", "Danh mục thủ tục hành chính"),
    ):
        page.goto(path)
        page.wait_for_load_state("networkidle")
        assert page.locator("h1").inner_text() == heading
        check_page(page)
    assert dossier.code in page.goto("/onestop/so-theo-doi/").text()
