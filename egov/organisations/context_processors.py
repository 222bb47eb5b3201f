"""Navigation by role: each entry appears only to users who may use it."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from egov.audit.scoping import can_read_audit
from egov.home import NavItem, app_nav_items
from egov.organisations import access


def navigation(request: HttpRequest) -> dict[str, object]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": []}
    items = [NavItem(_("Việc của tôi"), reverse("home"), "home")]
    items += app_nav_items(request)
    if access.can_view_registry(user):
        items += [
            NavItem(_("Cơ cấu tổ chức"), reverse("organisations:tree"), "tree"),
            NavItem(_("Danh bạ cán bộ"), reverse("organisations:staff"), "staff"),
        ]
    if access.can_administer_anything(user):
        items.append(NavItem(_("Nhập, xuất dữ liệu"), reverse("organisations:import"), "import"))
    if can_read_audit(user):
        items.append(NavItem(_("Nhật ký hệ thống"), reverse("audit:list"), "audit"))
    return {"nav_items": items}
