"""API tokens: a user creates one (shown once, only its SHA-256 stored), uses it as a bearer
token against the API, and revokes it."""

import datetime as dt
import hashlib
import re
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from egov.accounts import actions
from egov.accounts.models import ApiToken
from egov.audit.models import AuditEvent
from egov.lib.errors import ActionError

pytestmark = pytest.mark.django_db

URL = reverse("accounts:tokens")
API = "/api/v1/org/units"


def _create(client: Any, name: str = "Đồng bộ danh bạ", days: int = 90) -> tuple[Any, str | None]:
    response = client.post(URL, {"name": name, "lifetime_days": days})
    match = re.search(r'id="new-token"[^>]*value="([^"]+)"', response.content.decode())
    return response, (match.group(1) if match else None)


def test_a_new_token_is_shown_once_and_only_its_hash_is_stored(client_for, world):
    client = client_for(world.specialist)
    response, raw = _create(client)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert raw and len(raw) >= 43
    token = ApiToken.objects.get(user=world.specialist)
    assert token.key_hash == hashlib.sha256(raw.encode()).hexdigest()
    assert token.prefix == raw[:8]
    assert raw not in str(ApiToken.objects.filter(pk=token.pk).values().get())
    again = client.get(URL).content.decode()
    assert raw not in again
    assert "Đồng bộ danh bạ" in again
    assert token.expires_at is not None
    assert (token.expires_at - timezone.now()).days in (89, 90)
    event = AuditEvent.objects.get(action="accounts.token.create")
    assert event.actor == world.specialist
    assert raw not in str(event.after)


def test_the_bearer_token_opens_the_api_without_a_session(client_for, client, world):
    _, raw = _create(client_for(world.specialist))
    client.logout()
    response = client.get(API, HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 200
    assert any(unit["name"] == "Sở Nội vụ" for unit in response.json())
    assert ApiToken.objects.get(user=world.specialist).last_used_at is not None


def test_a_revoked_token_gets_401(client_for, client, world):
    user_client = client_for(world.specialist)
    _, raw = _create(user_client)
    token = ApiToken.objects.get(user=world.specialist)
    response = user_client.post(reverse("accounts:token_revoke", args=[token.pk]))
    assert response["Location"] == URL
    assert "Đã thu hồi khóa API “Đồng bộ danh bạ”" in user_client.get(URL).content.decode()
    user_client.logout()
    assert client.get(API, HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401
    assert AuditEvent.objects.filter(action="accounts.token.revoke").count() == 1


def test_an_expired_token_gets_401(client_for, client, world):
    _, raw = _create(client_for(world.specialist))
    ApiToken.objects.filter(user=world.specialist).update(
        expires_at=timezone.now() - dt.timedelta(minutes=1)
    )
    client.logout()
    assert client.get(API, HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401


def test_a_made_up_token_gets_401(client, world):
    assert client.get(API, HTTP_AUTHORIZATION="Bearer khong-phai-khoa").status_code == 401


def test_an_administrators_token_works_without_the_second_factor_it_was_created_behind(
    client_for, client, world
):
    _, raw = _create(client_for(world.admin))
    client.logout()
    assert client.get(API, HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 200


def test_a_token_without_expiry_can_be_chosen(client_for, world):
    _create(client_for(world.specialist), days=0)
    assert ApiToken.objects.get(user=world.specialist).expires_at is None


def test_a_missing_name_is_refused_with_a_specific_message(client_for, world):
    response, raw = _create(client_for(world.specialist), name="")
    page = response.content.decode()
    assert raw is None
    assert "Nhập tên gợi nhớ cho khóa API" in page
    assert 'href="#id_name"' in page


def test_two_live_tokens_cannot_share_a_name(client_for, world):
    client = client_for(world.specialist)
    _create(client)
    response, raw = _create(client, name="đồng bộ danh bạ".upper())
    assert raw is None
    assert "Bạn đã có khóa API tên" in response.content.decode()


def test_nobody_can_revoke_someone_elses_token(client_for, world):
    token, _ = actions.create_api_token(actor=world.clerk, user=world.clerk, name="Của văn thư")
    client = client_for(world.specialist)
    assert client.post(reverse("accounts:token_revoke", args=[token.pk])).status_code == 404
    with pytest.raises(PermissionDenied):
        actions.revoke_api_token(actor=world.specialist, token=token)
    token.refresh_from_db()
    assert token.revoked_at is None


def test_a_token_cannot_be_revoked_twice(world):
    token, _ = actions.create_api_token(actor=world.clerk, user=world.clerk, name="Một lần")
    actions.revoke_api_token(actor=world.clerk, token=token)
    with pytest.raises(ActionError) as caught:
        actions.revoke_api_token(actor=world.clerk, token=token)
    assert caught.value.code == "token_already_revoked"


def test_an_expiry_in_the_past_is_refused(world):
    with pytest.raises(ActionError) as caught:
        actions.create_api_token(
            actor=world.clerk,
            user=world.clerk,
            name="Cũ",
            expires_at=timezone.now() - dt.timedelta(days=1),
        )
    assert caught.value.code == "token_expiry_in_past"


def test_revoking_needs_a_post(client_for, world):
    token, _ = actions.create_api_token(actor=world.clerk, user=world.clerk, name="Thử")
    client = client_for(world.clerk)
    assert client.get(reverse("accounts:token_revoke", args=[token.pk])).status_code == 405
