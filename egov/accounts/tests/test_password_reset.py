"""Resetting a forgotten password through a link e-mailed to the account's address."""

import re
from typing import Any

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from egov.accounts.tests.helpers import log_in
from egov.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Mua-lua-2026-An-Giang"


def _request_link(client: Any, email: str) -> Any:
    return client.post(reverse("accounts:password_reset"), {"email": email})


def _link_path(message: Any) -> str:
    match = re.search(r"https?://[^/\s]+(/accounts/password-reset/\S+/)", message.body)
    assert match, message.body
    return match.group(1)


def test_the_test_run_collects_mail_in_the_outbox_although_settings_use_mailers(settings):
    # Django's test set-up swaps every MAILERS alias for the in-memory backend.
    assert settings.MAILERS == {
        "default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}
    }
    assert mail.outbox == []


@override_settings(SITE_URL="https://egov.angiang.gov.vn")
def test_a_vietnamese_e_mail_with_a_link_on_the_configured_site_arrives(client, world):
    response = _request_link(client, "Clerk@AnGiang.gov.vn")
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["clerk@angiang.gov.vn"]
    assert message.subject == "Đặt lại mật khẩu – Chính quyền điện tử An Giang"
    assert "Kính gửi Phạm Thị Thư," in message.body
    assert "Tên đăng nhập: clerk" in message.body
    assert "hết hạn sau 3 ngày" in message.body
    assert "https://egov.angiang.gov.vn/accounts/password-reset/" in message.body


def test_the_link_sets_a_new_password_that_then_logs_in(client, world):
    _request_link(client, "clerk@angiang.gov.vn")
    response = client.get(_link_path(mail.outbox[0]), follow=True)
    form_url = response.redirect_chain[-1][0]
    assert "Đặt mật khẩu mới" in response.content.decode()
    response = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response["Location"] == reverse("accounts:password_reset_complete")
    world.clerk.refresh_from_db()
    assert world.clerk.check_password(NEW_PASSWORD)
    assert log_in(client, "clerk", NEW_PASSWORD).status_code == 302
    event = AuditEvent.objects.get(action="accounts.password.reset")
    assert event.actor == world.clerk


def test_a_link_works_only_once(client, world):
    _request_link(client, "clerk@angiang.gov.vn")
    link = _link_path(mail.outbox[0])
    form_url = client.get(link, follow=True).redirect_chain[-1][0]
    client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    page = client.get(link, follow=True).content.decode()
    assert "Đường dẫn không còn dùng được" in page


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client, world):
    known = _request_link(client, "clerk@angiang.gov.vn")
    unknown = _request_link(client, "khongco@angiang.gov.vn")
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert len(mail.outbox) == 1
    page = client.get(unknown["Location"]).content.decode()
    assert "Nếu địa chỉ e-mail bạn nhập thuộc về một tài khoản đang hoạt động" in page


def test_a_malformed_address_gets_a_specific_message(client, world):
    page = _request_link(client, "clerk-at-angiang").content.decode()
    assert "Địa chỉ e-mail chưa đúng định dạng" in page
    assert 'href="#id_email"' in page


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("Ngan-1a", "Mật khẩu quá ngắn: mới có 7 ký tự, cần ít nhất 12 ký tự."),
        ("chilachuthuongthoi", "Mật khẩu phải có ít nhất ba trong bốn loại ký tự"),
    ],
)
def test_a_weak_new_password_is_refused_with_the_rule_it_breaks(client, world, password, message):
    _request_link(client, "clerk@angiang.gov.vn")
    form_url = client.get(_link_path(mail.outbox[0]), follow=True).redirect_chain[-1][0]
    response = client.post(form_url, {"new_password1": password, "new_password2": password})
    page = response.content.decode()
    assert response.status_code == 200
    assert message in page
    assert 'href="#id_new_password1"' in page
    world.clerk.refresh_from_db()
    assert not world.clerk.check_password(password)


def test_mismatched_passwords_are_refused_on_the_confirmation_field(client, world):
    _request_link(client, "clerk@angiang.gov.vn")
    form_url = client.get(_link_path(mail.outbox[0]), follow=True).redirect_chain[-1][0]
    page = client.post(
        form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD + "x"}
    ).content.decode()
    assert "Hai lần nhập mật khẩu mới không khớp nhau." in page
    assert 'href="#id_new_password2"' in page


def test_a_reset_lifts_a_login_lockout(client, world):
    for _ in range(5):
        log_in(client, "clerk", "Sai-mat-khau-123")
    assert log_in(client, "clerk").status_code == 429
    _request_link(client, "clerk@angiang.gov.vn")
    form_url = client.get(_link_path(mail.outbox[0]), follow=True).redirect_chain[-1][0]
    client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert log_in(client, "clerk", NEW_PASSWORD).status_code == 302
