"""Shared machinery of the benchmarks: a fresh database of their own, timing, JSON figures.

A benchmark never touches the demo or test data: :func:`fresh_database` drops and creates a
separate database on the server ``settings.DATABASES`` points at, points Django at it and
migrates it. Figures go to stdout, one JSON object per line; progress goes to stderr.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any


def log(message: str) -> None:
    """Progress for the person running the benchmark; stdout stays pure JSON."""
    print(message, file=sys.stderr, flush=True)


def parse_args(description: str, *, quick_scale: float) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument(
        "--scale", type=float, default=1.0, help="size relative to the full scale (default 1)"
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help=f"small run finishing in under a minute (scale {quick_scale}, fewer repetitions)",
    )
    parser.add_argument(
        "--database",
        default="bench_egov",
        help="name of the database to drop, create and fill (default bench_egov)",
    )
    parser.add_argument(
        "--pg-setting",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a PostgreSQL setting for the benchmark database, on top of the embedded "
        "server's (egov.lib.embedded_db.SERVER_SETTINGS), e.g. random_page_cost=4",
    )
    args = parser.parse_args()
    if args.quick:
        args.scale = quick_scale
    if args.scale <= 0:
        parser.error("--scale must be positive")
    args.pg_settings = {}
    for item in args.pg_setting:
        name, _, value = item.partition("=")
        if not (name.replace(".", "_").isidentifier() and value):
            parser.error(f"--pg-setting wants NAME=VALUE, not {item!r}")
        args.pg_settings[name] = value
    return args


def _server_params(settings_dict: Mapping[str, Any]) -> dict[str, Any]:
    options = dict(settings_dict.get("OPTIONS") or {})
    params: dict[str, Any] = {
        "dbname": "postgres",
        "user": settings_dict.get("USER") or None,
        "password": settings_dict.get("PASSWORD") or None,
        "host": settings_dict.get("HOST") or options.pop("host", None),
        "port": settings_dict.get("PORT") or None,
    }
    return {key: value for key, value in params.items() if value is not None}


def fresh_database(name: str, server_settings: dict[str, str] | None = None) -> float:
    """Drop and create database ``name`` on the configured server (with ``server_settings``
    as its defaults), set Django up on it and migrate. Must run before anything opens a
    database connection. Returns the seconds spent."""
    started = time.perf_counter()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "egov.settings")
    if not name.isidentifier():
        raise SystemExit(f"invalid benchmark database name: {name!r}")

    import psycopg
    from django.conf import settings
    from psycopg import sql

    default = settings.DATABASES["default"]
    if name in {default["NAME"], default.get("TEST", {}).get("NAME")}:
        raise SystemExit(f"refusing to use the application or test database {name!r}")
    with psycopg.connect(**_server_params(default), autocommit=True) as server:
        server.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        server.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        for setting, value in (server_settings or {}).items():
            server.execute(
                sql.SQL("ALTER DATABASE {} SET {} = {}").format(
                    sql.Identifier(name), sql.Identifier(setting), sql.Literal(value)
                )
            )
    default["NAME"] = name
    # Measure what production runs: no query log kept on every cursor.
    settings.DEBUG = False

    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
    return time.perf_counter() - started


def percentile(samples: list[float], fraction: float) -> float:
    """Linear interpolation between the closest ranks (numpy's default)."""
    ordered = sorted(samples)
    if not ordered:
        raise ValueError("no samples")
    position = (len(ordered) - 1) * fraction
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def time_ms(operation: Callable[[], object], *, repeat: int, warmup: int = 2) -> list[float]:
    """Run ``operation`` ``warmup`` times untimed, then ``repeat`` times; milliseconds each."""
    for _ in range(warmup):
        operation()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        operation()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


@dataclass
class Report:
    """Figures printed as they are measured, and the closing summary line."""

    figures: dict[str, float] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    def emit(
        self,
        figure: str,
        value: float,
        unit: str,
        *,
        target: float | None = None,
        better: str | None = "lower",
    ) -> None:
        value = round(value, 2)
        self.figures[figure] = value
        if target is not None and not (value <= target if better == "lower" else value >= target):
            self.misses.append(figure)
        line = {"figure": figure, "value": value, "unit": unit, "target": target, "better": better}
        print(json.dumps(line, ensure_ascii=False), flush=True)

    def latency(self, figure: str, samples: list[float], *, target: float | None) -> None:
        """``<figure>_p50_ms`` and ``<figure>_p95_ms``; the target (if any) applies to both."""
        self.emit(f"{figure}_p50_ms", percentile(samples, 0.50), "ms", target=target)
        self.emit(f"{figure}_p95_ms", percentile(samples, 0.95), "ms", target=target)

    def summary(self, **extra: Any) -> None:
        body = {**extra, "figures": self.figures, "targets_missed": self.misses}
        print(json.dumps({"summary": body}, ensure_ascii=False), flush=True)
