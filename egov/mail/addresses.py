"""Mail addresses: checking a local part and proposing one from a Vietnamese name."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from egov.lib.errors import ActionError
from egov.lib.text import fold
from egov.mail.constants import LOCAL_PART_MAX, LOCAL_PART_RE, RESERVED_LOCAL_PARTS

_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def check_local_part(local_part: str, *, field: str = "local_part") -> str:
    """The normalised local part, or an ActionError saying what is wrong with it."""
    value = local_part.strip().lower()
    if not value:
        raise ActionError(
            _("Tên hộp thư không được để trống."), code="local_part_required", field=field
        )
    if len(value) > LOCAL_PART_MAX or not LOCAL_PART_RE.match(value) or ".." in value:
        raise ActionError(
            _(
                "Tên hộp thư “%(value)s” không hợp lệ: chỉ dùng chữ không dấu, chữ số, dấu chấm, "
                "gạch ngang, gạch dưới; bắt đầu và kết thúc bằng chữ hoặc số; tối đa 64 ký tự."
            )
            % {"value": local_part},
            code="invalid_local_part",
            field=field,
        )
    if value in RESERVED_LOCAL_PARTS:
        raise ActionError(
            _("Tên hộp thư “%(value)s” được dành cho hệ thống thư.") % {"value": value},
            code="reserved_local_part",
            field=field,
        )
    return value


def proposed_local_part(full_name: str) -> str:
    """The province's convention: given name then the initials of family and middle names,
    without diacritics ("Nguyễn Văn Lãnh" → ``lanhnv``)."""
    words = [_NOT_ALNUM.sub("", word) for word in fold(full_name).split()]
    words = [word for word in words if word]
    if not words:
        return "canbo"
    return words[-1] + "".join(word[0] for word in words[:-1])
