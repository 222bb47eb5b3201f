from __future__ import annotations

from typing import Any

from django.contrib.auth import password_validation
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


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    """Django's length rule with a message that says how long the password is and must be
    (Django's own Vietnamese catalogue lacks this plural message)."""

    def get_error_message(self) -> str:
        return _("Mật khẩu quá ngắn: cần ít nhất %(min_length)s ký tự.") % {
            "min_length": self.min_length
        }

    def validate(self, password: str, user: Any = None) -> None:
        if len(password) < self.min_length:
            raise ValidationError(
                _("Mật khẩu quá ngắn: mới có %(length)s ký tự, cần ít nhất %(min_length)s ký tự.")
                % {"length": len(password), "min_length": self.min_length},
                code="password_too_short",
            )

    def get_help_text(self) -> str:
        return _("Mật khẩu có ít nhất %(min_length)s ký tự.") % {"min_length": self.min_length}
