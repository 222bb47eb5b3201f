"""Errors raised by actions. The message is for users (Vietnamese, translatable); the code is
for machines and logs (English, stable)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError

__all__ = ["ActionError", "PermissionDenied", "ValidationError", "error_payload"]


class ActionError(ValidationError):
    """A rule of the domain was broken: nothing was written."""

    def __init__(self, message: Any, *, code: str, field: str | None = None, **params: Any):
        super().__init__(message, code=code, params=params or None)
        self.field = field


def error_payload(exc: ValidationError) -> dict[str, Any]:
    """The API's machine-readable form of a validation error."""
    errors: list[dict[str, Any]] = []
    if hasattr(exc, "error_dict"):
        for field_name, field_errors in exc.error_dict.items():
            for error in field_errors:
                errors.append(
                    {
                        "field": field_name,
                        "code": error.code or "invalid",
                        "message": " ".join(error.messages),
                    }
                )
    else:
        for error in exc.error_list:
            errors.append(
                {
                    "field": getattr(exc, "field", None),
                    "code": error.code or "invalid",
                    "message": " ".join(error.messages),
                }
            )
    return {"code": errors[0]["code"] if errors else "invalid", "errors": errors}
