"""Numbers as Vietnamese users type them: "," is the decimal separator and "." or a space
groups thousands ("1.234.567,5"). A lone "." followed by other than three digits is taken
as a decimal point ("12.5"), as a spreadsheet exported in English writes it."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from egov.lib.errors import ActionError
from egov.reporting.choices import ValueType

_GROUPED = re.compile(r"^-?\d{1,3}(\.\d{3})+(,\d+)?$")
_PLAIN = re.compile(r"^-?\d+([.,]\d+)?$")


def parse_number(raw: str) -> Decimal:
    text = raw.strip().replace("\u00a0", "").replace(" ", "")
    if _GROUPED.match(text):
        text = text.replace(".", "").replace(",", ".")
    elif _PLAIN.match(text):
        text = text.replace(",", ".")
    else:
        raise ActionError(
            _("“%(raw)s” không phải là số (dùng dấu phẩy cho phần thập phân, ví dụ 1.234,5).")
            % {"raw": raw.strip()[:40]},
            code="not_a_number",
        )
    try:
        return Decimal(text)
    except InvalidOperation as exc:  # pragma: no cover - the patterns admit only numbers
        raise ActionError(
            _("“%(raw)s” không phải là số.") % {"raw": raw}, code="not_a_number"
        ) from exc


_INTEGER = str(ValueType.INTEGER)
_NOT_NEGATIVE = frozenset({str(ValueType.NON_NEGATIVE), str(ValueType.PERCENT)})
_PERCENT = str(ValueType.PERCENT)
_TOO_LARGE = Decimal(10) ** 18
_TOO_LARGE_DIGITS = 18  # the exponent of _TOO_LARGE's leading digit


def check_value(value: Decimal, value_type: str) -> None:
    """The value's type rule: a whole number, not negative, a percentage in 0–100.

    Called once per value of an import (hundreds of thousands): the cheap tests on the type
    come first, and the size is read from the exponent rather than by comparing Decimals."""
    if (
        value_type == _INTEGER
        and value.as_tuple().exponent < 0  # type: ignore[operator]
        and value != value.to_integral_value()
    ):
        raise ActionError(_("Chỉ tiêu này nhận số nguyên."), code="not_integer")
    if value_type in _NOT_NEGATIVE and value.is_signed() and value:
        raise ActionError(_("Chỉ tiêu này không nhận số âm."), code="negative")
    if value_type == _PERCENT and value > 100:
        raise ActionError(_("Tỷ lệ phần trăm phải từ 0 đến 100."), code="percent_range")
    if value and value.adjusted() >= _TOO_LARGE_DIGITS:  # |value| >= 10**18
        raise ActionError(_("Giá trị quá lớn."), code="too_large")


def format_number(value: Decimal | None, decimals: int = 0) -> str:
    """Vietnamese display: 1.234.567,5."""
    if value is None:
        return ""
    quantised = round(value, decimals)
    text = f"{quantised:,.{decimals}f}"
    return text.replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")
