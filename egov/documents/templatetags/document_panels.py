from __future__ import annotations

from typing import Any

from django import template
from django.utils.safestring import SafeString, mark_safe

from egov.documents import hooks

register = template.Library()


@register.simple_tag(takes_context=True)
def document_panels(context: Any, kind: str, document: Any) -> SafeString:
    """Sections other apps add to a document's page (see ``hooks.on_document_panel``); each
    provider renders its own template, which escapes what it shows."""
    html = "".join(hooks.document_panels(context["request"], kind, document))
    return mark_safe(html)  # noqa: S308 - rendered by the providers' autoescaping templates
