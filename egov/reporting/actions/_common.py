from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied


def require(condition: bool, reason: str) -> None:
    """Raise PermissionDenied (English reason for the logs) unless ``condition``."""
    if not condition:
        raise PermissionDenied(reason)


def actor_or_none(actor: Any) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None
