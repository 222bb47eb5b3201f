"""The mail part's entry of the main navigation: for administrators of some unit."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from egov.home import NavItem
from egov.organisations import access as org_access


def mail_nav(request: HttpRequest) -> list[NavItem]:
    try:
        if org_access.can_administer_anything(request.user):
            return [NavItem(_("Hộp thư công vụ"), reverse("mail:mailboxes"), "mail", 94)]
    except NoReverseMatch:
        return []
    return []
