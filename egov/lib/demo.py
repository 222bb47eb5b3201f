"""Demo loaders contributed by each app. ``manage.py load_demo`` builds the organisation
registry first, then runs every registered loader whose data is not there yet, each in its
own transaction, so an app added later fills an existing demo database on the next run."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class DemoLoader:
    name: str
    loaded: Callable[[], bool]
    load: Callable[[Any], None]  # receives the command's stdout
    order: int = 100


DEMO_LOADERS: list[DemoLoader] = []


def register_demo_loader(loader: DemoLoader) -> None:
    if all(existing.name != loader.name for existing in DEMO_LOADERS):
        DEMO_LOADERS.append(loader)
