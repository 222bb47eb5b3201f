"""Turning one cell into a field value, or a Vietnamese explanation of why it cannot be."""

from __future__ import annotations

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import TextChoices
from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl.utils.datetime import from_excel

from egov.lib.dates import local_today, parse_iso_date
from egov.lib.tabular import CellValue
from egov.lib.text import clean, fold

_PHONE = re.compile(r"^\+?[0-9 .()\-]{3,50}$")
_HOST = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
_EARLIEST_DATE = dt.date(1900, 1, 1)
_CHOICE_KEYS: dict[tuple[type[TextChoices], str | None], dict[str, str]] = {}


class CellError(ValueError):
    """The cell's value is unusable; ``message`` says why, for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def text(value: CellValue, *, max_length: int) -> str:
    """The cell as cleaned text ("" when empty); whole numbers lose Excel's ".0"."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime | dt.date):
        value = value.strftime("%d/%m/%Y")
    result = clean(str(value))
    if len(result) > max_length:
        raise CellError(
            _("Dài %(length)d ký tự, vượt quá %(max)d ký tự cho phép.")
            % {"length": len(result), "max": max_length}
        )
    return result


def date(value: CellValue) -> dt.date | None:
    """DD/MM/YYYY, YYYY-MM-DD, a date cell, or an Excel serial number."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        result = value.date()
    elif isinstance(value, dt.date):
        result = value
    elif isinstance(value, int | float) and not isinstance(value, bool):
        try:
            converted = from_excel(value)
        except (ValueError, OverflowError, TypeError) as exc:
            raise CellError(_("Số %(value)s không phải là ngày.") % {"value": value}) from exc
        if not isinstance(converted, dt.datetime):
            raise CellError(_("Số %(value)s không phải là ngày.") % {"value": value})
        result = converted.date()
    else:
        try:
            result = parse_iso_date(str(value))
        except ValueError as exc:
            raise CellError(
                _("Ngày “%(value)s” không hợp lệ; hãy ghi dạng DD/MM/YYYY (ví dụ 01/07/2025).")
                % {"value": value}
            ) from exc
    if result < _EARLIEST_DATE:
        raise CellError(
            _("Ngày %(date)s quá xa trong quá khứ.") % {"date": result.strftime("%d/%m/%Y")}
        )
    return result


def birth_date(value: CellValue) -> dt.date | None:
    result = date(value)
    if result is not None and result >= local_today():
        raise CellError(_("Ngày sinh %(date)s chưa tới.") % {"date": result.strftime("%d/%m/%Y")})
    return result


def email(value: CellValue) -> str:
    address = text(value, max_length=254).lower()
    if not address:
        return ""
    try:
        validate_email(address)
    except ValidationError as exc:
        raise CellError(
            _("Thư điện tử “%(value)s” không hợp lệ (ví dụ đúng: ten@angiang.gov.vn).")
            % {"value": address}
        ) from exc
    return address


def phone(value: CellValue) -> str:
    number = text(value, max_length=50)
    if isinstance(value, int | float) and len(number) == 9:
        number = f"0{number}"  # Excel dropped the leading zero of a national number
    if number and not _PHONE.match(number):
        raise CellError(
            _("Số điện thoại “%(value)s” chỉ được gồm chữ số, dấu cách, +, ., -, ( và ).")
            % {"value": number}
        )
    return number


def website_host(value: CellValue) -> str:
    host = text(value, max_length=300).lower()
    host = re.sub(r"^[a-z]+://", "", host).split("/", 1)[0]
    if host and not _HOST.match(host):
        raise CellError(
            _("Tên miền “%(value)s” không hợp lệ (ví dụ đúng: snv.angiang.gov.vn).")
            % {"value": host}
        )
    return host


def _choice_keys(choices: type[TextChoices]) -> dict[str, str]:
    """Folded code, label and Vietnamese label → code, for the active language (cached)."""
    key = (choices, translation.get_language())
    if key not in _CHOICE_KEYS:
        keys: dict[str, str] = {}
        with translation.override("vi"):
            for code, label in choices.choices:
                keys[fold(str(label))] = str(code)
        for code, label in choices.choices:
            keys[fold(str(label))] = str(code)
            keys[fold(str(code))] = str(code)
        _CHOICE_KEYS[key] = keys
    return _CHOICE_KEYS[key]


def choice(value: CellValue, choices: type[TextChoices]) -> str:
    """The code of a choice given as its label (diacritics and case ignored) or its code."""
    raw = text(value, max_length=200)
    if not raw:
        return ""
    found = _choice_keys(choices).get(fold(raw))
    if found is None:
        raise CellError(
            _("“%(value)s” không có trong danh sách: %(allowed)s.")
            % {"value": raw, "allowed": "; ".join(str(label) for _code, label in choices.choices)}
        )
    return found


def validated(raw: str, validator: object) -> str:
    """Run a model field validator; its message is the cell's error."""
    if raw and callable(validator):
        try:
            validator(raw)
        except ValidationError as exc:
            raise CellError(" ".join(exc.messages)) from exc
    return raw
