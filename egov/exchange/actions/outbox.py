"""Writing to the outbox: in the caller's transaction, woken worker after commit."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from egov.exchange import storage
from egov.exchange.choices import Kind, OutboxState
from egov.exchange.models import OutboxMessage
from egov.exchange.packages import Sealed

#: The channel the worker LISTENs on; a NOTIFY after commit wakes it at once.
CHANNEL = "egov_exchange"


def wake_worker() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"NOTIFY {CHANNEL}")


def enqueue(
    *,
    kind: str,
    sealed: Sealed,
    document_id: str,
    from_code: str,
    to_code: str,
    status_code: str = "",
    recipient: Any = None,
) -> OutboxMessage:
    """Put a sealed package in the outbox. Call inside the transaction of the change it
    announces: both commit, or neither."""
    now = timezone.now()
    message = OutboxMessage.objects.create(
        kind=kind,
        document_id=document_id,
        from_code=from_code,
        to_code=to_code,
        status_code=status_code,
        body_file=storage.put(sealed.body, sha256=sealed.sha256),
        sha256=sealed.sha256,
        size=len(sealed.body),
        next_attempt_at=now,
        created_at=now,
        recipient=recipient,
    )
    transaction.on_commit(wake_worker)
    return message


def backoff(attempts: int) -> dt.timedelta:
    """1 s, 2 s, 4 s … doubling, at most 10 minutes between tries."""
    return dt.timedelta(seconds=min(600, 2 ** max(0, attempts - 1)))


def mark_failed(message: OutboxMessage, error: str) -> None:
    """One more failed try: wait longer next time; after the last allowed try the message
    goes to the dead-letter list for an administrator."""
    message.attempts += 1
    message.last_error = error[:2000]
    if message.attempts >= settings.EGOV_EXCHANGE_MAX_ATTEMPTS:
        message.state = OutboxState.DEAD
    else:
        message.next_attempt_at = timezone.now() + backoff(message.attempts)
    message.save(update_fields=["attempts", "last_error", "state", "next_attempt_at"])


def mark_dead(message: OutboxMessage, error: str) -> None:
    """A failure no retry can fix (the recipient is unknown, the package was refused)."""
    message.attempts += 1
    message.last_error = error[:2000]
    message.state = OutboxState.DEAD
    message.save(update_fields=["attempts", "last_error", "state"])


def is_status(message: OutboxMessage) -> bool:
    return message.kind == Kind.STATUS
