"""The e-office entries of the main navigation, by role."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from egov.home import NavItem
from egov.organisations import access as org_access
from egov.organisations.choices import Role

#: (url name, label, order); an entry whose route is not installed is left out.
STAFF_ENTRIES: list[tuple[str, Any, int]] = [
    # Not "Việc của tôi": that is the home page's entry, which this page details.
    ("documents:work", _("Văn bản cần xử lý"), 5),
    ("documents:incoming_list", _("Văn bản đến"), 10),
    ("documents:outgoing_list", _("Văn bản đi"), 20),
    ("documents:search", _("Tìm kiếm văn bản"), 30),
]
#: For leaders and clerks only (the dashboard answers 403 to everyone else).
OFFICE_ENTRIES: list[tuple[str, Any, int]] = [
    ("documents:stats", _("Thống kê văn bản"), 40),
]
ADMIN_ENTRIES: list[tuple[str, Any, int]] = [
    ("documents:types", _("Loại văn bản"), 90),
    ("workcalendar:overrides", _("Lịch làm việc"), 91),
]


def _items(entries: list[tuple[str, Any, int]]) -> list[NavItem]:
    items = []
    for name, label, order in entries:
        try:
            items.append(NavItem(label, reverse(name), name.split(":")[1], order))
        except NoReverseMatch:
            continue
    return items


def documents_nav(request: HttpRequest) -> list[NavItem]:
    user = request.user
    if not org_access.is_staff_member(user):
        return []
    items = _items(STAFF_ENTRIES)
    if not org_access.scope_for(user, [Role.LEADER, Role.CLERK]).is_empty:
        items += _items(OFFICE_ENTRIES)
    if org_access.is_system_admin(user):
        items += _items(ADMIN_ENTRIES)
    return items
