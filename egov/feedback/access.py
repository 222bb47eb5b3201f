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
from egov.organisations.choices import Role, UnitKind
from egov.organisations.models import OrgUnit

HANDLER_ROLES = (Role.LEADER, Role.CLERK, Role.SPECIALIST)
Need = Literal["view", "draft", "route", "approve"]


def _prefixes(path: str) -> list[str]:
    steps = OrgUnit.steplen
    return [path[:n] for n in range(len(path), 0, -steps)]


def handled_paths(user: Any) -> tuple[bool, set[str], set[str]]:
    """(everywhere, exact paths, subtree paths) of the agencies ``user`` handles items of:
    the unit of each handler role and, for a role in a division, the agency above it (the
    nearest ancestor that is not a division); a subtree role covers everything below."""
    scope = org_access.scope_for(user, HANDLER_ROLES)
    if scope.everywhere:
        return True, set(), set()
    roles = scope.exact_paths | scope.subtree_paths
    if not roles:
        return False, set(), set()
    wanted = {prefix for path in roles for prefix in _prefixes(path)}
    kinds = dict(OrgUnit.objects.filter(path__in=wanted).values_list("path", "kind"))
    exact: set[str] = set()
    for path in roles:
        for prefix in _prefixes(path):
            exact.add(prefix)
            if kinds.get(prefix) != UnitKind.DIVISION:
                break
    return False, exact, set(scope.subtree_paths)


def handler_q(user: Any, prefix: str = "agency__") -> Q:
    """Items (or, with ``prefix=""``, units) whose agency ``user`` handles: one filter, no
    per-row checks."""
    everywhere, exact, subtree = handled_paths(user)
    if everywhere:
        return Q()
    if not exact:
        return Q(pk__in=[])
    condition = Q(**{f"{prefix}path__in": sorted(exact)})
    for path in sorted(subtree):
        condition |= Q(**{f"{prefix}path__startswith": path})
    return condition


def is_handler(user: Any) -> bool:
    return not org_access.scope_for(user, HANDLER_ROLES).is_empty


def can_handle(user: Any, agency: OrgUnit) -> bool:
    everywhere, exact, subtree = handled_paths(user)
    return everywhere or agency.path in exact or any(agency.path.startswith(p) for p in subtree)


def can_route(user: Any, agency: OrgUnit) -> bool:
    return org_access.scope_for(user, [Role.CLERK, Role.LEADER]).contains(agency)


def can_approve(user: Any, agency: OrgUnit) -> bool:
    return org_access.scope_for(user, [Role.LEADER]).contains(agency)


def can_manage_categories(user: Any) -> bool:
    return org_access.is_system_admin(user)


def items_visible_to(user: Any) -> Any:
    """The officers' view: items on the queue of the user's agencies (verified ones only).
    The agencies are chosen in a subquery on the tree, so the items are read through their
    ``agency`` index rather than joined row by row."""
    if not getattr(user, "is_authenticated", False):
        return Item.objects.none()
    condition = handler_q(user, prefix="")
    items = Item.objects.exclude(state=State.UNVERIFIED)
    if condition == Q():
        return items
    return items.filter(agency_id__in=OrgUnit.objects.filter(condition).values("pk"))


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
