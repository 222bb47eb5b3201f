"""Mailbox passwords: checked for strength, stored only as a hash Dovecot verifies.

The hash is Argon2id in the PHC string form Dovecot's ``ARGON2ID`` scheme reads (libsodium),
with one lane as libsodium requires, prefixed by the scheme name: ``{ARGON2ID}$argon2id$…``.
"""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from django.conf import settings
from django.utils.translation import gettext as _

from egov.lib.errors import ActionError
from egov.lib.text import fold

SCHEME = "{ARGON2ID}"

# Dovecot's own defaults for ARGON2ID (doveadm pw -s ARGON2ID): 64 MiB, 3 passes, 1 lane.
_HASHER = PasswordHasher(time_cost=3, memory_cost=65536, parallelism=1)


def dovecot_hash(password: str) -> str:
    return SCHEME + _HASHER.hash(password)


def verify(hashed: str, password: str) -> bool:
    if not hashed.startswith(SCHEME):
        return False
    try:
        return _HASHER.verify(hashed.removeprefix(SCHEME), password)
    except (VerificationError, InvalidHashError):
        return False


def check_strength(password: str, *, local_part: str, full_name: str) -> None:
    """A mailbox password: long enough, three kinds of characters, not the name or address."""
    minimum = settings.EGOV_MAIL_PASSWORD_MIN_LENGTH
    if len(password) < minimum:
        raise ActionError(
            _("Mật khẩu phải có ít nhất %(n)s ký tự.") % {"n": minimum},
            code="password_too_short",
            field="password",
        )
    kinds = sum(
        (
            any(c.islower() for c in password),
            any(c.isupper() for c in password),
            any(c.isdigit() for c in password),
            any(not c.isalnum() for c in password),
        )
    )
    if kinds < 3:
        raise ActionError(
            _("Mật khẩu phải có ít nhất ba trong bốn loại: chữ thường, chữ hoa, chữ số, ký hiệu."),
            code="password_too_simple",
            field="password",
        )
    folded = fold(password).replace(" ", "")
    words = fold(full_name).split()
    # The address and the name as a whole, and the given name: what a guesser tries first.
    names = [local_part, "".join(words), words[-1] if words else ""]
    if any(len(name) >= 3 and name in folded for name in names):
        raise ActionError(
            _("Mật khẩu không được chứa tên hộp thư hoặc họ tên."),
            code="password_contains_name",
            field="password",
        )
