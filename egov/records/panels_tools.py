"""On a document's page: print its handling slip (incoming), lend its archived copy (for the
agency's clerk)."""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string

from egov.documents import access as doc_access


def document_tools_panel(request: Any, kind: str, document: Any) -> str:
    user = request.user
    if not getattr(user, "is_authenticated", False):
        return ""
    may_lend = doc_access.is_clerk_of(user, document.unit) and (
        kind == "incoming" or document.number is not None
    )
    if kind != "incoming" and not may_lend:
        return ""
    return render_to_string(
        "records/_document_tools.html",
        {"kind": kind, "document": document, "may_lend": may_lend},
        request=request,
    )
