"""Two-factor authentication with an authenticator app (TOTP): administrators must enrol and
then give a code at every login; other staff are not asked unless they turned it on."""

from typing import Any
from urllib.parse import quote

import pytest
from django.test import override_settings
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from egov.accounts.tests.helpers import code_for, confirmed_device, log_in
from egov.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

SETUP = reverse("accounts:otp_setup")
VERIFY = reverse("accounts:otp_verify")


def _pending_device(user: Any) -> TOTPDevice:
    return TOTPDevice.objects.get(user=user, confirmed=False)


def test_an_administrator_with_a_password_only_is_sent_to_enrol(client, world):
    response = log_in(client, "admin")
    response = client.get(response["Location"])
    assert response.status_code == 302
    assert response["Location"] == f"{SETUP}?next={quote('/', safe='')}"


def test_the_enrolment_page_shows_a_qr_code_and_the_secret_for_manual_entry(client, world):
    log_in(client, "admin")
    page = client.get(SETUP + "?next=/").content.decode()
    device = _pending_device(world.admin)
    assert "<svg" in page
    assert 'role="img"' in page
    from base64 import b32encode

    secret = b32encode(device.bin_key).decode().rstrip("=")
    assert secret[:4] + " " + secret[4:8] in page
    assert 'autocomplete="one-time-code"' in page
    assert 'inputmode="numeric"' in page


def test_reloading_the_enrolment_page_keeps_the_same_secret(client, world):
    log_in(client, "admin")
    client.get(SETUP)
    first = _pending_device(world.admin).key
    client.get(SETUP)
    assert TOTPDevice.objects.filter(user=world.admin).count() == 1
    assert _pending_device(world.admin).key == first


def test_an_administrator_enrols_with_a_real_code_and_reaches_the_home_page(client, world):
    log_in(client, "admin")
    client.get(SETUP)
    device = _pending_device(world.admin)
    response = client.post(SETUP, {"code": code_for(device), "next": "/"})
    assert response.status_code == 302
    assert response["Location"] == "/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("home")).status_code == 200
    event = AuditEvent.objects.get(action="accounts.totp.enrol")
    assert event.actor == world.admin
    assert (event.after or {})["device_id"] == device.pk


def test_a_wrong_code_at_enrolment_shows_a_specific_error_and_enrols_nothing(client, world):
    log_in(client, "admin")
    client.get(SETUP)
    device = _pending_device(world.admin)
    wrong = f"{(int(code_for(device)) + 1) % 1_000_000:06d}"
    response = client.post(SETUP, {"code": wrong})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Mã xác thực không đúng hoặc đã hết hạn." in page
    assert 'role="alert"' in page
    assert 'href="#id_code"' in page
    assert not TOTPDevice.objects.filter(user=world.admin, confirmed=True).exists()
    assert client.get(reverse("home"))["Location"].startswith(SETUP)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Nhập mã xác thực gồm 6 chữ số."),
        ("12a456", "Mã xác thực chỉ gồm chữ số 0–9"),
        ("12345", "Mã xác thực phải có đúng 6 chữ số; bạn đã nhập 5 chữ số."),
    ],
)
def test_a_malformed_code_gets_a_message_saying_what_is_wrong(client, world, typed, message):
    log_in(client, "admin")
    assert message in client.post(SETUP, {"code": typed}).content.decode()


def test_an_enrolled_administrator_is_asked_for_the_code_at_the_next_login(client, world):
    device = confirmed_device(world.admin)
    log_in(client, "admin")
    response = client.get(reverse("home"))
    assert response["Location"] == f"{VERIFY}?next={quote('/', safe='')}"
    response = client.post(VERIFY + "?next=/org/", {"code": code_for(device)})
    assert response["Location"] == "/org/"
    assert client.get(reverse("home")).status_code == 200


def test_a_wrong_code_at_login_shows_an_error_and_keeps_the_administrator_out(client, world):
    device = confirmed_device(world.admin)
    log_in(client, "admin")
    wrong = f"{(int(code_for(device)) + 1) % 1_000_000:06d}"
    page = client.post(VERIFY, {"code": wrong}).content.decode()
    assert "Mã xác thực không đúng hoặc đã hết hạn." in page
    assert client.get(reverse("home"))["Location"].startswith(VERIFY)


def test_repeated_wrong_codes_make_the_user_wait_and_say_how_long(client, world):
    device = confirmed_device(world.admin)
    log_in(client, "admin")
    wrong = f"{(int(code_for(device)) + 1) % 1_000_000:06d}"
    client.post(VERIFY, {"code": wrong})
    page = client.post(VERIFY, {"code": code_for(device)}).content.decode()
    assert "Bạn vừa nhập sai mã nhiều lần. Hãy đợi 1 giây" in page


def test_the_verify_page_ignores_a_next_address_on_another_site(client, world):
    device = confirmed_device(world.admin)
    log_in(client, "admin")
    response = client.post(VERIFY + "?next=https://evil.example/", {"code": code_for(device)})
    assert response["Location"] == reverse("home")


def test_a_password_alone_cannot_add_a_second_device_to_an_enrolled_account(client, world):
    confirmed_device(world.admin)
    log_in(client, "admin")
    response = client.get(SETUP)
    assert response["Location"].startswith(VERIFY)
    assert TOTPDevice.objects.filter(user=world.admin).count() == 1


def test_api_tokens_need_the_second_factor_too(client, world):
    log_in(client, "admin")
    assert client.get(reverse("accounts:tokens"))["Location"].startswith(SETUP)


def test_the_api_refuses_an_administrators_session_without_the_second_factor(client, world):
    log_in(client, "admin")
    response = client.get("/api/v1/org/units")
    assert response.status_code == 403
    assert response.json()["code"] == "two_factor_required"


def test_a_specialist_is_not_asked_for_a_second_factor(client, world):
    log_in(client, "specialist")
    assert client.get(reverse("home")).status_code == 200
    assert client.get(reverse("accounts:tokens")).status_code == 200


def test_a_specialist_who_turned_two_factor_on_is_asked_for_the_code(client, world):
    device = confirmed_device(world.specialist)
    log_in(client, "specialist")
    assert client.get(reverse("home"))["Location"].startswith(VERIFY)
    client.post(VERIFY, {"code": code_for(device)})
    assert client.get(reverse("home")).status_code == 200


def test_a_verified_user_with_an_app_sees_that_two_factor_is_on(client_for, world):
    confirmed_device(world.specialist)
    page = client_for(world.specialist).get(SETUP).content.decode()
    assert "Xác thực hai lớp đang bật" in page


@override_settings(OTP_TOTP_THROTTLE_FACTOR=0)
def test_after_enrolment_the_next_code_from_the_app_opens_a_new_session(client, world):
    log_in(client, "admin")
    client.get(SETUP)
    device = _pending_device(world.admin)
    client.post(SETUP, {"code": code_for(device)})
    client.post(reverse("accounts:logout"))
    log_in(client, "admin")
    device.refresh_from_db()
    client.post(VERIFY, {"code": code_for(device, steps_ahead=1)})
    assert client.get(reverse("home")).status_code == 200
