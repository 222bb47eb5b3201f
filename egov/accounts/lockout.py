"""Login lockout (django-axes), tuned for offices where a whole agency shares one address.

Two counters, both over the cool-off window:

* failures for one account from one address (``AXES_LOCKOUT_PARAMETERS``, limit
  ``AXES_FAILURE_LIMIT``): stops guessing from one place without locking colleagues out;
* failures for one account from every address together (``EGOV_LOGIN_ACCOUNT_FAILURE_LIMIT``,
  a higher bar): stops a guesser who spreads attempts over many addresses.

Attempts are counted against the account, not the text typed: ``Admin``, ``ADMIN`` and the
account's e-mail address all count towards the same account.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest
from django.utils import timezone

from egov.accounts.models import User


def _typed_login(request: HttpRequest | None, credentials: dict[str, Any] | None) -> str:
    if credentials and credentials.get("username"):
        return str(credentials["username"])
    if request is not None:
        return str(request.POST.get("username", ""))
    return ""


def account_for_login(login: str) -> User | None:
    """The account ``login`` names: a username or an e-mail address, in any case."""
    login = login.strip()
    if not login:
        return None
    field = "email__iexact" if "@" in login else "username__iexact"
    return User.objects.filter(**{field: login}).first()


def canonical_login(login: str) -> str:
    """The lower-cased username of the account ``login`` names, or the lower-cased text
    itself when no account matches."""
    account = account_for_login(login)
    return (account.username if account else login.strip()).lower()


def lockout_username(request: HttpRequest | None, credentials: dict[str, Any] | None) -> str:
    """``AXES_USERNAME_CALLABLE``: the key axes counts failures under."""
    return canonical_login(_typed_login(request, credentials))


def account_failure_limit() -> int:
    return int(getattr(settings, "EGOV_LOGIN_ACCOUNT_FAILURE_LIMIT", 30))


def account_failures(username: str, request: HttpRequest | None = None) -> int:
    """Failures for the account from every address within the cool-off window."""
    if not username:
        return 0
    cool_off = get_cool_off(request) or dt.timedelta(0)
    total = AccessAttempt.objects.filter(
        username=username, attempt_time__gte=timezone.now() - cool_off
    ).aggregate(total=Sum("failures_since_start"))["total"]
    return int(total or 0)


class AccountAwareAxesHandler(AxesDatabaseHandler):  # type: ignore[misc]  # axes is untyped
    """The database handler plus the per-account cap across addresses."""

    def is_locked(self, request: HttpRequest, credentials: dict[str, Any] | None = None) -> bool:
        if super().is_locked(request, credentials):
            return True
        return self._account_capped(request, credentials)

    def user_login_failed(
        self,
        sender: Any,
        credentials: dict[str, Any],
        request: HttpRequest | None = None,
        **kwargs: Any,
    ) -> None:
        super().user_login_failed(sender, credentials, request, **kwargs)
        if (
            request is not None
            and not getattr(request, "axes_locked_out", False)
            and self._account_capped(request, credentials)
        ):
            # Show the lockout page, as axes does when the per-address limit is reached.
            request.axes_locked_out = True  # type: ignore[attr-defined]
            request.axes_credentials = credentials  # type: ignore[attr-defined]

    def _account_capped(self, request: HttpRequest, credentials: dict[str, Any] | None) -> bool:
        username = lockout_username(request, credentials)
        return account_failures(username, request) >= account_failure_limit()
