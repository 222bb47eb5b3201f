from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from egov.organisations.constants import (
    ABBREVIATION,
    ORGAN_CODE_MAX_LENGTH,
    ORGAN_CODE_NEW,
    ORGAN_CODE_OLD,
)


def validate_organ_code(value: str) -> None:
    """Accept the old 13-character form and the new dotted form; nothing else."""
    if len(value) > ORGAN_CODE_MAX_LENGTH:
        raise ValidationError(
            _("Mã định danh dài tối đa %(max)d ký tự.") % {"max": ORGAN_CODE_MAX_LENGTH},
            code="organ_code_too_long",
        )
    if not (ORGAN_CODE_OLD.match(value) or ORGAN_CODE_NEW.match(value)):
        raise ValidationError(
            _(
                "Mã định danh “%(value)s” không đúng định dạng. Dùng dạng cũ 000.00.00.H01 "
                "hoặc dạng mới H01.151."
            )
            % {"value": value},
            code="organ_code_format",
        )


def validate_abbreviation(value: str) -> None:
    if not ABBREVIATION.match(value):
        raise ValidationError(
            _(
                "Chữ viết tắt “%(value)s” chỉ gồm chữ in hoa và chữ số, tối đa 20 ký tự "
                "(ví dụ UBND, TTTH)."
            )
            % {"value": value},
            code="abbreviation_format",
        )
