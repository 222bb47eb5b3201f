from __future__ import annotations

from typing import Any

from django import template

from egov.documents import access

register = template.Library()


@register.simple_tag(takes_context=True)
def can_copy(context: Any, document: Any) -> bool:
    """Whether the signed-in user keeps the registers of the agency holding ``document``."""
    return access.is_clerk_of(context["request"].user, document.unit)
