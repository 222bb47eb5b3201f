"""What may never be published on an agency site: active content in rich text, and
anything from a secret document (seed 003 mục IV: "thông tin được quản lý theo chế độ mật
... không đưa tin lên mạng"). Used by the pages' validation and, again, by the publishing
action, so a page saved through any path is checked before it goes live."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from egov.documents.queries import secret_citations

#: Active content a sanitised rich text never holds: scripts, event handlers, javascript:
#: URLs, embedded frames, objects and style sheets.
_ACTIVE_CONTENT = re.compile(
    r"<\s*(script|iframe|object|embed|style|link|meta|base|form)\b"
    r"|\bon[a-z]+\s*=|javascript\s*:|vbscript\s*:|data\s*:\s*text/html",
    re.IGNORECASE,
)


def has_active_content(html: str) -> bool:
    return bool(_ACTIVE_CONTENT.search(html or ""))


def active_content_message() -> str:
    return _(
        "Nội dung có mã lệnh (script, sự kiện, liên kết javascript) không được phép đăng. "
        "Hãy xóa phần mã lệnh và lưu lại."
    )


@dataclass(frozen=True)
class SecretHit:
    reference: str


def secret_hits(text: str) -> list[SecretHit]:
    """Secret documents (incoming or outgoing, any agency) that ``text`` cites by number
    and notation or quotes by subject (``documents.queries.secret_citations``)."""
    return [SecretHit(reference) for reference in secret_citations(text)]


def secret_message() -> str:
    return _(
        "Bài viết trích dẫn văn bản mật. Thông tin quản lý theo chế độ mật không được đưa lên "
        "trang thông tin điện tử."
    )
