from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext as _

from egov.home import Panel


def reporting_panel(request: HttpRequest) -> Panel | None:
    """The KT-XH part of the home page: reports waiting for this user's review."""
    from egov.reporting import queries

    user = request.user
    if not user.is_authenticated:
        return None
    waiting = list(queries.review_queue(user)[:10])
    if not waiting:
        return None
    return Panel(
        title=_("Báo cáo KT-XH chờ xử lý"),
        template="reporting/panel_review.html",
        context={"waiting": waiting},
        order=30,
    )
