"""The "my work" home page is made of panels that each app contributes.

An app adds a panel by appending a provider to ``PANEL_PROVIDERS`` in its AppConfig.ready;
a provider returns None when it has nothing for this user.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.http import HttpRequest
from django.utils.functional import Promise


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


@dataclass(frozen=True)
class NavItem:
    label: str | Promise
    url: str
    key: str
    order: int = 100


#: Apps add their entries of the main navigation here (AppConfig.ready); a provider returns
#: the entries this user may use, or none.
NAV_PROVIDERS: list[Callable[[HttpRequest], list[NavItem]]] = []


def app_nav_items(request: HttpRequest) -> list[NavItem]:
    items = [item for provider in NAV_PROVIDERS for item in provider(request)]
    return sorted(items, key=lambda item: item.order)
