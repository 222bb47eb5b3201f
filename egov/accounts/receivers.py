"""Audit records of logins, failed logins and logouts, taken from Django's auth signals.

Recording only: nothing here decides anything (lockout is django-axes' job).
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.utils.translation import gettext as _

from egov.accounts import audit_names
from egov.accounts.lockout import account_for_login
from egov.audit.service import record

#: Longest typed login kept in the audit record of a failure.
_TYPED_LOGIN_MAX = 150


def on_logged_in(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    record(action=audit_names.LOGIN, actor=user, obj=user)


def on_logged_out(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if user is not None:
        record(action=audit_names.LOGOUT, actor=user, obj=user)


def on_login_failed(
    sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any
) -> None:
    typed = str(credentials.get("username") or "")[:_TYPED_LOGIN_MAX]
    account = account_for_login(typed)
    locked = bool(getattr(request, "axes_locked_out", False))
    record(
        action=audit_names.LOGIN_FAILED,
        actor=None,
        obj=account,
        object_type="accounts.user",
        object_repr=typed,
        note=_("Tài khoản đang tạm khóa do nhập sai nhiều lần.")
        if locked
        else _("Sai tên đăng nhập, e-mail hoặc mật khẩu."),
    )


def connect() -> None:
    user_logged_in.connect(on_logged_in, dispatch_uid="egov.accounts.audit_login")
    user_logged_out.connect(on_logged_out, dispatch_uid="egov.accounts.audit_logout")
    user_login_failed.connect(on_login_failed, dispatch_uid="egov.accounts.audit_login_failed")
