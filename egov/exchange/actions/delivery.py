"""The worker's side: deliver what is due in the outbox, take in what waits at the hub,
keep the agency directory in step with the hub's."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging

from django.db import transaction
from django.utils import timezone

from egov.audit.service import record
from egov.documents.actions.delivery import set_recipient_status
from egov.documents.choices import RecipientStatus
from egov.exchange import audit_names, client, queries
from egov.exchange.actions import inbox
from egov.exchange.actions.hub import take
from egov.exchange.actions.inbox import Refused
from egov.exchange.actions.outbox import mark_dead, mark_failed
from egov.exchange.choices import Kind, OutboxState
from egov.exchange.models import Organ, OutboxMessage, Peer

log = logging.getLogger(__name__)


def deliver_due(*, limit: int = 50) -> int:
    """Deliver up to ``limit`` due outbox messages, each in its own transaction with its
    row locked (``SKIP LOCKED``: several workers share the queue); the number handled."""
    handled = 0
    for _ in range(limit):
        with transaction.atomic():
            message = (
                OutboxMessage.objects.select_for_update(skip_locked=True)
                .filter(state=OutboxState.PENDING, next_attempt_at__lte=timezone.now())
                .order_by("next_attempt_at", "pk")
                .first()
            )
            if message is None:
                break
            _deliver(message)
            handled += 1
    return handled


def _deliver(message: OutboxMessage) -> None:
    body = bytes(message.body)
    try:
        if queries.local_unit(message.to_code) is not None:
            inbox.accept(body)
        else:
            _send_away(message, body)
    except (Refused, client.PeerRefused) as refusal:
        log.warning("exchange: outbox %s refused: %s", message.pk, refusal)
        mark_dead(message, str(refusal))
        _recipient(message, RecipientStatus.FAILED)
        return
    except client.TransportError as exc:
        log.info("exchange: outbox %s not delivered, will retry: %s", message.pk, exc)
        mark_failed(message, str(exc))
        if message.state == OutboxState.DEAD:
            _recipient(message, RecipientStatus.FAILED)
        return
    message.state = OutboxState.SENT
    message.sent_at = timezone.now()
    message.attempts += 1
    message.save(update_fields=["state", "sent_at", "attempts"])
    _recipient(message, RecipientStatus.SENT)


def _send_away(message: OutboxMessage, body: bytes) -> None:
    """To a member's mailbox when we are its hub, through our hub otherwise."""
    found = Organ.objects.filter(code=message.to_code).select_related("peer").first()
    organ = found.successor() if found is not None else None
    if organ is not None and organ.active and organ.peer is not None and not organ.peer.is_hub:
        take(sender=_self_peer(), body=body)
        return
    hub = queries.hub()
    if hub is None:
        raise Refused("unknown_recipient", f"no route to organ code {message.to_code}")
    client.send(hub, body)


def _self_peer() -> Peer:
    """The hub's own row as a sender in its members' mailboxes."""
    peer, _created = Peer.objects.get_or_create(
        code="self", defaults={"name": "Hệ thống này", "active": False}
    )
    return peer


def _recipient(message: OutboxMessage, status: str) -> None:
    if message.kind == Kind.EDOC and message.recipient_id is not None:
        set_recipient_status(recipient_id=message.recipient_id, status=status, at=timezone.now())


#: Packages up to this size come inline in the hub's listing (status messages).
INLINE_BYTES = 32 * 1024
#: Seconds the hub holds what it listed for the worker that asked: a member's workers poll
#: side by side, and without the lease each of them fetched, verified and parsed the same
#: packages (the inbox kept one copy, but the work was done twice). A worker killed with its
#: batch leaves it to the others when the lease runs out.
LEASE_SECONDS = 20


