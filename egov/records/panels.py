"""What the records part adds to other screens: the home page's hand-over warnings and, on
a document's page, the files it sits in."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from egov.home import Panel
from egov.lib.dates import local_today


def handover_due_panel(request: HttpRequest) -> Panel | None:
    """Closed files due for hand-over within 30 days (or overdue) that this user owns or
    keeps as the agency's clerk or leader."""
    from egov.records import queries

    if not request.user.is_authenticated:
        return None
    today = local_today()
    files = list(queries.due_for_handover(request.user, today)[:20])
    if not files:
        return None
    return Panel(
        title=_("Hồ sơ sắp đến hạn nộp lưu"),
        template="records/panel_handover.html",
        context={"files": files, "today": today},
        order=30,
    )


def document_files_panel(request: Any, kind: str, document: Any) -> str:
    from egov.records import queries

    if not getattr(request.user, "is_authenticated", False):
        return ""
    files = queries.files_of_document(request.user, kind, document)
    candidates = [
        f for f in queries.open_files_for_adding(request.user, document.unit_id) if f not in files
    ]
    if kind == "outgoing" and document.number is None:
        candidates = []
    if not files and not candidates:
        return ""
    return render_to_string(
        "records/_document_files.html",
        {
            "files": files,
            "candidates": candidates,
            "kind": kind,
            "document": document,
            "next": request.get_full_path(),
        },
        request=request,
    )
