"""The accounts journeys in real Chromium, with axe-core on every page."""

import re

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from egov.accounts.tests.helpers import code_for
from egov.lib.testing.browser import assert_accessible, log_in
from egov.organisations.testing import PERSONA_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_administrator_enrols_an_app_then_creates_an_api_token(page, world):
    page.goto("/accounts/login/")
    assert_accessible(page)
    log_in(page, "admin", "Sai-mat-khau-123")
    assert page.get_by_role("alert").is_visible()
    assert_accessible(page)

    log_in(page, "admin", PERSONA_PASSWORD)
    assert page.get_by_role("heading", level=1).inner_text() == "Bật xác thực hai lớp"
    assert_accessible(page)
    page.get_by_label("Mã xác thực gồm 6 chữ số").fill("000000")
    page.get_by_role("button", name="Xác nhận và bật").click()
    assert "Mã xác thực không đúng" in page.get_by_role("alert").inner_text()
    assert_accessible(page)

    device = TOTPDevice.objects.get(user=world.admin, confirmed=False)
    page.wait_for_timeout(1100)  # the app throttles for a second after a wrong code
    page.get_by_label("Mã xác thực gồm 6 chữ số").fill(code_for(device))
    page.get_by_role("button", name="Xác nhận và bật").click()
    assert page.url.endswith("/")
    assert "Đã bật xác thực hai lớp" in page.get_by_role("status").inner_text()

    page.get_by_role("link", name="Khóa API").click()
    assert_accessible(page)
    page.get_by_label("Tên gợi nhớ").fill("Đồng bộ danh bạ")
    page.get_by_role("button", name="Tạo khóa API").click()
    token = page.get_by_label("Khóa API mới").input_value()
    assert re.fullmatch(r"[A-Za-z0-9_-]{43}", token)
    assert_accessible(page)
    page.get_by_role("button", name="Thu hồi khóa “Đồng bộ danh bạ”").click()
    assert page.get_by_text("Đã thu hồi").first.is_visible()
    assert_accessible(page)


def test_a_specialist_changes_the_password_after_one_weak_try(page, world):
    log_in(page, "specialist", PERSONA_PASSWORD)
    page.get_by_role("link", name="Đổi mật khẩu").click()
    assert_accessible(page)
    page.get_by_label("Mật khẩu hiện tại").fill(PERSONA_PASSWORD)
    page.get_by_label("Mật khẩu mới", exact=True).fill("ngan")
    page.get_by_label("Nhập lại mật khẩu mới").fill("ngan")
    page.get_by_role("button", name="Đổi mật khẩu").click()
    summary = page.get_by_role("alert")
    assert "Mật khẩu quá ngắn" in summary.inner_text()
    assert_accessible(page)
    summary.get_by_role("link").first.click()
    assert page.evaluate("document.activeElement.id") == "id_new_password1"


def test_the_forgotten_password_and_lockout_pages_are_accessible(page, world):
    page.goto("/accounts/password-reset/")
    assert_accessible(page)
    page.get_by_label("Địa chỉ e-mail của tài khoản").fill("khong-dung")
    page.get_by_role("button", name="Gửi đường dẫn đặt lại mật khẩu").click()
    page.wait_for_load_state("networkidle")  # axe on a page still navigating finds no document
    assert_accessible(page)
    page.get_by_label("Địa chỉ e-mail của tài khoản").fill("clerk@angiang.gov.vn")
    page.get_by_role("button", name="Gửi đường dẫn đặt lại mật khẩu").click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_role("heading", level=1).inner_text() == "Hãy kiểm tra hộp thư"
    assert_accessible(page)
    for _ in range(6):
        log_in(page, "clerk", "Sai-mat-khau-123")
    assert page.get_by_role("heading", level=1).inner_text() == "Tạm khóa đăng nhập"
    assert_accessible(page)
