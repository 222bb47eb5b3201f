"""Read functions of the mail part: lists scoped by the organisation tree in one query."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db import models
from django.db.models import Q
from django.utils import timezone

from egov.mail.choices import AliasKind, ChangeState, MailboxKind, MailboxState
from egov.organisations import access as org_access

if TYPE_CHECKING:
    from egov.mail.models import Alias, Mailbox


class MailboxQuerySet(models.QuerySet[Any]):
    def visible_to(self, user: Any) -> MailboxQuerySet:
        """Mailboxes of the units ``user`` administers (system administrators: all)."""
        return self.filter(org_access.admin_scope(user).q("unit__"))

    def live(self) -> MailboxQuerySet:
        """Not removed (pending, active or suspended)."""
        return self.exclude(state=MailboxState.REMOVED)

    def under(self, path: str) -> MailboxQuerySet:
        return self.filter(unit__path__startswith=path)


class MailboxChangeQuerySet(models.QuerySet[Any]):
    def visible_to(self, user: Any) -> MailboxChangeQuerySet:
        """Changes to mailboxes of the units ``user`` administers, or to be moved there."""
        scope = org_access.admin_scope(user)
        if scope.everywhere:
            # Q() | X is X in Django: without this, changes with no unit joined (suspend,
            # reactivate, remove, resync) fell out of a system administrator's list.
            return self.all()
        return self.filter(scope.q("mailbox__unit__") | (scope.q("to_unit__") & ~Q(to_unit=None)))

    def pending(self) -> MailboxChangeQuerySet:
        return self.filter(state=ChangeState.PENDING)


def group_members(alias: Alias) -> list[str]:
    """The addresses a group alias reaches now: active personal mailboxes of its subtree."""
    from egov.mail.models import Mailbox

    return list(
        Mailbox.objects.filter(
            kind=MailboxKind.PERSONAL,
            state=MailboxState.ACTIVE,
            unit__path__startswith=alias.unit.path,
        )
        .order_by("address")
        .values_list("address", flat=True)
    )


def group_aliases_over(*paths: str) -> list[Alias]:
    """Group aliases whose agency contains any of ``paths`` (an ancestor or the unit itself)."""
    from egov.mail.models import Alias

    prefixes = {path[:n] for path in paths for n in range(1, len(path) + 1)}
    return list(
        Alias.objects.filter(kind=AliasKind.GROUP, unit__path__in=sorted(prefixes)).select_related(
            "unit", "domain"
        )
    )


def shared_mailbox_for(path: str) -> Mailbox | None:
    """The live shared mailbox of the unit at ``path`` or of its nearest ancestor having one."""
    from egov.mail.models import Mailbox

    prefixes = [path[:n] for n in range(len(path), 0, -1)]
    candidates: dict[str, Mailbox] = {
        box.unit.path: box
        for box in Mailbox.objects.filter(
            kind=MailboxKind.SHARED, state=MailboxState.ACTIVE, unit__path__in=prefixes
        ).select_related("unit")
    }
    for prefix in prefixes:
        if prefix in candidates:
            return candidates[prefix]
    return None


def live_mailbox_of(person: Any) -> Mailbox | None:
    from egov.mail.models import Mailbox

    box: Mailbox | None = Mailbox.objects.live().filter(person=person).first()
    return box


def current_forwards() -> models.QuerySet[Any]:
    from egov.mail.models import Alias

    return Alias.objects.filter(kind=AliasKind.FORWARD, valid_until__gt=timezone.now())


def mailboxes_by_unit(user: Any) -> models.QuerySet[Any]:
    """The admin list: live and removed mailboxes the user may manage, by unit then address."""
    from egov.mail.models import Mailbox

    return (
        Mailbox.objects.visible_to(user)
        .select_related("unit", "person", "domain")
        .order_by("unit__path", "address")
    )


def pending_changes_for(user: Any) -> models.QuerySet[Any]:
    from egov.mail.models import MailboxChange

    return (
        MailboxChange.objects.visible_to(user)
        .pending()
        .select_related("mailbox", "mailbox__unit", "from_unit", "to_unit", "requested_by")
        .order_by("requested_at", "pk")
    )


def live_mailbox_of_user(user: Any) -> Mailbox | None:
    """The active personal mailbox of the staff record linked to ``user``."""
    from egov.mail.models import Mailbox

    box: Mailbox | None = (
        Mailbox.objects.filter(
            kind=MailboxKind.PERSONAL, state=MailboxState.ACTIVE, person__user=user
        )
        .select_related("person", "unit")
        .first()
    )
    return box


def inbound_visible_to(user: Any) -> models.QuerySet[Any]:
    """Mail read from the mailboxes of agencies whose clerk ``user`` is, or which ``user``
    administers: one query, scoped by the organisation tree."""
    from egov.documents import access as doc_access
    from egov.mail.models import InboundMail

    clerks = doc_access.clerk_scope(user)
    admins = org_access.admin_scope(user)
    condition = Q(pk__in=[])
    if not clerks.is_empty:
        condition |= clerks.q("mailbox__unit__")
    if not admins.is_empty:
        condition |= admins.q("mailbox__unit__")
    return InboundMail.objects.filter(condition).select_related("mailbox", "mailbox__unit")


def sends_of_document(document: Any) -> models.QuerySet[Any]:
    from egov.mail.models import OutboundMail

    return OutboundMail.objects.filter(outgoing_document=document).select_related("sender")


def public_directory() -> list[tuple[Any, list[Mailbox]]]:
    """What the portal publishes (directive §1.c): active agency addresses and the personal
    addresses of contact points, grouped by agency in tree order."""
    from egov.mail.models import Mailbox

    rows = (
        Mailbox.objects.filter(state=MailboxState.ACTIVE)
        .filter(Q(kind=MailboxKind.SHARED) | ~Q(public_role=""))
        .select_related("unit")
        .order_by("unit__path", "kind", "address")
    )
    groups: dict[int, tuple[Any, list[Mailbox]]] = {}
    for box in rows:
        groups.setdefault(box.unit_id, (box.unit, []))[1].append(box)
    return list(groups.values())


def citizen_messages_waiting(limit: int = 200) -> list[Any]:
    """Citizens' messages (kind ``feedback``) still waiting for an answer, oldest first,
    with their mailbox's agency: what the feedback part takes over."""
    from egov.mail.choices import InboundKind, InboundState
    from egov.mail.models import InboundMail

    return list(
        InboundMail.objects.filter(kind=InboundKind.FEEDBACK, state=InboundState.OPEN)
        .select_related("mailbox", "mailbox__unit")
        .order_by("internal_date", "pk")[:limit]
    )


