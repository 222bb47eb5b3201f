"""Lockout after repeated wrong passwords (django-axes): per account and address, so one
person's typos never lock out the colleagues behind the same office address; plus a higher
cap per account across every address, against guessing spread over many addresses."""

from typing import Any

import pytest
from axes.models import AccessAttempt
from django.test import override_settings

from egov.accounts.tests.helpers import log_in
from egov.organisations.testing import PERSONA_PASSWORD

pytestmark = pytest.mark.django_db

OFFICE = {"REMOTE_ADDR": "10.20.0.1"}
HOME = {"REMOTE_ADDR": "203.0.113.7"}
WRONG = "Sai-mat-khau-123"


def _fail(client: Any, login: str, times: int, address: dict[str, str] = OFFICE) -> None:
    for _ in range(times):
        log_in(client, login, WRONG, **address)


def test_five_wrong_passwords_lock_the_account_from_that_address(client, world):
    _fail(client, "clerk", 5)
    response = log_in(client, "clerk", PERSONA_PASSWORD, **OFFICE)
    page = response.content.decode()
    assert response.status_code == 429
    assert "Tạm khóa đăng nhập" in page
    assert "đợi 15 phút" in page
    assert "_auth_user_id" not in client.session


def test_four_wrong_passwords_do_not_lock_the_account(client, world):
    _fail(client, "clerk", 4)
    assert log_in(client, "clerk", PERSONA_PASSWORD, **OFFICE).status_code == 302


def test_a_colleague_behind_the_same_office_address_still_logs_in(client, world):
    _fail(client, "clerk", 5)
    response = log_in(client, "specialist", PERSONA_PASSWORD, **OFFICE)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(world.specialist.pk)


def test_the_locked_account_still_logs_in_from_another_address(client, world):
    _fail(client, "clerk", 5)
    assert log_in(client, "clerk", PERSONA_PASSWORD, **HOME).status_code == 302


def test_changing_case_or_typing_the_e_mail_counts_against_the_same_account(client, world):
    for login in ["clerk", "CLERK", "Clerk", "clerk@angiang.gov.vn", "CLERK@ANGIANG.GOV.VN"]:
        log_in(client, login, WRONG, **OFFICE)
    assert set(AccessAttempt.objects.values_list("username", flat=True)) == {"clerk"}
    assert log_in(client, "clerk", PERSONA_PASSWORD, **OFFICE).status_code == 429


@override_settings(EGOV_LOGIN_ACCOUNT_FAILURE_LIMIT=8)
def test_guessing_spread_over_many_addresses_hits_the_per_account_cap(client, world):
    for n in range(4):
        _fail(client, "leader", 2, {"REMOTE_ADDR": f"198.51.100.{n + 1}"})
    response = log_in(client, "leader", PERSONA_PASSWORD, REMOTE_ADDR="192.0.2.50")
    assert response.status_code == 429
    # The cap is per account: colleagues are not affected.
    assert log_in(client, "clerk", PERSONA_PASSWORD, REMOTE_ADDR="192.0.2.50").status_code == 302


def test_the_lockout_is_recorded_in_the_audit_trail(client, world):
    from egov.audit.models import AuditEvent

    _fail(client, "clerk", 5)
    log_in(client, "clerk", PERSONA_PASSWORD, **OFFICE)
    events = list(AuditEvent.objects.filter(action="accounts.login.failed").order_by("id"))
    assert len(events) == 6
    assert events[-1].note == "Tài khoản đang tạm khóa do nhập sai nhiều lần."
