"""Browser-test helpers: log in through the real form (with the TOTP step for administrators),
check a page with axe-core."""

from __future__ import annotations

import time
from typing import Any
from urllib.parse import urlsplit

#: WCAG 2.1 A and AA rules; a page passes when axe finds no violation of these.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

#: Where the login lands when the account must pass a TOTP check (accounts:otp_verify).
OTP_VERIFY_PATH = "/accounts/2fa/verify/"


def assert_accessible(page: Any, *, context: str | None = None) -> None:
    """Run axe-core on the current page; fail listing each WCAG 2.1 A/AA violation."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, context=context, options={"runOnly": WCAG_TAGS})
    violations = results.response.get("violations", [])
    if violations:
        lines = [
            f"{v['id']} ({v['impact']}): {v['help']} — "
            + "; ".join(node["target"][0] for node in v["nodes"][:5])
            for v in violations
        ]
        raise AssertionError(f"axe-core violations on {page.url}:\n" + "\n".join(lines))


def give_totp_device(user: Any) -> Any:
    """The user's confirmed TOTP device, created if there is none: what an administrator has
    after enrolling an authenticator app. The persona world creates no devices."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Điện thoại", confirmed=True)
    return device


def current_totp_code(login: str) -> str:
    """The code the authenticator app of ``login`` (username or e-mail) shows now.

    The device refuses a time step it has already accepted (replay protection), so when the
    current step was used by an earlier login in the same test, the next step's code is
    given (the server accepts one step ahead); when that one was used too, wait for it."""
    from django.contrib.auth import get_user_model
    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    field = "email__iexact" if "@" in login else "username__iexact"
    user = get_user_model().objects.get(**{field: login.strip()})
    device = TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()
    if device is None:
        raise AssertionError(
            f"{login} has no confirmed TOTP device; call give_totp_device(user) first"
        )
    while True:
        generator = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
        now = generator.t()
        for ahead in range(device.tolerance + 1):
            if now + ahead > device.last_t:
                generator.drift = device.drift + ahead
                return f"{generator.token():0{device.digits}d}"
        time.sleep(device.step - (time.time() - device.t0) % device.step + 0.05)


def log_in(page: Any, username: str, password: str) -> None:
    """Log in through the login form. When the account must pass the second factor and has
    a confirmed TOTP device, enter the current code as its holder would (see
    :func:`give_totp_device`). An account that must still enrol stays on the enrolment page,
    and a wrong password stays on the login page, for the test to look at."""
    page.goto("/accounts/login/")
    page.get_by_label("Tên đăng nhập hoặc e-mail").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_load_state("networkidle")
    if urlsplit(page.url).path == OTP_VERIFY_PATH:
        page.get_by_label("Mã xác thực gồm 6 chữ số").fill(current_totp_code(username))
        page.get_by_role("button", name="Xác thực", exact=True).click()
        page.wait_for_load_state("networkidle")
        if urlsplit(page.url).path == OTP_VERIFY_PATH:
            raise AssertionError(f"the TOTP code for {username} was refused")
