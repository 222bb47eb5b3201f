"""The mail box on an outgoing document's page (``documents.hooks.on_document_panel``):
the sends by e-mail, and the form to send it for a clerk or leader of the issuing agency."""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string

from egov.documents.choices import OutgoingStatus
from egov.mail import queries
from egov.mail.actions.sending import can_send_document
from egov.mail.constants import MAILABLE_DOCUMENT_TYPES


def document_mail_panel(request: Any, kind: str, document: Any) -> str:
    if kind != "outgoing":
        return ""
    sends = list(queries.sends_of_document(document))
    may_send = (
        document.status == OutgoingStatus.ISSUED
        and not document.is_secret
        and document.document_type.code in MAILABLE_DOCUMENT_TYPES
        and can_send_document(request.user, document)
    )
    if not sends and not may_send:
        return ""
    return render_to_string(
        "mail/_document_panel.html",
        {"document": document, "sends": sends, "may_send": may_send},
        request=request,
    )
