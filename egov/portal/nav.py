"""The portal's entry in the internal navigation: compliance of the information sites."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from egov.home import NavItem
from egov.organisations import access as org_access
from egov.portal.access import COMPLIANCE_ROLES


def portal_nav(request: HttpRequest) -> list[NavItem]:
    if not request.user.is_authenticated:
        return []
    try:
        if (
            org_access.is_system_admin(request.user)
            or not org_access.scope_for(request.user, COMPLIANCE_ROLES).is_empty
        ):
            return [
                NavItem(_("Trang thông tin điện tử"), reverse("portal:compliance"), "portal", 97)
            ]
    except NoReverseMatch:
        return []
    return []
