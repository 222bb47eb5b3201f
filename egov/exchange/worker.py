"""The exchange worker: deliver the outbox, poll the hub, sleep until woken.

It LISTENs on the outbox channel, so a package committed by a request is on its way within
milliseconds; when nothing is due it waits for a notification or ``EGOV_EXCHANGE_POLL_SECONDS``
(the hub is polled at that pace)."""

from __future__ import annotations

import logging
import time

import psycopg
from django.conf import settings
from django.db import close_old_connections, connection
from django.urls import get_resolver

from egov.exchange import client
from egov.exchange.actions.delivery import deliver_due, ensure_configured_hub, poll_hub
from egov.exchange.actions.outbox import CHANNEL
from egov.exchange.identity import load_identity

log = logging.getLogger(__name__)


def _listener() -> psycopg.Connection[tuple[object, ...]]:
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    conn = psycopg.connect(**params, autocommit=True)
    conn.execute(f"LISTEN {CHANNEL}")
    return conn


#: An idle worker polls the hub less often, up to this many pauses apart: each poll is a
#: request the hub serves, and a member's workers polling every pause cost the hub CPU at
#: every package's expense when few arrive. Finding a package resets the pace; deliveries
#: of our own outbox still start on the notification, without waiting. Kept small: a
#: document after a quiet spell waits up to this at the receiver's poll and again for its
#: 01 at the sender's (issue to 01 back: p95 under 2 s).
IDLE_POLL_PAUSES = 2


def warm_up() -> None:
    """What the first package would otherwise pay for, done before the first poll: the
    installation's key and certificates read (the key's check alone takes a tenth of a
    second) and the URL configuration imported (a received document's notification links
    to it; importing every app's URLs takes about two seconds)."""
    load_identity()
    get_resolver().url_patterns  # noqa: B018 - the property imports the URL modules


def run(*, once: bool = False, stop_after: float | None = None) -> None:
    started = time.monotonic()
    warm_up()
    ensure_configured_hub()
    listener = None if once else _listener()
    pause = settings.EGOV_EXCHANGE_POLL_SECONDS
    empty_polls = 0
    next_poll = 0.0
    while True:
        if not once:
            close_old_connections()  # a long-lived process: reconnect after a server restart
        busy = 0
        try:
            busy += deliver_due()
            if once or time.monotonic() >= next_poll:
                taken = poll_hub()
                busy += taken
                empty_polls = 0 if taken else min(empty_polls + 1, IDLE_POLL_PAUSES)
                next_poll = time.monotonic() + pause * max(0, empty_polls - 1)
        except client.TransportError as exc:
            log.info("exchange worker: hub unreachable: %s", exc)
            time.sleep(pause)
        if once:
            return
        if stop_after is not None and time.monotonic() - started > stop_after:
            return
        if not busy and listener is not None:
            for _note in listener.notifies(timeout=pause, stop_after=1):
                pass
