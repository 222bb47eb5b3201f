"""Read functions of the accounts app."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django_otp import devices_for_user
from django_otp.plugins.otp_totp.models import TOTPDevice

from egov.accounts.models import ApiToken


def tokens_of(user: Any) -> QuerySet[ApiToken]:
    """The API tokens of ``user``, newest first, revoked ones included."""
    return ApiToken.objects.filter(user=user).order_by("revoked_at", "-created_at")


def get_token_for_holder(user: Any, token_id: int) -> ApiToken:
    """The token ``token_id`` if ``user`` holds it; 404 for absent and foreign alike."""
    token = ApiToken.objects.filter(pk=token_id, user=user).first()
    if token is None:
        raise Http404
    return token


def has_confirmed_device(user: Any) -> bool:
    return any(True for _ in devices_for_user(user, confirmed=True))


def confirmed_totp_devices(user: Any) -> QuerySet[TOTPDevice]:
    devices: QuerySet[TOTPDevice] = TOTPDevice.objects.filter(user=user, confirmed=True)
    return devices.order_by("pk")
