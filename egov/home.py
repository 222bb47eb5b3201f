"""The "my work" home page is made of panels that each app contributes.

An app adds a panel by appending a provider to ``PANEL_PROVIDERS`` in its AppConfig.ready;
a provider returns None when it has nothing for this user.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.http import HttpRequest


@dataclass
class Panel:
    title: str
    template: str
    context: dict[str, object] = field(default_factory=dict)
    order: int = 100


PANEL_PROVIDERS: list[Callable[[HttpRequest], Panel | None]] = []


def home_panels(request: HttpRequest) -> list[Panel]:
    panels = [p for provider in PANEL_PROVIDERS if (p := provider(request)) is not None]
    return sorted(panels, key=lambda p: p.order)
