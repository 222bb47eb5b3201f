"""Who must use two-factor authentication.

The organisation registry knows who administers what, but sits above this app; it registers a
predicate here when it starts (dependency inversion keeps the layers clean).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

_predicates: list[Callable[[Any], bool]] = []


def register_two_factor_predicate(predicate: Callable[[Any], bool]) -> None:
    if predicate not in _predicates:
        _predicates.append(predicate)


def two_factor_required(user: Any) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser or user.is_staff:
        return True
    return any(predicate(user) for predicate in _predicates)
