"""Who may see and act on dossiers. Decided here only.

Officers are the one-stop officers, clerks, specialists and leaders of a unit (a subtree
role covers the units below). An officer sees the dossiers received at their units and those
whose steps run at their units; acts on a dossier only at the unit holding it now (or, for
reception and return, the receiving unit). Applicants see their own dossiers (account), or
one dossier with its code and the key printed on the receipt. Absent and forbidden: 404.
"""

from __future__ import annotations

import hmac
from typing import Any, cast

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from egov.onestop.models import Dossier, DossierStep
from egov.organisations import access as org_access
from egov.organisations.choices import Role
from egov.organisations.models import OrgUnit

OFFICER_ROLES = (Role.ONESTOP_OFFICER, Role.CLERK, Role.SPECIALIST, Role.LEADER)
MANAGER_ROLES = (Role.LEADER, Role.ONESTOP_OFFICER)


def officer_scope(user: Any) -> org_access.Scope:
    return org_access.scope_for(user, OFFICER_ROLES)


def is_officer(user: Any) -> bool:
    return not officer_scope(user).is_empty


def can_act_at(user: Any, unit: OrgUnit | None) -> bool:
    return unit is not None and officer_scope(user).contains(unit)


def can_manage_catalogue(user: Any) -> bool:
    return org_access.is_system_admin(user)


def officer_units(user: Any) -> QuerySet[OrgUnit]:
    scope = officer_scope(user)
    if scope.is_empty:
        return cast(QuerySet[OrgUnit], OrgUnit.objects.none())
    return cast(QuerySet[OrgUnit], OrgUnit.objects.current().filter(scope.q()))


def reception_units(user: Any) -> list[OrgUnit]:
    """Units where ``user`` may receive dossiers: theirs that have procedures."""
    return list(officer_units(user).filter(onestop_procedures__is_active=True).distinct())


def can_receive(user: Any) -> bool:
    return officer_units(user).filter(onestop_procedures__is_active=True).exists()


def visible_q(user: Any) -> Q:
    scope = officer_scope(user)
    own = Q(account=user) if getattr(user, "is_authenticated", False) else Q(pk__in=[])
    if scope.everywhere:
        return Q()
    if scope.is_empty:
        return own
    units = OrgUnit.objects.filter(scope.q()).values("pk")
    step_here = Exists(DossierStep.objects.filter(dossier=OuterRef("pk"), unit__in=units))
    return own | Q(receiving_unit__in=units) | Q(current_unit__in=units) | Q(step_here)


def get_dossier_for_user(user: Any, pk: int) -> Dossier:
    if not getattr(user, "is_authenticated", False):
        raise Http404
    dossier = (
        Dossier.objects.filter(visible_q(user), pk=pk)
        .select_related("procedure", "receiving_unit", "current_unit")
        .first()
    )
    if dossier is None:
        raise Http404
    return dossier


def key_matches(dossier: Dossier, key: str) -> bool:
    return bool(key) and hmac.compare_digest(dossier.lookup_key, key)


def get_dossier_by_code(code: str, key: str = "") -> Dossier:
    """The dossier with ``code`` (and, when ``key`` is given, that key): 404 otherwise."""
    dossier = (
        Dossier.objects.filter(code=code.strip().upper())
        .select_related("procedure", "receiving_unit", "current_unit")
        .first()
    )
    if dossier is None or (key and not key_matches(dossier, key)):
        raise Http404
    return dossier
