"""Who may manage mailboxes: system administrators everywhere, unit administrators inside
their scope. The owner of a personal mailbox may set its password. Everything else is 404."""

from __future__ import annotations

from typing import Any

from django.http import Http404

from egov.mail.models import Mailbox, MailboxChange
from egov.organisations import access as org_access


def can_manage_mailbox(user: Any, mailbox: Mailbox) -> bool:
    return org_access.can_manage_unit(user, mailbox.unit)


def can_decide(user: Any, change: MailboxChange) -> bool:
    """Approve or reject: the administrator of the mailbox's unit and, for a transfer, of the
    unit joined too (as the staff transfer itself requires)."""
    if not can_manage_mailbox(user, change.mailbox):
        return False
    return change.to_unit is None or org_access.can_manage_unit(user, change.to_unit)


def is_owner(user: Any, mailbox: Mailbox) -> bool:
    person = mailbox.person
    return (
        person is not None
        and person.user_id is not None
        and person.user_id == getattr(user, "pk", None)
    )


def can_set_password(user: Any, mailbox: Mailbox) -> bool:
    return is_owner(user, mailbox) or can_manage_mailbox(user, mailbox)


def get_mailbox_for_user(user: Any, pk: int, *, need: str = "manage") -> Mailbox:
    """The mailbox, or 404 when absent or ``user`` may not ``need`` it (manage | password)."""
    mailbox: Mailbox | None = (
        Mailbox.objects.select_related("unit", "person", "domain").filter(pk=pk).first()
    )
    if mailbox is None:
        raise Http404
    allowed = (
        can_set_password(user, mailbox) if need == "password" else can_manage_mailbox(user, mailbox)
    )
    if not allowed:
        raise Http404
    return mailbox


def get_change_for_user(user: Any, pk: int) -> MailboxChange:
    change: MailboxChange | None = (
        MailboxChange.objects.select_related("mailbox", "mailbox__unit", "to_unit")
        .filter(pk=pk)
        .first()
    )
    if change is None or not can_decide(user, change):
        raise Http404
    return change


def can_handle_inbound(user: Any, inbound: Any) -> bool:
    """Register, answer or dismiss mail of an agency's mailbox: its clerks (văn thư) and
    the administrators of its unit."""
    from egov.documents import access as doc_access

    unit = inbound.mailbox.unit
    return doc_access.is_clerk_of(user, unit) or org_access.can_manage_unit(user, unit)


def get_inbound_for_user(user: Any, pk: int) -> Any:
    from egov.mail.models import InboundMail

    inbound = InboundMail.objects.select_related("mailbox", "mailbox__unit").filter(pk=pk).first()
    if inbound is None or not can_handle_inbound(user, inbound):
        raise Http404
    return inbound