# --- Use of official mail per unit, for the oversight part (seed 002) ------------------


@dataclass
class MailUse:
    """Over a subtree and a period: staff with a personal mailbox not removed, and how many
    of them used it (sent mail through the platform, or their last IMAP login fell in the
    period); incoming documents received by mail; outgoing documents issued in the period
    and sent by mail; citizens' messages received in the period and answered, with the
    working hours each answer took."""

    staff: int = 0
    used: int = 0
    documents_in: int = 0
    documents_out: int = 0
    answered: int = 0
    response_hours: list[float] = field(default_factory=list)

    def add(self, other: MailUse) -> None:
        self.staff += other.staff
        self.used += other.used
        self.documents_in += other.documents_in
        self.documents_out += other.documents_out
        self.answered += other.answered
        self.response_hours.extend(other.response_hours)

    @property
    def average_response_hours(self) -> float | None:
        if not self.response_hours:
            return None
        return round(sum(self.response_hours) / len(self.response_hours), 1)


def _mail_use_rows(
    where: Callable[[str], Q], *, date_from: dt.date, date_to: dt.date
) -> dict[str, MailUse]:
    """Figures by unit path; ``where(field)`` keeps the rows of the units asked for (``field``
    is the path lookup of the model read, e.g. ``"unit__path"``). Five queries."""
    from egov.documents.choices import Channel, IncomingStatus, OutgoingStatus
    from egov.documents.models import IncomingDocument, OutgoingDocument
    from egov.lib.dates import BUSINESS_TZ
    from egov.mail.choices import InboundKind, InboundState, OutboundKind
    from egov.mail.models import InboundMail, LastLogin, Mailbox, OutboundMail
    from egov.mail.usage import working_hours_between

    begin = dt.datetime.combine(date_from, dt.time.min, tzinfo=BUSINESS_TZ)
    finish = dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time.min, tzinfo=BUSINESS_TZ)
    rows: dict[str, MailUse] = {}

    def row(path: str) -> MailUse:
        return rows.setdefault(path, MailUse())

    boxes = list(
        Mailbox.objects.live()
        .filter(where("unit__path"), kind=MailboxKind.PERSONAL, person__isnull=False)
        .values_list("address", "person__user_id", "unit__path")
    )
    senders = set(
        OutboundMail.objects.filter(
            where("unit__path"), sent_at__gte=begin, sent_at__lt=finish, sender__isnull=False
        )
        .values_list("sender_id", flat=True)
        .distinct()
    )
    logged_in = set(
        LastLogin.objects.filter(
            username__in=[address for address, _user, _path in boxes],
            last_login__gte=int(begin.timestamp()),
            last_login__lt=int(finish.timestamp()),
        ).values_list("username", flat=True)
    )
    for address, user_id, path in boxes:
        item = row(path)
        item.staff += 1
        if address in logged_in or (user_id is not None and user_id in senders):
            item.used += 1
    for path, n in (
        IncomingDocument.objects.filter(
            where("unit__path"),
            channel=Channel.MAIL,
            arrived_at__gte=begin,
            arrived_at__lt=finish,
        )
        .exclude(status=IncomingStatus.RECALLED)
        .values_list("unit__path")
        .annotate(n=models.Count("pk"))
        .order_by()
    ):
        row(path).documents_in += n
    mailed = OutboundMail.objects.filter(
        kind=OutboundKind.DOCUMENT, outgoing_document=models.OuterRef("pk")
    )
    for path, n in (
        OutgoingDocument.objects.filter(
            where("unit__path"),
            models.Exists(mailed),
            status__in=[OutgoingStatus.ISSUED, OutgoingStatus.REPLACED],
            issued_at__gte=begin,
            issued_at__lt=finish,
        )
        .values_list("unit__path")
        .annotate(n=models.Count("pk"))
        .order_by()
    ):
        row(path).documents_out += n
    for path, received, answered in (
        InboundMail.objects.filter(
            where("mailbox__unit__path"),
            kind=InboundKind.FEEDBACK,
            internal_date__gte=begin,
            internal_date__lt=finish,
            answered_at__isnull=False,
        )
        .exclude(state=InboundState.DISMISSED)
        .values_list("mailbox__unit__path", "internal_date", "answered_at")
    ):
        if answered is None:  # excluded by the filter; says so to the type checker
            continue
        item = row(path)
        item.answered += 1
        item.response_hours.append(working_hours_between(received, answered))
    return rows


def unit_mail_use(unit: Any | None, *, date_from: dt.date, date_to: dt.date) -> MailUse:
    """Mail use of ``unit``'s subtree (the province when None), whoever asks: for the
    oversight part, which decides itself who sees the figures."""

    def where(lookup: str) -> Q:
        return Q(**{f"{lookup}__startswith": unit.path}) if unit is not None else Q()

    total = MailUse()
    for item in _mail_use_rows(where, date_from=date_from, date_to=date_to).values():
        total.add(item)
    return total


def mail_use_by_unit(
    units: list[Any], *, date_from: dt.date, date_to: dt.date
) -> dict[int, MailUse]:
    """``unit_mail_use`` of every unit in ``units`` from the same five queries, grouped by
    unit and rolled up the organisation tree."""
    from egov.lib.subtree import SubtreeIndex

    index = SubtreeIndex((u.pk, u.path) for u in units)
    result = {u.pk: MailUse() for u in units}
    for path, item in _mail_use_rows(index.q, date_from=date_from, date_to=date_to).items():
        for pk in index.owners(path):
            result[pk].add(item)
    return result
