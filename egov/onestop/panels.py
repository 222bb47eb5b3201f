"""The home page's panel: the one-stop dossiers the officer's units hold, soonest due first."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from egov.home import Panel


def queue_panel(request: HttpRequest) -> Panel | None:
    from egov.onestop import access, queries

    if not request.user.is_authenticated or not access.is_officer(request.user):
        return None
    now = timezone.now()
    soon = now + dt.timedelta(days=2)
    dossiers = [d for d in queries.queue(request.user)[:10] if d.due_at is None or d.due_at <= soon]
    if not dossiers:
        return None
    return Panel(
        title=_("Hồ sơ một cửa sắp đến hạn"),
        template="onestop/panel_queue.html",
        context={"dossiers": dossiers, "now": now},
        order=32,
    )