def poll_hub(*, limit: int = 20) -> int:
    """Take in what waits for us at the hub; each package acknowledged only after it is
    committed here, so a crash in between means fetching it again, and the inbox's
    idempotence makes that harmless. The number taken."""
    hub = queries.hub()
    if hub is None:
        return 0
    done: list[int] = []
    try:
        listed = client.received(hub, limit=limit, inline=INLINE_BYTES, lease=LEASE_SECONDS)
        for item in listed:
            body = item.get("body") or client.fetch(hub, int(item["id"]))
            # A refusal is recorded, and answered with 02 where it can be: do not fetch again.
            with contextlib.suppress(Refused):
                inbox.accept(body, sender=hub)
            done.append(int(item["id"]))
    finally:
        # One acknowledgement for the batch, of what is committed here; if it is lost, the
        # hub lists those packages again and the inbox recognises them.
        if done:
            client.acknowledge(hub, done)
    return len(done)


@transaction.atomic
def sync_directory() -> int:
    """Copy the hub's agency directory (agencies of other installations) and register our
    own agencies with it; the number of agencies listed by the hub."""
    hub = queries.hub()
    if hub is None:
        return 0
    from egov.organisations.models import OrgUnit

    for unit in OrgUnit.objects.filter(valid_to__isnull=True).exclude(organ_code=""):
        client.register_agency(hub, code=unit.organ_code, name=unit.name)
    listed = client.agencies(hub)
    today = timezone.localdate()
    copied: dict[str, Organ] = {}
    for entry in listed:
        code = entry["code"]
        if queries.local_unit(code) is not None:
            continue
        copied[code], _created = Organ.objects.update_or_create(
            code=code,
            defaults={
                "name": entry.get("name", code)[:255],
                "parent_code": entry.get("parent_code", "")[:35],
                "peer": hub,
                "active": bool(entry.get("active", True)),
                "valid_from": _date(entry.get("valid_from")),
                "valid_to": _date(entry.get("valid_to")),
            },
        )
    for entry in listed:
        successor = copied.get(entry.get("replaced_by") or "")
        if entry["code"] in copied and successor is not None:
            Organ.objects.filter(code=entry["code"]).update(replaced_by=successor)
    # Gone from the hub's directory: kept, with the day it was last seen.
    Organ.objects.filter(peer=hub, active=True).exclude(code__in=copied).update(
        active=False, valid_to=today
    )
    record(action=audit_names.DIRECTORY_SYNC, actor=None, after={"listed": len(listed)})
    return len(listed)


def _date(value: object) -> dt.date | None:
    return dt.date.fromisoformat(str(value)) if value else None


@transaction.atomic
def resend(*, actor: object, message: OutboxMessage) -> OutboxMessage:
    """An administrator sends a dead letter again (after fixing the route or the peer)."""
    message = OutboxMessage.objects.select_for_update().get(pk=message.pk)
    if message.state != OutboxState.DEAD:
        return message
    message.state = OutboxState.PENDING
    message.next_attempt_at = timezone.now()
    message.save(update_fields=["state", "next_attempt_at"])
    record(
        action=audit_names.OUTBOX_RESEND,
        actor=actor,
        obj=message,
        after={"to": message.to_code, "document_id": message.document_id},
    )
    from egov.exchange.actions.outbox import wake_worker

    transaction.on_commit(wake_worker)
    return message


@transaction.atomic
def ensure_configured_hub() -> Peer | None:
    """The hub named by ``EGOV_EXCHANGE_HUB_URL`` (its token stays in the environment,
    ``EGOV_EXCHANGE_HUB_TOKEN``): created or updated when the worker starts."""
    from django.conf import settings

    url = settings.EGOV_EXCHANGE_HUB_URL
    if not url:
        return queries.hub()
    hub = Peer.objects.select_for_update().filter(is_hub=True).first()
    if hub is not None and hub.base_url == url and hub.active:
        return hub
    if hub is None:
        hub = Peer(code="hub", name="Trục liên thông", is_hub=True)
    hub.base_url = url
    hub.active = True
    hub.save()
    record(action=audit_names.PEER_SAVE, actor=None, obj=hub, after={"base_url": url})
    return hub
