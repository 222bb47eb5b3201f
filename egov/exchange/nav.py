"""The exchange's entries of the main navigation: the clerk's reception queue, the
operators' dashboard."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from egov.home import NavItem
from egov.organisations import access as org_access
from egov.organisations.choices import Role


def exchange_nav(request: HttpRequest) -> list[NavItem]:
    user = request.user
    items: list[NavItem] = []
    try:
        if not org_access.scope_for(user, [Role.CLERK]).is_empty:
            items.append(NavItem(_("Văn bản điện tử đến"), reverse("exchange:inbox"), "inbox", 12))
        if org_access.is_system_admin(user):
            items.append(
                NavItem(_("Liên thông văn bản"), reverse("exchange:dashboard"), "dashboard", 92)
            )
    except NoReverseMatch:
        return []
    return items
