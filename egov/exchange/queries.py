"""Read functions of the exchange: routing, the clerk's reception queue, the dashboard."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, Max, Min, Q, QuerySet
from django.db.models.functions import TruncDate
from django.utils import timezone

from egov.exchange import access
from egov.exchange.choices import InboxState, Kind, MailboxState, OutboxState
from egov.exchange.models import HubMailbox, InboxMessage, Organ, OutboxMessage, Peer
from egov.organisations.models import OrgUnit

#: Look-ups remembered while a batch is handled (``batch_lookups``); None outside one.
_MEMO: ContextVar[dict[tuple[str, Any], Any] | None] = ContextVar("exchange_memo", default=None)


@contextmanager
def batch_lookups() -> Iterator[None]:
    """Within the block, each routing look-up (our agency of an organ code, the hub, a
    unit's clerks) is read once: a batch of packages names the same few agencies again
    and again, and nothing in a batch changes them. Outside a block, every call reads."""
    token = _MEMO.set({})
    try:
        yield
    finally:
        _MEMO.reset(token)


def remembered[T](kind: str, key: Any, read: Callable[[], T]) -> T:
    """``read()``, once per (kind, key) within :func:`batch_lookups`. ``read`` should build
    its query only when called (a lambda, not ``qs.first`` of a queryset built beforehand:
    building a queryset costs more than finding it in the memo)."""
    memo = _MEMO.get()
    if memo is None:
        return read()
    if (kind, key) not in memo:
        memo[kind, key] = read()
    found: T = memo[kind, key]
    return found


def local_unit(code: str) -> OrgUnit | None:
    """Our agency that holds organ code ``code`` today."""
    if not code:
        return None
    unit: OrgUnit | None = remembered(
        "unit",
        code,
        lambda: OrgUnit.objects.filter(organ_code=code, valid_to__isnull=True).first(),
    )
    return unit


def hub() -> Peer | None:
    return remembered("hub", None, lambda: Peer.objects.filter(is_hub=True, active=True).first())


def peer_by_token(token: str) -> Peer | None:
    if not token:
        return None
    return Peer.objects.filter(inbound_token_sha256=Peer.hash_token(token), active=True).first()


def remote_organ(code: str) -> Organ | None:
    return Organ.objects.filter(code=code, active=True).select_related("peer").first()


def waiting_for(user: Any) -> QuerySet[InboxMessage]:
    """Received documents waiting for a clerk of a unit ``user`` keeps the register of."""
    return (
        InboxMessage.objects.filter(access.inbox_q(user), kind=Kind.EDOC, state=InboxState.WAITING)
        .select_related("unit")
        .order_by("-received_at")
    )


def inbox_for(user: Any) -> QuerySet[InboxMessage]:
    return (
        InboxMessage.objects.filter(access.inbox_q(user), kind=Kind.EDOC)
        .select_related("unit", "incoming")
        .order_by("-received_at")
    )


def was_sent(document_id: str, to_code: str) -> bool:
    """Whether document ``document_id`` went to ``to_code`` through our outbox."""
    return OutboxMessage.objects.filter(
        kind=Kind.EDOC, document_id=document_id, to_code=to_code
    ).exists()


def answered_document(message: InboxMessage) -> Any:
    """Our outgoing document a received one answers (its ResponseFor), when we sent it."""
    if not message.response_for:
        return None
    sent = (
        OutboxMessage.objects.filter(
            kind=Kind.EDOC, document_id=message.response_for, to_code=message.from_code
        )
        .select_related("recipient__document")
        .first()
    )
    return sent.recipient.document if sent is not None and sent.recipient is not None else None


def edoc_outbox_by_recipient(document: Any) -> dict[int, OutboxMessage]:
    """The latest edoc package that went to each recipient of ``document``, in one query."""
    rows = (
        OutboxMessage.objects.filter(kind=Kind.EDOC, recipient__document=document)
        .order_by("recipient_id", "-pk")
        .distinct("recipient_id")
    )
    return {row.recipient_id: row for row in rows if row.recipient_id is not None}


@dataclass(frozen=True)
class QueueFigures:
    pending: int
    due: int
    dead: int
    sent_last_hour: int
    oldest_pending: dt.datetime | None
    retries_pending: int
    mailbox_waiting: int
    inbox_waiting: int
    refused_last_day: int
    latency_p50_s: float | None
    latency_p95_s: float | None


def queue_figures() -> QueueFigures:
    now = timezone.now()
    outbox = OutboxMessage.objects.aggregate(
        pending=Count("pk", filter=Q(state=OutboxState.PENDING)),
        due=Count("pk", filter=Q(state=OutboxState.PENDING, next_attempt_at__lte=now)),
        dead=Count("pk", filter=Q(state=OutboxState.DEAD)),
        sent=Count(
            "pk", filter=Q(state=OutboxState.SENT, sent_at__gte=now - dt.timedelta(hours=1))
        ),
        oldest=Min("created_at", filter=Q(state=OutboxState.PENDING)),
        retries=Count("pk", filter=Q(state=OutboxState.PENDING, attempts__gt=0)),
    )
    latencies = sorted(
        (sent - created).total_seconds()
        for created, sent in OutboxMessage.objects.filter(
            state=OutboxState.SENT, sent_at__gte=now - dt.timedelta(hours=1)
        ).values_list("created_at", "sent_at")[:5000]
        if sent is not None
    )
    return QueueFigures(
        pending=outbox["pending"],
        due=outbox["due"],
        dead=outbox["dead"],
        sent_last_hour=outbox["sent"],
        oldest_pending=outbox["oldest"],
        retries_pending=outbox["retries"],
        mailbox_waiting=HubMailbox.objects.filter(state=MailboxState.INBOX).count(),
        inbox_waiting=InboxMessage.objects.filter(kind=Kind.EDOC, state=InboxState.WAITING).count(),
        refused_last_day=InboxMessage.objects.filter(
            state=InboxState.REJECTED, received_at__gte=now - dt.timedelta(days=1)
        ).count(),
        latency_p50_s=_quantile(latencies, 0.5),
        latency_p95_s=_quantile(latencies, 0.95),
    )


def _quantile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    return values[min(len(values) - 1, int(q * len(values)))]


def dead_letters() -> QuerySet[OutboxMessage]:
    return OutboxMessage.objects.filter(state=OutboxState.DEAD).order_by("-pk")


def recent_failures(limit: int = 20) -> QuerySet[OutboxMessage]:
    return OutboxMessage.objects.filter(state=OutboxState.PENDING, attempts__gt=0).order_by(
        "next_attempt_at"
    )[:limit]


def recent_refusals(limit: int = 20) -> QuerySet[InboxMessage]:
    return InboxMessage.objects.filter(state=InboxState.REJECTED).order_by("-pk")[:limit]


def traffic_by_hour(hours: int = 24) -> list[dict[str, Any]]:
    """Packages sent per hour, for the dashboard's chart."""
    from django.db.models.functions import TruncHour

    since = timezone.now() - dt.timedelta(hours=hours)
    return [
        dict(row)
        for row in OutboxMessage.objects.filter(created_at__gte=since)
        .annotate(hour=TruncHour("created_at"))
        .values("hour")
        .annotate(total=Count("pk"), dead=Count("pk", filter=Q(state=OutboxState.DEAD)))
        .order_by("hour")
    ]


def last_received() -> dt.datetime | None:
    value: dt.datetime | None = InboxMessage.objects.aggregate(last=Max("received_at"))["last"]
    return value


@dataclass
class Acknowledgement:
    received: int
    same_day: int


def unit_acknowledgement(
    unit: OrgUnit | None, *, date_from: dt.date, date_to: dt.date
) -> Acknowledgement:
    """Documents (not status packages) received over the exchange by ``unit`` or its subtree
    (the whole province when None) in the period, and how many the clerk registered or
    refused on the day they arrived (business time zone), whoever asks: for the oversight
    part, which decides itself who sees the figures."""
    qs = InboxMessage.objects.filter(
        kind=Kind.EDOC, received_at__date__gte=date_from, received_at__date__lte=date_to
    ).exclude(state__in=[InboxState.REJECTED, InboxState.RECALLED])
    if unit is not None:
        qs = qs.filter(unit__path__startswith=unit.path)
    figures = qs.annotate(got=TruncDate("received_at"), done=TruncDate("handled_at")).aggregate(
        received=Count("pk"),
        same_day=Count(
            "pk",
            filter=Q(state__in=[InboxState.REGISTERED, InboxState.REFUSED], done=F("got")),
        ),
    )
    return Acknowledgement(received=figures["received"], same_day=figures["same_day"])


def acknowledgement_by_unit(
    units: list[OrgUnit], *, date_from: dt.date, date_to: dt.date
) -> dict[int, Acknowledgement]:
    """``unit_acknowledgement`` of every unit in ``units`` (each over its subtree) from one
    query grouped by the receiving unit, not one per unit."""
    from egov.lib.subtree import SubtreeIndex

    index = SubtreeIndex((u.pk, u.path) for u in units)
    qs = (
        InboxMessage.objects.filter(
            kind=Kind.EDOC, received_at__date__gte=date_from, received_at__date__lte=date_to
        )
        .exclude(state__in=[InboxState.REJECTED, InboxState.RECALLED])
        .filter(index.q("unit__path"))
    )
    rows = (
        qs.annotate(got=TruncDate("received_at"), done=TruncDate("handled_at"))
        .values(path=F("unit__path"))
        .annotate(
            received=Count("pk"),
            same_day=Count(
                "pk",
                filter=Q(state__in=[InboxState.REGISTERED, InboxState.REFUSED], done=F("got")),
            ),
        )
        .order_by()
    )
    result = {u.pk: Acknowledgement(received=0, same_day=0) for u in units}
    for row in rows:
        for pk in index.owners(row["path"]):
            result[pk].received += row["received"]
            result[pk].same_day += row["same_day"]
    return result
