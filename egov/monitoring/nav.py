"""The oversight entry of the main navigation."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from egov.home import NavItem
from egov.monitoring import access


def monitoring_nav(request: HttpRequest) -> list[NavItem]:
    if not access.can_view(request.user):
        return []
    return [
        NavItem(_("Giám sát ứng dụng CNTT"), reverse("monitoring:dashboard"), "dashboard", 90),
        NavItem(_("Xếp hạng ứng dụng CNTT"), reverse("monitoring:rankings"), "rankings", 91),
    ]
