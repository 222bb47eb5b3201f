"""The access policy of the platform, decided from role assignments on the organisation tree.

A role is held at a unit, optionally over its subtree. The set of units where a user holds
some roles is a :class:`Scope`; every list filters with ``scope.q()`` in one query (no
per-row checks), and every single object is fetched through a ``get_*_for_user`` function
that answers 404 for absent and forbidden alike.

The internal registry (tree and staff directory) is visible to every staff member: the
organisation chart and official contact details are public administrative information. What
a staff member may change is narrower: system administrators anywhere, unit administrators
inside their scope. Citizens and anonymous visitors see none of the internal screens.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from django.db.models import Q, QuerySet
from django.http import Http404

from egov.lib.dates import local_today
from egov.organisations.choices import ADMIN_ROLES, Role
from egov.organisations.models import OrgUnit, Person, RoleAssignment

_CACHE_ATTR = "_egov_role_assignments"


@dataclass(frozen=True)
class Scope:
    """The units covered by some of a user's role assignments."""

    everywhere: bool
    exact_paths: frozenset[str]
    subtree_paths: frozenset[str]

    @property
    def is_empty(self) -> bool:
        return not (self.everywhere or self.exact_paths or self.subtree_paths)

    def q(self, prefix: str = "") -> Q:
        """A filter over OrgUnit rows (``prefix`` is the lookup path to the unit, e.g.
        ``"unit__"``) selecting the units in this scope."""
        if self.everywhere:
            return Q()
        if self.is_empty:
            return Q(pk__in=[])
        condition = (
            Q(**{f"{prefix}path__in": sorted(self.exact_paths)})
            if self.exact_paths
            else Q(pk__in=[])
        )
        for path in sorted(self.subtree_paths):
            condition |= Q(**{f"{prefix}path__startswith": path})
        return condition

    def contains(self, unit: OrgUnit) -> bool:
        if self.everywhere:
            return True
        return unit.path in self.exact_paths or any(
            unit.path.startswith(path) for path in self.subtree_paths
        )


def active_assignments(user: Any, *, on: dt.date | None = None) -> list[RoleAssignment]:
    """The user's role assignments in force (today by default), cached on the user object."""
    if not getattr(user, "is_authenticated", False):
        return []
    day = on or local_today()
    cached: dict[dt.date, list[RoleAssignment]] = getattr(user, _CACHE_ATTR, {})
    if day not in cached:
        cached[day] = list(
            RoleAssignment.objects.filter(user=user, valid_from__lte=day)
            .filter(Q(valid_to__isnull=True) | Q(valid_to__gt=day))
            .filter(unit__valid_to__isnull=True)
            .select_related("unit")
        )
        setattr(user, _CACHE_ATTR, cached)
    return cached[day]


def forget_cached_assignments(user: Any) -> None:
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


def is_system_admin(user: Any) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return bool(user.is_superuser) or any(
        a.role == Role.SYSTEM_ADMIN for a in active_assignments(user)
    )


def scope_for(user: Any, roles: Iterable[str]) -> Scope:
    """Where ``user`` holds any of ``roles``. System administrators hold every role everywhere."""
    if is_system_admin(user):
        return Scope(True, frozenset(), frozenset())
    wanted = set(roles)
    exact: set[str] = set()
    subtree: set[str] = set()
    for assignment in active_assignments(user):
        if assignment.role in wanted:
            (subtree if assignment.covers_subtree else exact).add(assignment.unit.path)
    return Scope(False, frozenset(exact), frozenset(subtree))


def has_role(user: Any, role: str, unit: OrgUnit) -> bool:
    return scope_for(user, [role]).contains(unit)


def roles_of(user: Any) -> set[str]:
    if is_system_admin(user):
        return {str(role) for role in Role}
    return {a.role for a in active_assignments(user)}


def is_staff_member(user: Any) -> bool:
    """A civil servant: linked to a staff record, or holding any role."""
    if not getattr(user, "is_authenticated", False):
        return False
    if is_system_admin(user) or active_assignments(user):
        return True
    return Person.objects.filter(user=user).exists()


def can_view_registry(user: Any) -> bool:
    return is_staff_member(user)


def admin_scope(user: Any) -> Scope:
    """Units whose records ``user`` may change."""
    return scope_for(user, ADMIN_ROLES)


def can_manage_unit(user: Any, unit: OrgUnit) -> bool:
    return admin_scope(user).contains(unit)


def can_administer_anything(user: Any) -> bool:
    return not admin_scope(user).is_empty


Need = Literal["view", "change"]


def get_unit_for_user(user: Any, pk: int, *, need: Need = "view") -> OrgUnit:
    """The unit, or 404 when it is absent or ``user`` may not ``need`` it."""
    unit: OrgUnit | None = OrgUnit.objects.visible_to(user).filter(pk=pk).first()
    if unit is None or (need == "change" and not can_manage_unit(user, unit)):
        raise Http404
    return unit


def can_manage_person(user: Any, person: Person) -> bool:
    """Record staff events and manage roles: administrators of the person's current unit."""
    return person.unit is not None and can_manage_unit(user, person.unit)


def get_person_for_user(user: Any, pk: int, *, need: Need = "view") -> Person:
    person = (
        Person.objects.visible_to(user).select_related("unit", "position").filter(pk=pk).first()
    )
    if person is None:
        raise Http404
    if need == "change" and not can_manage_person(user, person):
        raise Http404
    return person


def revocable_assignments(
    actor: Any, user: Any, *, on: dt.date | None = None
) -> QuerySet[RoleAssignment]:
    """``user``'s role assignments in force or yet to start on ``on`` (today by default) at
    units ``actor`` administers: the ones ``actor`` may revoke, in one query."""
    day = on or local_today()
    return (
        RoleAssignment.objects.filter(user=user)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gt=day))
        .filter(admin_scope(actor).q("unit__"))
        .select_related("unit")
        .order_by("valid_from", "pk")
    )


def can_see_personal_details(user: Any, person: Person) -> bool:
    """Birth date, staff code and employment history: the person, and administrators of
    the person's unit."""
    if person.user_id is not None and person.user_id == getattr(user, "pk", None):
        return True
    return can_manage_person(user, person)


def two_factor_predicate(user: Any) -> bool:
    """Registered with the accounts app: administrators must use two-factor authentication."""
    return can_administer_anything(user)


def audit_unit_ids(user: Any) -> list[int] | None:
    """For the audit screen: ``None`` means every event; otherwise the ids of the units whose
    events ``user`` may read (administrators and inspectors of those units)."""
    scope = scope_for(user, [*ADMIN_ROLES, Role.INSPECTOR])
    if scope.everywhere:
        return None
    if scope.is_empty:
        return []
    return list(OrgUnit.objects.filter(scope.q()).values_list("pk", flat=True))
