from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse

from egov.accounts.constants import OTP_REQUIRED_SESSION_KEY
from egov.accounts.policy import two_factor_required

# Only what a user needs before passing the second factor: static files, the language switch,
# logging in and out, the two-factor pages and the forgotten-password pages. Every other
# accounts page (API tokens above all) needs the second factor like the rest of the site.
_EXEMPT_PREFIXES = (
    "/static/",
    "/media/",
    "/i18n/",
    "/accounts/login/",
    "/accounts/logout/",
    "/accounts/2fa/",
    "/accounts/password-reset/",
)


def _needs_second_factor(request: HttpRequest) -> bool:
    return bool(request.session.get(OTP_REQUIRED_SESSION_KEY)) or two_factor_required(request.user)


class RequireTwoFactorForAdminsMiddleware:
    """Administrators, and anyone who turned two-factor on, must pass a TOTP check before any
    page: enrol first, then verify."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and not request.path.startswith(_EXEMPT_PREFIXES)
            and not getattr(request, "api_token_auth", False)
            and not getattr(user, "is_verified", lambda: False)()  # set by OTPMiddleware
            and _needs_second_factor(request)
        ):
            if request.path.startswith("/api/"):
                return JsonResponse(
                    {"code": "two_factor_required", "detail": "Two-factor verification required."},
                    status=403,
                )
            from django_otp import devices_for_user

            has_device = any(True for _ in devices_for_user(user, confirmed=True))
            target = "accounts:otp_verify" if has_device else "accounts:otp_setup"
            return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)
