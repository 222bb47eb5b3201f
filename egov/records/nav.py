"""The records entries of the main navigation."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from egov.home import NavItem
from egov.organisations import access as org_access
from egov.records import access


def records_nav(request: HttpRequest) -> list[NavItem]:
    user = request.user
    if not org_access.is_staff_member(user):
        return []
    items = [NavItem(_("Hồ sơ công việc"), reverse("records:file_list"), "file_list", 35)]
    if not access.office_scope(user).is_empty:
        items.append(NavItem(_("Sổ và báo cáo"), reverse("records:reports"), "reports", 45))
        items.append(NavItem(_("Sử dụng bản lưu"), reverse("records:loans"), "loans", 46))
    return items
