"""The mail part's entries of the main navigation: mailboxes and usage for administrators of
some unit, the agency's mail for its clerks."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from egov.documents import access as doc_access
from egov.home import NavItem
from egov.organisations import access as org_access


def mail_nav(request: HttpRequest) -> list[NavItem]:
    items: list[NavItem] = []
    try:
        if org_access.can_administer_anything(request.user):
            items.append(NavItem(_("Hộp thư công vụ"), reverse("mail:mailboxes"), "mail", 94))
            items.append(NavItem(_("Sử dụng thư điện tử"), reverse("mail:usage"), "mail", 96))
        if request.user.is_authenticated and not doc_access.clerk_scope(request.user).is_empty:
            items.append(NavItem(_("Thư đến của cơ quan"), reverse("mail:inbox"), "mail", 95))
    except NoReverseMatch:
        return []
    return items
