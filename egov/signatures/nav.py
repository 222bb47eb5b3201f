"""The signatures part's menu entries: the scan reader for clerks, the key page for leaders
and clerks."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from egov.home import NavItem
from egov.organisations import access as org_access
from egov.organisations.choices import Role


def signatures_nav(request: HttpRequest) -> list[NavItem]:
    user = request.user
    if not org_access.is_staff_member(user):
        return []
    items = []
    if not org_access.scope_for(user, [Role.CLERK]).is_empty:
        items.append(NavItem(_("Đọc văn bản quét"), reverse("signatures:scan_new"), "scans", 12))
    if not org_access.scope_for(user, [Role.LEADER, Role.CLERK]).is_empty:
        items.append(NavItem(_("Khóa ký số"), reverse("signatures:keys"), "keys", 45))
    return items
