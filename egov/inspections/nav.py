"""The inspections entries of the main navigation."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from egov.home import NavItem
from egov.inspections import access


def inspections_nav(request: HttpRequest) -> list[NavItem]:
    user = request.user
    if not getattr(user, "is_authenticated", False):
        return []
    items = []
    if access.can_conduct_any(user):
        items.append(
            NavItem(
                _("Kiểm tra vận hành hệ thống"), reverse("inspections:plans"), "inspections", 96
            )
        )
    if access.answerable_inspections(user).exists():
        items.append(
            NavItem(
                _("Kết quả kiểm tra của cơ quan"),
                reverse("inspections:agency"),
                "inspections_agency",
                97,
            )
        )
    return items
