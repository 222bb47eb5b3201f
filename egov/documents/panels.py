from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext as _

from egov.home import Panel


def my_documents_panel(request: HttpRequest) -> Panel | None:
    """The e-office part of the home page: what waits for this user."""
    from egov.documents import queries

    user = request.user
    if not user.is_authenticated:
        return None
    queues = queries.work_queues(user, limit=10)
    if not any(queues.counts.values()):
        return None
    return Panel(
        title=_("Văn bản chờ xử lý"),
        template="documents/panel_my_work.html",
        context={"queues": queues},
        order=10,
    )
