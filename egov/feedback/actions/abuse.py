"""Abuse control without an outside service: a rate limit per IP address and per e-mail
address kept in the database (so every web process counts together), and a signed
arithmetic challenge with a minimum and maximum answering time plus a honeypot field."""

from __future__ import annotations

import datetime as dt
import secrets
import time
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.utils import timezone
from django.utils.translation import gettext as _

from egov.feedback import constants as c
from egov.feedback.actions._common import digest
from egov.feedback.models import RateEvent
from egov.lib.errors import ActionError

_SALT = "egov.feedback.challenge"


def _setting(name: str, default: int) -> int:
    return int(getattr(settings, f"EGOV_FEEDBACK_{name}", default))


def rate_keys(*, ip: str = "", email: str = "") -> list[tuple[str, int]]:
    keys = []
    if ip:
        keys.append((digest(f"ip:{ip}"), _setting("RATE_PER_IP", c.RATE_PER_IP)))
    if email:
        keys.append(
            (digest(f"email:{email.strip().lower()}"), _setting("RATE_PER_EMAIL", c.RATE_PER_EMAIL))
        )
    return keys


def check_rate(*, ip: str = "", email: str = "") -> None:
    """Refuse when the address or the e-mail has used up its submissions in the window."""
    window = timezone.now() - dt.timedelta(
        minutes=_setting("RATE_WINDOW_MINUTES", c.RATE_WINDOW_MINUTES)
    )
    for key, limit in rate_keys(ip=ip, email=email):
        if RateEvent.objects.filter(key=key, at__gte=window).count() >= limit:
            raise ActionError(
                _(
                    "Bạn đã gửi quá nhiều phản ánh trong thời gian ngắn. "
                    "Vui lòng thử lại sau %(minutes)s phút."
                )
                % {"minutes": _setting("RATE_WINDOW_MINUTES", c.RATE_WINDOW_MINUTES)},
                code="rate_limited",
            )


def count(*, ip: str = "", email: str = "") -> None:
    now = timezone.now()
    RateEvent.objects.bulk_create(
        [RateEvent(key=key, at=now) for key, _limit in rate_keys(ip=ip, email=email)]
    )


def forget_old_events() -> int:
    """Rate events older than a day count for nothing: delete them (periodic)."""
    deleted, _rows = RateEvent.objects.filter(at__lt=timezone.now() - dt.timedelta(days=1)).delete()
    return int(deleted)


@dataclass(frozen=True)
class Challenge:
    question: str
    token: str


def new_challenge() -> Challenge:
    a, b = secrets.randbelow(9) + 1, secrets.randbelow(9) + 1
    token = signing.dumps({"a": a, "b": b, "t": int(time.time())}, salt=_SALT)
    return Challenge(_("%(a)s cộng %(b)s bằng bao nhiêu?") % {"a": a, "b": b}, token)


def question_of(token: str) -> str:
    try:
        data = signing.loads(token, salt=_SALT)
    except signing.BadSignature:
        return ""
    return _("%(a)s cộng %(b)s bằng bao nhiêu?") % {"a": data["a"], "b": data["b"]}


def check_challenge(*, token: str, answer: str, honeypot: str = "") -> None:
    """Refuse a wrong or forged answer, a form sent too fast (a robot) or too late, and a
    filled honeypot field (hidden from people, filled by robots)."""
    failed = ActionError(
        _("Câu trả lời kiểm tra chưa đúng. Hãy tính lại phép cộng."),
        code="challenge_failed",
        field="challenge",
    )
    if honeypot.strip():
        raise failed
    try:
        data = signing.loads(token, salt=_SALT)
    except signing.BadSignature:
        raise failed from None
    elapsed = time.time() - int(data["t"])
    if elapsed < _setting("CHALLENGE_MIN_SECONDS", c.CHALLENGE_MIN_SECONDS):
        raise failed
    if elapsed > c.CHALLENGE_MAX_SECONDS:
        raise ActionError(
            _("Biểu mẫu đã mở quá lâu. Hãy trả lời câu hỏi kiểm tra mới."),
            code="challenge_expired",
            field="challenge",
        )
    if answer.strip() != str(int(data["a"]) + int(data["b"])):
        raise failed
