"""Demo loaders contributed by each app. ``manage.py load_demo`` builds the organisation
registry first, then runs every registered loader whose data is not there yet, each in its
own transaction, so an app added later fills an existing demo database on the next run.

A loader names its module rather than holding its functions: demo modules import what
building the demo needs (signing keys, spreadsheets, sample files), and every process
(web workers, the exchange worker, management commands) runs the apps' ``ready`` at
start, so they are imported only when the demo is loaded."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import Any


@dataclass(frozen=True)
class DemoLoader:
    """An app's demo data: ``module`` has ``loaded() -> bool`` and ``load(stdout)``."""

    name: str
    module: str
    order: int = 100

    def loaded(self) -> bool:
        return bool(import_module(self.module).loaded())

    def load(self, stdout: Any) -> None:
        import_module(self.module).load(stdout)


DEMO_LOADERS: list[DemoLoader] = []


def register_demo_loader(loader: DemoLoader) -> None:
    if all(existing.name != loader.name for existing in DEMO_LOADERS):
        DEMO_LOADERS.append(loader)
