"""Who may see and act on what in the exchange: the one place these decisions are made."""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.http import Http404

from egov.exchange.models import InboxMessage
from egov.organisations import access as org_access
from egov.organisations.choices import Role


def is_operator(user: Any) -> bool:
    """The dashboard, dead letters, peers: system administrators."""
    return org_access.is_system_admin(user)


def inbox_q(user: Any) -> Q:
    """Received documents of the units where ``user`` is a clerk (văn thư)."""
    return org_access.scope_for(user, [Role.CLERK]).q("unit__")


def is_clerk_anywhere(user: Any) -> bool:
    return not org_access.scope_for(user, [Role.CLERK]).is_empty


def can_receive(user: Any, message: InboxMessage) -> bool:
    return message.unit is not None and org_access.has_role(user, Role.CLERK, message.unit)


def get_inbox_for_user(user: Any, pk: int) -> InboxMessage:
    """A received document ``user`` may handle, or 404 for absent and forbidden alike."""
    message = (
        InboxMessage.objects.filter(inbox_q(user), pk=pk).select_related("unit", "incoming").first()
    )
    if message is None:
        raise Http404
    return message
