"""Form rendering for the accounts screens: the input is described by its hint and its
error message, so a screen reader reads both when the field gets focus."""

from __future__ import annotations

from django import template
from django.forms import BoundField
from django.utils.safestring import SafeString

register = template.Library()


@register.simple_tag
def described_widget(field: BoundField) -> SafeString:
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}_helptext")
    if field.errors:
        ids.append(f"{field.auto_id}_error")
    attrs: dict[str, str | bool] = {"aria-describedby": " ".join(ids)} if ids else {}
    return field.as_widget(attrs=attrs)


@register.filter
def minutes(delta: object) -> int:
    """Whole minutes of a ``timedelta`` (the lockout cool-off), rounded up."""
    seconds = getattr(delta, "total_seconds", lambda: 0)()
    return int(-(-seconds // 60))
