from __future__ import annotations

from typing import Any

from django import template

from egov.feedback.naming import redact

register = template.Library()


@register.filter
def public_text(text: str, item: Any) -> str:
    """``{{ item.text|public_text:item }}``: the text with the asker's details removed."""
    return redact(text, item)
