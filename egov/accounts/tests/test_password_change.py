"""Changing one's own password while logged in."""

from typing import Any

import pytest
from django.urls import reverse

from egov.audit.models import AuditEvent
from egov.organisations.testing import PERSONA_PASSWORD

pytestmark = pytest.mark.django_db

URL = reverse("accounts:password_change")
NEW_PASSWORD = "Mua-lua-2026-An-Giang"


def _change(client: Any, old: str, new1: str, new2: str | None = None) -> Any:
    return client.post(
        URL, {"old_password": old, "new_password1": new1, "new_password2": new2 or new1}
    )


def test_a_user_changes_the_password_and_stays_logged_in(client_for, world):
    client = client_for(world.specialist)
    response = _change(client, PERSONA_PASSWORD, NEW_PASSWORD)
    assert response["Location"] == reverse("accounts:password_change_done")
    world.specialist.refresh_from_db()
    assert world.specialist.check_password(NEW_PASSWORD)
    assert client.get(reverse("home")).status_code == 200
    event = AuditEvent.objects.get(action="accounts.password.change")
    assert event.actor == world.specialist


def test_a_wrong_current_password_is_refused_with_a_specific_message(client_for, world):
    page = _change(client_for(world.specialist), "Khong-phai-mat-khau-1", NEW_PASSWORD)
    text = page.content.decode()
    assert "Mật khẩu hiện tại không đúng." in text
    assert 'href="#id_old_password"' in text
    world.specialist.refresh_from_db()
    assert world.specialist.check_password(PERSONA_PASSWORD)


def test_a_password_like_the_username_is_refused(client_for, world):
    text = _change(client_for(world.specialist), PERSONA_PASSWORD, "Specialist-2026").content
    assert "Mật khẩu quá giống với" in text.decode()


def test_a_weak_password_is_refused_with_the_rule_it_breaks(client_for, world):
    text = _change(client_for(world.specialist), PERSONA_PASSWORD, "matkhaudailammathoi")
    assert "Mật khẩu phải có ít nhất ba trong bốn loại ký tự" in text.content.decode()


def test_the_form_marks_new_passwords_for_password_managers(client_for, world):
    page = client_for(world.specialist).get(URL).content.decode()
    assert page.count('autocomplete="new-password"') == 2
    assert 'autocomplete="current-password"' in page
    assert 'aria-describedby="id_new_password1_helptext"' in page
