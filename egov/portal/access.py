"""Who may see the portal's compliance reports and run the provisioning."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from egov.organisations import access as org_access
from egov.organisations.choices import Role
from egov.portal.models import AgencyHomePage

#: Roles that see an agency's compliance report: the inspection team (provincial
#: inspectors), the agency's administrators, leaders and portal editors.
COMPLIANCE_ROLES = [Role.INSPECTOR, Role.UNIT_ADMIN, Role.LEADER, Role.PORTAL_EDITOR]


def homes_visible_to(user: Any) -> QuerySet[AgencyHomePage]:
    """Agency sites whose compliance ``user`` may see, in one query."""
    scope = org_access.scope_for(user, COMPLIANCE_ROLES)
    homes: QuerySet[AgencyHomePage] = AgencyHomePage.objects.filter(scope.q("unit__"))
    return homes.select_related("unit")


def get_home_for_user(user: Any, pk: int) -> AgencyHomePage:
    """404 for an absent site and for one the user may not see alike."""
    home = homes_visible_to(user).filter(pk=pk).first()
    if home is None:
        raise Http404
    return home


def can_provision(user: Any) -> bool:
    return org_access.is_system_admin(user)
