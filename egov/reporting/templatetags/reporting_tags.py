from __future__ import annotations

from typing import Any

from django import template

from egov.reporting.numbers import format_number

register = template.Library()


@register.simple_tag
def cell_id(indicator: Any, combo: Any) -> str:
    return f"cell-{indicator.pk}-{combo.pk}"


@register.filter
def vn_number(value: Any, decimals: int = 0) -> str:
    if value is None:
        return ""
    exponent = value.normalize().as_tuple().exponent
    shown = max(int(decimals), -exponent if isinstance(exponent, int) and exponent < 0 else 0)
    return format_number(value, shown)


@register.filter
def lookup(mapping: Any, key: Any) -> Any:
    return mapping.get(key, "") if mapping else ""
