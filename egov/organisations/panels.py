"""The registry's panel on the "my work" page: my unit, my roles, my colleagues."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext as _

from egov.home import Panel
from egov.organisations import access
from egov.organisations.models import Person


def my_unit_panel(request: HttpRequest) -> Panel | None:
    user = request.user
    if not access.is_staff_member(user):
        return None
    person = Person.objects.select_related("unit", "position").filter(user_id=user.pk or 0).first()
    assignments = access.active_assignments(user)
    return Panel(
        title=_("Đơn vị và vai trò của tôi"),
        template="organisations/panel_my_unit.html",
        context={"person": person, "assignments": assignments},
        order=900,
    )
