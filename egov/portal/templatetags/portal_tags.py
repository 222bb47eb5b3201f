"""Template helpers of the public pages."""

from __future__ import annotations

import base64

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

register = template.Library()


def _entities(text: str) -> SafeString:
    """Every character as a numeric entity: the same text for people and screen readers,
    no plain address for a harvester's pattern (the mail directory's rule)."""
    return mark_safe("".join(f"&#{ord(c)};" for c in text))  # noqa: S308 - digits only


@register.filter
def hidden_address(address: str) -> SafeString:
    """An official address as the public mail directory shows it: “user a còng domain”,
    turned into a mailto link by mail/directory.js from the reversed base64 in data-m."""
    if not address:
        return mark_safe("—")
    user, _sep, domain = address.partition("@")
    encoded = base64.b64encode(address[::-1].encode()).decode()
    return format_html(
        '<span class="mail-address" data-m="{}">{} <span>{}</span> {}</span>',
        encoded,
        _entities(user),
        _("a còng"),
        _entities(domain),
    )
