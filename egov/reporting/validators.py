from __future__ import annotations

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

#: Codes travel in SDMX, ADX (XML attribute names) and DXF2 files: letters, digits, "_", "-".
validate_code = RegexValidator(
    r"^[A-Za-z][A-Za-z0-9_-]*$",
    _("Mã chỉ gồm chữ cái không dấu, chữ số, “_” và “-”, bắt đầu bằng chữ cái."),
    code="invalid_code",
)
