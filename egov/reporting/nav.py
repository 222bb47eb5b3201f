"""The KT-XH entries of the main navigation, by role."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from egov.home import NavItem
from egov.reporting import access


def reporting_nav(request: HttpRequest) -> list[NavItem]:
    user = request.user
    if not user.is_authenticated:
        return []
    items = []
    if access.uses_reporting(user):
        items += [
            NavItem(_("Báo cáo KT-XH"), reverse("reporting:work"), "ktxh_work", 50),
            NavItem(_("Phân tích KT-XH"), reverse("reporting:analysis"), "ktxh_analysis", 51),
        ]
    if access.can_manage_catalogue(user):
        items.append(
            NavItem(_("Danh mục KT-XH"), reverse("reporting:catalogue"), "ktxh_catalogue", 52)
        )
    return items
