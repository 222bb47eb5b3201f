"""Helpers for the accounts tests: real TOTP codes and real password logins."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from egov.organisations.testing import PERSONA_PASSWORD


def code_for(device: TOTPDevice, *, steps_ahead: int = 0) -> str:
    """The code the holder's authenticator app shows now (or ``steps_ahead`` periods on)."""
    value = totp(device.bin_key, device.step, device.t0, device.digits, device.drift + steps_ahead)
    return f"{value:0{device.digits}d}"


def log_in(client: Any, login: str, password: str = PERSONA_PASSWORD, **extra: Any) -> Any:
    """Post the login form as a browser would; ``extra`` may set REMOTE_ADDR."""
    return client.post(
        reverse("accounts:login"), {"username": login, "password": password}, **extra
    )


def confirmed_device(user: Any) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="Điện thoại", confirmed=True)
