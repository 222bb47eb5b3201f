"""The one-stop entries of the main navigation."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from egov.home import NavItem
from egov.onestop import access


def onestop_nav(request: HttpRequest) -> list[NavItem]:
    if not access.is_officer(request.user):
        return []
    return [NavItem(_("Một cửa"), reverse("onestop:queue"), "onestop", 40)]
