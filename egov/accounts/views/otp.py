"""Two-factor authentication: enrol an authenticator app, then verify its code at login."""

from __future__ import annotations

import math
from typing import Any
from urllib.parse import urlencode

import django_otp
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django_otp.plugins.otp_totp.models import TOTPDevice

from egov.accounts import actions, queries
from egov.accounts.forms import OtpCodeForm
from egov.accounts.totp import base32_secret, qr_svg
from egov.accounts.views._common import safe_next


def _check_code(device: TOTPDevice, code: str) -> str | None:
    """``None`` if ``device`` accepts ``code``; otherwise the message to show."""
    allowed, info = device.verify_is_allowed()
    if not allowed:
        locked_until = (info or {}).get("locked_until")
        seconds = 1
        if locked_until is not None:
            seconds = max(1, math.ceil((locked_until - timezone.now()).total_seconds()))
        return _(
            "Bạn vừa nhập sai mã nhiều lần. Hãy đợi %(seconds)s giây rồi nhập mã mới nhất."
        ) % {"seconds": seconds}
    if device.verify_token(code):
        return None
    return _(
        "Mã xác thực không đúng hoặc đã hết hạn. Hãy nhập mã 6 chữ số mới nhất trong ứng dụng; "
        "nếu vẫn sai, kiểm tra đồng hồ của điện thoại đang đặt giờ tự động."
    )


def _verify_url(request: HttpRequest) -> str:
    return f"{reverse('accounts:otp_verify')}?{urlencode({'next': safe_next(request)})}"


@never_cache
@login_required
def otp_setup(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    verified = user.is_verified()
    if not verified and queries.has_confirmed_device(user):
        # Adding a device needs the one already in force: a stolen password is not enough.
        return redirect(_verify_url(request))
    if verified and queries.confirmed_totp_devices(user).exists():
        return render(request, "accounts/otp_enabled.html", {"next": safe_next(request)})
    device = actions.begin_totp_enrolment(actor=user, user=user)
    form = OtpCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        problem = _check_code(device, form.cleaned_data["code"])
        if problem is None:
            actions.confirm_totp_enrolment(actor=user, device=device)
            django_otp.login(request, device)
            messages.success(request, _("Đã bật xác thực hai lớp cho tài khoản của bạn."))
            return redirect(safe_next(request))
        form.add_error("code", problem)
    context = {
        "form": form,
        "qr_svg": qr_svg(device),
        "secret": base32_secret(device),
        "next": safe_next(request),
    }
    return render(request, "accounts/otp_setup.html", context)


@never_cache
@login_required
def otp_verify(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    if user.is_verified():
        return redirect(safe_next(request))
    devices = list(queries.confirmed_totp_devices(user))
    if not devices:
        return redirect(
            f"{reverse('accounts:otp_setup')}?{urlencode({'next': safe_next(request)})}"
        )
    form = OtpCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        problems: list[str] = []
        for device in devices:
            problem = _check_code(device, form.cleaned_data["code"])
            if problem is None:
                django_otp.login(request, device)
                return redirect(safe_next(request))
            problems.append(problem)
        form.add_error("code", problems[0])
    context = {"form": form, "next": safe_next(request)}
    return render(request, "accounts/otp_verify.html", context)
