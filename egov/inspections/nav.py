"""The inspections entries of the main navigation."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from egov.home import NavItem
from egov.inspections import access, queries
from egov.organisations import access as org_access
from egov.organisations.choices import Role


def _covers(scope: org_access.Scope, path: str) -> bool:
    return path in scope.exact_paths or any(path.startswith(p) for p in scope.subtree_paths)


def inspections_nav(request: HttpRequest) -> list[NavItem]:
    """No query of its own: role scopes are cached on the user, team members and inspected
    agencies in the process (``queries.team_member_ids``, ``inspected_agency_paths``)."""
    user = request.user
    if not getattr(user, "is_authenticated", False):
        return []
    items = []
    if access.is_provincial_inspector(user) or user.pk in queries.team_member_ids():
        items.append(
            NavItem(
                _("Kiểm tra vận hành hệ thống"), reverse("inspections:plans"), "inspections", 96
            )
        )
    leader_scope = org_access.scope_for(user, [Role.LEADER])
    leads_inspected = (
        not leader_scope.is_empty
        and not leader_scope.everywhere
        and any(_covers(leader_scope, path) for path in queries.inspected_agency_paths())
    )
    if leads_inspected:
        items.append(
            NavItem(
                _("Kết quả kiểm tra của cơ quan"),
                reverse("inspections:agency"),
                "inspections_agency",
                97,
            )
        )
    return items
