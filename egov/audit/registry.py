"""The registry of action names.

Every write in the platform is recorded under a registered name such as
``organisations.unit.create``. Registering names up front keeps the audit screen's filter
meaningful and catches typos: :func:`egov.audit.record` refuses an unknown name.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise


@dataclass(frozen=True)
class ActionName:
    name: str
    label: str | Promise


_REGISTRY: dict[str, ActionName] = {}


def register(name: str, label: str | Promise) -> str:
    """Register an action name with its human label; return the name for use as a constant."""
    existing = _REGISTRY.get(name)
    if existing is not None and existing.label != label:
        raise ValueError(f"audit action {name!r} registered twice with different labels")
    _REGISTRY[name] = ActionName(name, label)
    return name


def is_registered(name: str) -> bool:
    return name in _REGISTRY


def label_for(name: str) -> str:
    entry = _REGISTRY.get(name)
    return str(entry.label) if entry else name


def all_actions() -> list[ActionName]:
    return sorted(_REGISTRY.values(), key=lambda a: a.name)
