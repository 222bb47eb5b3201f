"""Read functions of the mail part: lists scoped by the organisation tree in one query."""

from __future__ import annotations

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
