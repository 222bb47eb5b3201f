"""(d) Registration throughput through the real ``register_incoming`` action, from this
process and from several OS processes at once.

A worker process is started with the ``spawn`` context: it imports Django afresh, points the
default connection at the benchmark database and registers its share as its clerk. This module
imports nothing of Django at the top, so a spawned process can import it to find its worker.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import time
import traceback
from dataclasses import dataclass
from typing import Any

from bench._common import Report, log

REGISTRATION_TARGET = 200.0  # documents per second
#: Seconds a worker may take to set Django up.
START_TIMEOUT = 300


@dataclass(frozen=True)
class Desk:
    """A clerk and the agency whose register they keep."""

    clerk_id: int
    unit_id: int


def _payloads(count: int, seed: int) -> list[dict[str, Any]]:
    """``count`` received documents as a clerk types them: every one a different number, so
    the duplicate check runs and finds nothing; about 15% urgent (their leaders are told)."""
    from egov.documents.choices import Channel
    from egov.documents.models import DocumentType
    from egov.documents.seeding.reference import (
        CENTRAL,
        LETTER_VERBS,
        TOPICS,
        person_name,
    )
    from egov.lib.dates import local_today

    rng = random.Random(seed)
    types = {t.code: t for t in DocumentType.objects.filter(code__in=["cong-van", "ke-hoach"])}
    today = local_today()
    payloads = []
    for n in range(count):
        abbreviation, issuer, _posts = rng.choice(CENTRAL)
        letter = rng.random() < 0.7
        payloads.append(
            {
                "document_type": types["cong-van" if letter else "ke-hoach"],
                "subject": f"V/v {rng.choice(LETTER_VERBS)} {rng.choice(TOPICS)}",
                "issuer_name": issuer,
                "channel": Channel.EXCHANGE if rng.random() < 0.8 else Channel.PAPER,
                "code_number": str(100_000 + seed * 10_000 + n),
                "code_notation": f"{abbreviation}-VP" if letter else f"KH-{abbreviation}",
                "issued_date": today,
                "signer_name": person_name(rng),
                "signer_position": "Thứ trưởng",
                "urgency": 1 if rng.random() < 0.15 else 0,
            }
        )
    return payloads


def _register(desk: Desk, payloads: list[dict[str, Any]]) -> None:
    from django.contrib.auth import get_user_model

    from egov.documents.actions.incoming import register_incoming
    from egov.organisations.models import OrgUnit

    clerk = get_user_model().objects.get(pk=desk.clerk_id)
    unit = OrgUnit.objects.get(pk=desk.unit_id)
    for payload in payloads:
        register_incoming(actor=clerk, unit=unit, **payload)


def _warm_up(desk: Desk, seed: int) -> None:
    """What a serving process has done before: imports, the URL configuration (an urgent
    document's notification links to it), the connection, the clerk's first registrations."""
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 - loads the URL configuration
    _register(desk, _payloads(3, seed))


def _worker(database: str, desk: Desk, count: int, seed: int, start: Any, results: Any) -> None:
    """One OS process: Django on ``database``, a short warm-up, then ``count`` registrations
    once every worker is ready. Reports (monotonic start, monotonic end) or a traceback."""
    try:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "egov.settings")
        from django.conf import settings

        settings.DATABASES["default"]["NAME"] = database
        settings.DEBUG = False
        import django

        django.setup()
        timed = _payloads(count, seed)
        _warm_up(desk, seed + 500)
        start.wait(timeout=START_TIMEOUT)
        began = time.monotonic()
        _register(desk, timed)
        results.put(("ok", (began, time.monotonic())))
    except BaseException:
        results.put(("error", traceback.format_exc()))
    finally:
        from django.db import connections

        connections.close_all()


def in_processes(database: str, desks: list[Desk], per_process: int, seed: int) -> float:
    """Documents per second registered by one process per desk, from the first start to the
    last finish."""
    from django.db import connections

    connections.close_all()
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(len(desks))
    results = context.Queue()
    workers = [
        context.Process(
            target=_worker, args=(database, desk, per_process, seed + n, start, results)
        )
        for n, desk in enumerate(desks)
    ]
    for worker in workers:
        worker.start()
    reports = [results.get(timeout=START_TIMEOUT + 600) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
    errors = [body for status, body in reports if status == "error"]
    if errors:
        raise SystemExit(f"a registration worker failed:\n{errors[0]}")
    began: float = min(body[0] for _, body in reports)
    ended: float = max(body[1] for _, body in reports)
    return len(desks) * per_process / (ended - began)


def measure_registration(
    database: str, desks: list[Desk], report: Report, *, single: int, per_process: int
) -> None:
    """(d) From this process (the first desk, the busiest agency), then from one process per
    desk (four agencies), then four processes on the busiest agency's one register."""
    _warm_up(desks[0], 1)
    payloads = _payloads(single, 2)
    began = time.perf_counter()
    _register(desks[0], payloads)
    rate = single / (time.perf_counter() - began)
    log(f"registration: {single} from one process, {rate:.0f}/s")
    report.emit(
        "register_incoming_1proc_per_s", rate, "docs/s", target=REGISTRATION_TARGET, better="higher"
    )
    rate = in_processes(database, desks, per_process, seed=10)
    log(f"registration: {per_process} in each of {len(desks)} processes, {rate:.0f}/s")
    report.emit(
        f"register_incoming_{len(desks)}proc_per_s",
        rate,
        "docs/s",
        target=REGISTRATION_TARGET,
        better="higher",
    )
    same = [desks[0]] * len(desks)
    rate = in_processes(database, same, per_process, seed=20)
    log(f"registration: {len(same)} processes on one register, {rate:.0f}/s")
    report.emit(
        f"register_incoming_{len(same)}proc_one_register_per_s",
        rate,
        "docs/s",
        target=REGISTRATION_TARGET,
        better="higher",
    )
