from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


class CharacterClassValidator:
    """At least three of: lower-case, upper-case, digit, other character."""

    def validate(self, password: str, user: Any = None) -> None:
        classes = [
            any(c.islower() for c in password),
            any(c.isupper() for c in password),
            any(c.isdigit() for c in password),
            any(not c.isalnum() for c in password),
        ]
        if sum(classes) < 3:
            raise ValidationError(
                _(
                    "Mật khẩu phải có ít nhất ba trong bốn loại ký tự: chữ thường, chữ hoa, "
                    "chữ số, ký tự đặc biệt."
                ),
                code="password_too_simple",
            )

    def get_help_text(self) -> str:
        return _("Mật khẩu có ít nhất ba loại ký tự: chữ thường, chữ hoa, chữ số, ký tự đặc biệt.")
