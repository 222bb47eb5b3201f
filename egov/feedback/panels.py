"""The "my work" panel: the agency's feedback items due within two working days or overdue."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from egov.home import Panel


def feedback_due_panel(request: HttpRequest) -> Panel | None:
    from egov.feedback import access, queries
    from egov.feedback.choices import OPEN_STATES
    from egov.lib.dates import local_today
    from egov.workcalendar import queries as calendar

    if not access.is_handler(request.user):
        return None
    today = local_today()
    soon = calendar.add_working_days(today, 2)
    due = list(
        queries.queue_for(request.user).filter(state__in=OPEN_STATES, due_date__lte=soon)[:20]
    )
    if not due:
        return None
    return Panel(
        title=str(_("Phản ánh, kiến nghị sắp đến hạn trả lời")),
        template="feedback/panel_due.html",
        context={"items": due, "today": today},
        order=32,
    )
