"""E-mail verification for applicants without an account: a six-digit code, valid 15
minutes, five attempts, used once."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets

from django.conf import settings
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from egov.lib.errors import ActionError, ValidationError
from egov.onestop import constants as c
from egov.onestop.models import EmailVerification


def _hash(email: str, code: str) -> str:
    return hmac.new(
        settings.SECRET_KEY.encode(), f"{email}|{code}".encode(), hashlib.sha256
    ).hexdigest()


def _normalise(email: str) -> str:
    email = email.strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise ActionError(
            _("Địa chỉ thư điện tử không hợp lệ."), code="bad_email", field="email"
        ) from None
    return email


@transaction.atomic
def send_code(*, email: str) -> EmailVerification:
    email = _normalise(email)
    now = timezone.now()
    recent = EmailVerification.objects.filter(
        email=email, created_at__gte=now - dt.timedelta(hours=1)
    ).count()
    if recent >= c.EMAIL_CODES_PER_HOUR:
        raise ActionError(
            _("Đã gửi %(n)s mã đến địa chỉ này trong một giờ qua; hãy thử lại sau.")
            % {"n": recent},
            code="too_many_codes",
            field="email",
        )
    code = f"{secrets.randbelow(1_000_000):06d}"
    row = EmailVerification.objects.create(
        email=email,
        code_hash=_hash(email, code),
        created_at=now,
        expires_at=now + dt.timedelta(minutes=c.EMAIL_CODE_MINUTES),
    )
    body = _(
        "Mã xác minh của anh/chị là %(code)s (dùng trong %(minutes)s phút). "
        "Nếu anh/chị không nộp hồ sơ, hãy bỏ qua thư này."
    ) % {"code": code, "minutes": c.EMAIL_CODE_MINUTES}
    transaction.on_commit(
        lambda: send_mail(
            _("Mã xác minh nộp hồ sơ trực tuyến"), body, settings.DEFAULT_FROM_EMAIL, [email]
        )
    )
    return row


def verify_code(*, email: str, code: str) -> str:
    """The verified address, or a refusal: wrong, expired, already used, too many tries.
    A wrong code's attempt is counted (committed) before the refusal is raised."""
    email = _normalise(email)
    now = timezone.now()
    with transaction.atomic():
        row = (
            EmailVerification.objects.select_for_update()
            .filter(email=email)
            .order_by("-created_at")
            .first()
        )
        if row is None:
            problem = "bad_code"
        elif row.verified_at is not None:
            problem = "code_used"
        elif row.expires_at < now or row.attempts >= c.EMAIL_CODE_ATTEMPTS:
            problem = "code_expired"
        elif not hmac.compare_digest(row.code_hash, _hash(email, code.strip())):
            row.attempts += 1
            row.save(update_fields=["attempts"])
            problem = "bad_code"
        else:
            row.verified_at = now
            row.save(update_fields=["verified_at"])
            return email
    messages = {
        "bad_code": _("Mã xác minh không đúng."),
        "code_used": _("Mã xác minh này đã được dùng; hãy yêu cầu mã mới."),
        "code_expired": _("Mã xác minh đã hết hạn; hãy yêu cầu mã mới."),
    }
    raise ActionError(messages[problem], code=problem, field="code")
