"""The only place that writes accounts data: passwords, two-factor devices, API tokens.

Each action checks who may act, validates, saves the named fields and records an audit event.
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any, Literal

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from egov.accounts import audit_names
from egov.accounts.constants import TOKEN_NAME_MAX_LENGTH, TOTP_DEVICE_NAME
from egov.accounts.models import ApiToken, User, hash_token
from egov.audit.service import record
from egov.lib.errors import ActionError

TOKEN_FIELDS = ("name", "prefix", "expires_at", "revoked_at")


def _require_self(actor: Any, user: User, *, skip: bool) -> None:
    """Accounts settings are personal: only the account holder changes them."""
    if skip:
        return
    if not getattr(actor, "is_authenticated", False) or actor.pk != user.pk:
        raise PermissionDenied("only the account holder may do this")


@transaction.atomic
def set_password(
    *,
    actor: Any,
    user: User,
    password: str,
    via: Literal["change", "reset"],
    skip_access_check: bool = False,
) -> User:
    """Give ``user`` a new password that satisfies the password policy. ``via="change"``: the
    logged-in holder changed it; ``via="reset"``: set through an e-mailed reset link (the
    caller has checked the link's token; ``actor`` is then ``None``)."""
    if via == "change":
        _require_self(actor, user, skip=skip_access_check)
    validate_password(password, user)  # raises ValidationError with the policy's messages
    user.set_password(password)
    user.save(update_fields=["password"])
    record(
        action=audit_names.PASSWORD_CHANGE if via == "change" else audit_names.PASSWORD_RESET,
        actor=actor if via == "change" else user,
        obj=user,
    )
    return user


@transaction.atomic
def begin_totp_enrolment(*, actor: Any, user: User, skip_access_check: bool = False) -> TOTPDevice:
    """An unconfirmed TOTP device for ``user`` to scan; the same one while enrolment is
    unfinished, so reloading the page does not change the QR code. Not audited: nothing is
    in force until ``confirm_totp_enrolment``."""
    _require_self(actor, user, skip=skip_access_check)
    device = (
        TOTPDevice.objects.filter(user=user, confirmed=False, name=TOTP_DEVICE_NAME)
        .order_by("-pk")
        .first()
    )
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=False)
    return device


@transaction.atomic
def confirm_totp_enrolment(
    *, actor: Any, device: TOTPDevice, skip_access_check: bool = False
) -> TOTPDevice:
    """Put ``device`` in force after its holder typed a code it generated (the caller has
    verified the code). Other unconfirmed devices of the holder are removed."""
    user = device.user
    _require_self(actor, user, skip=skip_access_check)
    if device.confirmed:
        raise ActionError(
            _("Thiết bị xác thực này đã được kích hoạt trước đó."), code="totp_already_confirmed"
        )
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=user, confirmed=False).exclude(pk=device.pk).delete()
    record(
        action=audit_names.TOTP_ENROL,
        actor=actor,
        obj=user,
        after={"device_id": device.pk, "device_name": device.name},
    )
    return device


def new_token_secret() -> str:
    return secrets.token_urlsafe(32)


@transaction.atomic
def create_api_token(
    *,
    actor: Any,
    user: User,
    name: str,
    expires_at: dt.datetime | None = None,
    skip_access_check: bool = False,
) -> tuple[ApiToken, str]:
    """A new bearer token for ``user``. Returns the row and the token itself, which is shown
    once and never stored (only its SHA-256 is)."""
    _require_self(actor, user, skip=skip_access_check)
    name = name.strip()
    if not name:
        raise ActionError(
            _("Nhập tên gợi nhớ cho khóa API, ví dụ “Đồng bộ danh bạ”."),
            code="token_name_missing",
            field="name",
        )
    if len(name) > TOKEN_NAME_MAX_LENGTH:
        raise ActionError(
            _("Tên khóa API dài tối đa %(limit)s ký tự.") % {"limit": TOKEN_NAME_MAX_LENGTH},
            code="token_name_too_long",
            field="name",
        )
    if expires_at is not None and expires_at <= timezone.now():
        raise ActionError(
            _("Ngày hết hạn của khóa API phải ở tương lai."),
            code="token_expiry_in_past",
            field="expires_at",
        )
    if ApiToken.objects.filter(user=user, name__iexact=name, revoked_at__isnull=True).exists():
        raise ActionError(
            _("Bạn đã có khóa API tên “%(name)s” đang dùng; hãy đặt tên khác.") % {"name": name},
            code="token_name_taken",
            field="name",
        )
    raw = new_token_secret()
    token = ApiToken.objects.create(
        user=user, name=name, prefix=raw[:8], key_hash=hash_token(raw), expires_at=expires_at
    )
    record(
        action=audit_names.TOKEN_CREATE,
        actor=actor,
        obj=token,
        after={"user_id": user.pk, "name": name, "prefix": token.prefix, "expires_at": expires_at},
    )
    return token, raw


@transaction.atomic
def revoke_api_token(*, actor: Any, token: ApiToken, skip_access_check: bool = False) -> ApiToken:
    """Stop ``token`` from working, from now on. The row stays, for the audit trail."""
    token = ApiToken.objects.select_for_update().select_related("user").get(pk=token.pk)
    _require_self(actor, token.user, skip=skip_access_check)
    if token.revoked_at is not None:
        raise ActionError(
            _("Khóa API “%(name)s” đã bị thu hồi trước đó.") % {"name": token.name},
            code="token_already_revoked",
        )
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    record(
        action=audit_names.TOKEN_REVOKE,
        actor=actor,
        obj=token,
        before={"revoked_at": None},
        after={"revoked_at": token.revoked_at},
    )
    return token
