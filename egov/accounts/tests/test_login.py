"""Logging in with a username or an e-mail address, and the audit trail of logins."""

import pytest
from django.urls import reverse

from egov.accounts.tests.helpers import log_in
from egov.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_a_specialist_logs_in_with_the_username_and_reaches_the_home_page(client, world):
    response = log_in(client, "specialist")
    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    assert client.get(reverse("home")).status_code == 200


def test_the_e_mail_address_works_in_any_case_instead_of_the_username(client, world):
    response = log_in(client, "Specialist@AnGiang.gov.vn")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(world.specialist.pk)


def test_a_wrong_password_shows_a_specific_vietnamese_message_in_an_error_summary(client, world):
    response = log_in(client, "specialist", "Sai-mat-khau-123")
    page = response.content.decode()
    assert response.status_code == 200
    assert 'role="alert"' in page
    assert "Tên đăng nhập, e-mail hoặc mật khẩu không đúng." in page
    assert "Sau 5 lần nhập sai, tài khoản sẽ bị tạm khóa 15 phút" in page
    assert 'href="#id_username"' in page
    assert "_auth_user_id" not in client.session


def test_empty_fields_get_their_own_messages_linked_from_the_summary(client, world):
    page = log_in(client, "", "").content.decode()
    assert "Nhập tên đăng nhập hoặc địa chỉ e-mail." in page
    assert "Nhập mật khẩu." in page
    assert 'href="#id_password"' in page
    assert 'aria-invalid="true"' in page


def test_the_login_form_tells_browsers_and_password_managers_what_each_field_is(client, world):
    page = client.get(reverse("accounts:login")).content.decode()
    assert 'autocomplete="username"' in page
    assert 'autocomplete="current-password"' in page
    assert '<label for="id_username">Tên đăng nhập hoặc e-mail</label>' in page


def test_a_deactivated_account_cannot_log_in(client, world):
    world.clerk.is_active = False
    world.clerk.save(update_fields=["is_active"])
    response = log_in(client, "clerk")
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_login_failure_and_logout_are_recorded_in_the_audit_trail(client, world):
    log_in(client, "specialist", "Sai-mat-khau-123")
    log_in(client, "specialist")
    client.post(reverse("accounts:logout"))
    events = list(AuditEvent.objects.filter(action__startswith="accounts.lo").order_by("id"))
    assert [e.action for e in events] == [
        "accounts.login.failed",
        "accounts.login",
        "accounts.logout",
    ]
    failed, login, logout = events
    assert failed.actor is None
    assert failed.object_id == str(world.specialist.pk)
    assert failed.object_repr == "specialist"
    assert failed.ip_address == "127.0.0.1"
    assert login.actor == world.specialist
    assert logout.actor == world.specialist


def test_a_failed_login_for_an_unknown_name_is_recorded_with_what_was_typed(client, world):
    log_in(client, "khongtontai", "Sai-mat-khau-123")
    event = AuditEvent.objects.get(action="accounts.login.failed")
    assert event.object_id == ""
    assert event.object_repr == "khongtontai"


def test_logging_out_needs_a_post(client_for, world):
    client = client_for(world.specialist)
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert client.post(reverse("accounts:logout"))["Location"] == reverse("accounts:login")


def test_the_login_page_ignores_a_next_address_on_another_site(client, world):
    response = client.post(
        reverse("accounts:login") + "?next=https://evil.example/",
        {"username": "specialist", "password": "Egov-Test-2025!"},
    )
    assert response["Location"] == reverse("home")
