"""Who sees the oversight figures, decided from organisation roles in one place.

Provincial administrators and leaders (a system administrator, or a leader or inspector
whose role covers the province's top unit with its subtree) see every agency; an agency
leader sees the agencies their leader roles cover; everyone else sees nothing. Only system
administrators set targets."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from egov.organisations import access as org_access
from egov.organisations.choices import Role, UnitKind
from egov.organisations.models import OrgUnit

VIEW_ROLES = (Role.LEADER, Role.INSPECTOR)

#: The units whose figures are shown and ranked: agencies and local committees.
AGENCY_KINDS = (UnitKind.AGENCY, UnitKind.DISTRICT_COMMITTEE, UnitKind.COMMUNE_COMMITTEE)


def scope(user: Any) -> org_access.Scope:
    return org_access.scope_for(user, VIEW_ROLES)


def sees_province(user: Any) -> bool:
    s = scope(user)
    if s.everywhere:
        return True
    roots = OrgUnit.objects.filter(depth=1, valid_to__isnull=True).values_list("path", flat=True)
    return any(path in s.subtree_paths for path in roots)


def can_view(user: Any) -> bool:
    return not scope(user).is_empty


def can_set_targets(user: Any) -> bool:
    return org_access.is_system_admin(user)


def visible_agencies(user: Any) -> QuerySet[OrgUnit]:
    """The agencies (units whose figures are shown) the user may see."""
    s = scope(user)
    agencies: QuerySet[OrgUnit] = (
        OrgUnit.objects.filter(valid_to__isnull=True, kind__in=AGENCY_KINDS)
        .filter(s.q())
        .order_by("path")
    )
    return agencies


def get_agency_for_user(user: Any, pk: int) -> OrgUnit:
    unit = visible_agencies(user).filter(pk=pk).first()
    if unit is None:
        raise Http404
    return unit


def all_agencies() -> QuerySet[OrgUnit]:
    """Every agency ranked and shown to provincial viewers."""
    agencies: QuerySet[OrgUnit] = OrgUnit.objects.filter(
        valid_to__isnull=True, kind__in=AGENCY_KINDS
    ).order_by("path")
    return agencies


# Agency records (IT plan, IT staff, training): the agency's leaders and the system
# administrators edit them; whoever sees the agency's figures reads them; provincial
# leaders (a leader role over the province's top unit with its subtree) and system
# administrators approve plans.


def can_edit_records(user: Any, unit: OrgUnit) -> bool:
    return org_access.scope_for(user, (Role.LEADER,)).contains(unit)


def can_approve_plans(user: Any) -> bool:
    s = org_access.scope_for(user, (Role.LEADER,))
    if s.everywhere:
        return True
    roots = OrgUnit.objects.filter(depth=1, valid_to__isnull=True).values_list("path", flat=True)
    return any(path in s.subtree_paths for path in roots)


def get_records_agency_for_user(user: Any, pk: int, *, need: str = "view") -> OrgUnit:
    """The agency whose records ``user`` may read (``need="view"``) or edit
    (``need="change"``); 404 for an absent agency and a forbidden one alike."""
    unit = get_agency_for_user(user, pk)
    if need == "change" and not can_edit_records(user, unit):
        raise Http404
    return unit
