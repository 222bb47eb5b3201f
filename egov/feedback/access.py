"""Who may see and act on feedback items. Decided here only.

An item is handled by its agency: the staff holding a handler role (leader, clerk,
specialist) at the agency or at one of its divisions see it and draft its answer; the
agency's clerks and leaders re-route it; only its leaders approve or return an answer and
close it. A role over a subtree covers the agencies below. System administrators see all and
maintain the categories (the routing rules). Absent and forbidden both answer 404.
"""

from __future__ import annotations

from typing import Any, Literal

from django.db.models import Q
from django.http import Http404

from egov.feedback.choices import State
from egov.feedback.models import Item
from egov.organisations import access as org_access
from egov.organisations.choices import Role
from egov.organisations.models import OrgUnit

HANDLER_ROLES = (Role.LEADER, Role.CLERK, Role.SPECIALIST)
Need = Literal["view", "draft", "route", "approve"]


def _prefixes(path: str) -> set[str]:
    steps = OrgUnit.steplen
    return {path[:n] for n in range(steps, len(path) + 1, steps)}


def handler_q(user: Any, prefix: str = "agency__") -> Q:
    """Items whose agency ``user`` works for: the agency is the unit of one of the user's
    handler roles or an ancestor of it, or lies under a subtree role. One filter, no
    per-row checks."""
    scope = org_access.scope_for(user, HANDLER_ROLES)
    if scope.everywhere:
        return Q()
    if scope.is_empty:
        return Q(pk__in=[])
    paths: set[str] = set()
    for path in scope.exact_paths | scope.subtree_paths:
        paths |= _prefixes(path)
    condition = Q(**{f"{prefix}path__in": sorted(paths)})
    for path in sorted(scope.subtree_paths):
        condition |= Q(**{f"{prefix}path__startswith": path})
    return condition


def is_handler(user: Any) -> bool:
    return not org_access.scope_for(user, HANDLER_ROLES).is_empty


def can_handle(user: Any, agency: OrgUnit) -> bool:
    scope = org_access.scope_for(user, HANDLER_ROLES)
    if scope.everywhere:
        return True
    if any(path.startswith(agency.path) for path in scope.exact_paths | scope.subtree_paths):
        return True
    return any(agency.path.startswith(path) for path in scope.subtree_paths)


def can_route(user: Any, agency: OrgUnit) -> bool:
    return org_access.scope_for(user, [Role.CLERK, Role.LEADER]).contains(agency)


def can_approve(user: Any, agency: OrgUnit) -> bool:
    return org_access.scope_for(user, [Role.LEADER]).contains(agency)


def can_manage_categories(user: Any) -> bool:
    return org_access.is_system_admin(user)


def items_visible_to(user: Any) -> Any:
    """The officers' view: items on the queue of the user's agencies (verified ones only)."""
    if not getattr(user, "is_authenticated", False):
        return Item.objects.none()
    return Item.objects.filter(handler_q(user)).exclude(state=State.UNVERIFIED)


def get_item_for_user(user: Any, pk: int, *, need: Need = "view") -> Item:
    item: Item | None = (
        items_visible_to(user).select_related("agency", "category").filter(pk=pk).first()
    )
    if item is None:
        raise Http404
    allowed = {
        "view": True,
        "draft": True,
        "route": can_route(user, item.agency),
        "approve": can_approve(user, item.agency),
    }[need]
    if not allowed:
        raise Http404
    return item
