"""The worker's side: deliver what is due in the outbox, take in what waits at the hub,
keep the agency directory in step with the hub's."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from egov.audit.service import record
from egov.documents.actions.delivery import set_recipient_status, set_recipient_statuses
from egov.documents.choices import RecipientStatus
from egov.exchange import audit_names, client, framing, queries
from egov.exchange.actions import inbox
from egov.exchange.actions.hub import take
from egov.exchange.actions.inbox import Refused
from egov.exchange.actions.outbox import mark_dead, mark_failed
from egov.exchange.choices import Kind, OutboxState
from egov.exchange.models import Organ, OutboxMessage, Peer

log = logging.getLogger(__name__)


#: Due outbox messages one worker takes per transaction; those bound for a hub of ours
#: travel in one request (``client.send_many``) and are marked in one commit.
SEND_BATCH = 10


def deliver_due(*, limit: int = 50) -> int:
    """Deliver up to ``limit`` due outbox messages, a batch per transaction with its rows
    locked (``SKIP LOCKED``: several workers share the queue); the number handled."""
    handled = 0
    while handled < limit:
        with transaction.atomic(), queries.batch_lookups():
            messages = list(
                OutboxMessage.objects.select_for_update(skip_locked=True)
                .filter(state=OutboxState.PENDING, next_attempt_at__lte=timezone.now())
                .order_by("next_attempt_at", "pk")[: min(SEND_BATCH, limit - handled)]
            )
            if not messages:
                break
            through_hub: list[OutboxMessage] = []
            routes: dict[str, bool] = {}  # organ code → through the hub (a batch has few)
            for message in messages:
                code = message.to_code
                if code not in routes:
                    routes[code] = _through_hub(code)
                if routes[code]:
                    through_hub.append(message)
                else:
                    _deliver(message)
            for group in _send_groups(through_hub):
                _deliver_group(group)
        handled += len(messages)
    return handled


def _deliver(message: OutboxMessage, body: bytes | None = None) -> None:
    body = bytes(message.body) if body is None else body
    try:
        if queries.local_unit(message.to_code) is not None:
            inbox.accept(body)
        else:
            _send_away(message, body)
    except (Refused, client.PeerRefused) as refusal:
        _refused(message, str(refusal))
        return
    except client.TransportError as exc:
        _not_delivered(message, str(exc))
        return
    _sent([message])


def _refused(message: OutboxMessage, reason: str) -> None:
    log.warning("exchange: outbox %s refused: %s", message.pk, reason)
    mark_dead(message, reason)
    _recipient(message, RecipientStatus.FAILED)


def _not_delivered(message: OutboxMessage, error: str) -> None:
    log.info("exchange: outbox %s not delivered, will retry: %s", message.pk, error)
    mark_failed(message, error)
    if message.state == OutboxState.DEAD:
        _recipient(message, RecipientStatus.FAILED)


def _member_organ(code: str) -> Organ | None:
    """The active agency of one of our members (we are its hub) that ``code`` names."""
    found = queries.remembered(
        "organ", code, lambda: Organ.objects.filter(code=code).select_related("peer").first()
    )
    organ = found.successor() if found is not None else None
    if organ is not None and organ.active and organ.peer is not None and not organ.peer.is_hub:
        return organ
    return None


def _through_hub(code: str) -> bool:
    return (
        queries.local_unit(code) is None
        and _member_organ(code) is None
        and queries.hub() is not None
    )


def _send_groups(messages: list[OutboxMessage]) -> list[list[tuple[OutboxMessage, bytes]]]:
    """Messages with their bodies, grouped to fit one batch request each."""
    groups: list[list[tuple[OutboxMessage, bytes]]] = []
    size = 0
    for message in messages:
        body = bytes(message.body)
        if not groups or size + len(body) > framing.BATCH_BYTES:
            groups.append([])
            size = 0
        groups[-1].append((message, body))
        size += len(body)
    return groups


def _deliver_group(group: list[tuple[OutboxMessage, bytes]]) -> None:
    """One request to the hub for the group; each message marked by its own result. A hub
    without the batch operation (not one of ours) gets the packages one by one."""
    hub = queries.hub()
    if len(group) == 1 or hub is None:
        for message, body in group:
            _deliver(message, body)
        return
    try:
        results = client.send_many(hub, [body for _message, body in group])
    except client.TransportError as exc:
        for message, _body in group:
            _not_delivered(message, str(exc))
        return
    except client.PeerRefused as refusal:
        log.info("exchange: batch send refused (%s), sending one by one", refusal)
        for message, body in group:
            _deliver(message, body)
        return
    sent: list[OutboxMessage] = []
    for (message, _body), result in zip(group, results, strict=True):
        if "code" in result:
            _refused(message, f"{result['code']}: {result.get('detail', '')}")
        else:
            sent.append(message)
    _sent(sent)


def _sent(messages: list[OutboxMessage]) -> None:
    """Mark ``messages`` sent and move their recipients to "sent": one statement for the
    messages and three for the recipients, however many there are (a batch's)."""
    now = timezone.now()
    OutboxMessage.objects.filter(pk__in=[m.pk for m in messages]).update(
        state=OutboxState.SENT, sent_at=now, attempts=F("attempts") + 1
    )
    set_recipient_statuses(
        [
            (m.recipient_id, RecipientStatus.SENT, now)
            for m in messages
            if m.kind == Kind.EDOC and m.recipient_id is not None
        ]
    )


def _send_away(message: OutboxMessage, body: bytes) -> None:
    """To a member's mailbox when we are its hub, through our hub otherwise."""
    if _member_organ(message.to_code) is not None:
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
    idempotence makes that harmless. Bodies come inline (status messages) or in batches
    (``client.fetch_many``), and each batch is taken in in one transaction. The number
    taken."""
    hub = queries.hub()
    if hub is None:
        return 0
    done: list[int] = []
    try:
        listed = client.received(hub, limit=limit, inline=INLINE_BYTES, lease=LEASE_SECONDS)
        _take_in(hub, [(int(i["id"]), i["body"]) for i in listed if "body" in i], done)
        for ids in _batches([i for i in listed if "body" not in i]):
            while ids:
                fetched = _fetch(hub, ids)
                _take_in(hub, fetched, done)
                got = {pk for pk, _body in fetched}
                ids = [pk for pk in ids if pk not in got]
    finally:
        # One acknowledgement for the batch, of what is committed here; if it is lost, the
        # hub lists those packages again and the inbox recognises them.
        if done:
            client.acknowledge(hub, done)
    return len(done)


def _batches(items: list[dict[str, Any]]) -> list[list[int]]:
    """Ids grouped so that each group's bodies fit in one batch answer."""
    groups: list[list[int]] = []
    size = 0
    for item in items:
        if not groups or size + int(item["size"]) > framing.BATCH_BYTES:
            groups.append([])
            size = 0
        groups[-1].append(int(item["id"]))
        size += int(item["size"])
    return groups


def _fetch(hub: Peer, ids: list[int]) -> list[tuple[int, bytes]]:
    """The bodies of ``ids``: in one request from a hub of ours, one by one from another
    (one that has only the axis-shaped operations answers the batch request 404)."""
    if len(ids) > 1:
        try:
            fetched = client.fetch_many(hub, ids)
        except client.PeerRefused as refusal:
            log.info("exchange: batch fetch refused (%s), fetching one by one", refusal)
        else:
            if fetched:
                return fetched
    return [(pk, client.fetch(hub, pk)) for pk in ids]


def _take_in(hub: Peer, items: list[tuple[int, bytes]], done: list[int]) -> None:
    """Accept ``items`` in one transaction (one commit, one round of notifications); if
    anything but a refusal fails, each again in its own, so that one package cannot hold
    back the others. A refused package counts as taken: it is recorded, and answered with
    02 where it can be, and fetching it again would not change that."""
    if not items:
        return
    if len(items) > 1:
        try:
            with transaction.atomic(), queries.batch_lookups():
                for _pk, body in items:
                    with contextlib.suppress(Refused):
                        inbox.accept(body, sender=hub)
        except Exception:
            log.exception("exchange: a batch of %s failed; taking each on its own", len(items))
        else:
            done.extend(pk for pk, _body in items)
            return
    for pk, body in items:
        with contextlib.suppress(Refused):
            inbox.accept(body, sender=hub)
        done.append(pk)


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
