from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from egov.feedback import access
from egov.home import NavItem


def feedback_nav(request: HttpRequest) -> list[NavItem]:
    user = request.user
    if not (access.is_handler(user) or access.can_manage_categories(user)):
        return []
    return [NavItem(_("Phản ánh, kiến nghị"), reverse("feedback:queue"), "feedback", 60)]
