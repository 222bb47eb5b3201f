"""The gazette's entry of the main navigation: for its editors."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from egov.gazette import access
from egov.home import NavItem


def gazette_nav(request: HttpRequest) -> list[NavItem]:
    if not access.is_editor(request.user):
        return []
    return [NavItem(_("Công báo"), reverse("gazette:documents"), "gazette", 60)]
