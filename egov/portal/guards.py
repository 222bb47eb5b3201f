"""What may never be published on an agency site: active content in rich text, and
anything from a secret document (seed 003 mục IV: "thông tin được quản lý theo chế độ mật
... không đưa tin lên mạng"). Used by the pages' validation and, again, by the publishing
action, so a page saved through any path is checked before it goes live."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db.models import IntegerField, Q, Value
from django.db.models.functions import Lower, StrIndex
from django.utils.translation import gettext as _

# Read-only: which documents are secret (no query function answers this for any agency).
from egov.documents.models import IncomingDocument, OutgoingDocument

#: Active content a sanitised rich text never holds: scripts, event handlers, javascript:
#: URLs, embedded frames, objects and style sheets.
_ACTIVE_CONTENT = re.compile(
    r"<\s*(script|iframe|object|embed|style|link|meta|base|form)\b"
    r"|\bon[a-z]+\s*=|javascript\s*:|vbscript\s*:|data\s*:\s*text/html",
    re.IGNORECASE,
)

#: A document reference "số/ký hiệu": 459/UBND-TTTH, 12/2025/QĐ-UBND, 07/CT-UBND.
_REFERENCE = re.compile(r"\b(\d{1,6})/((?:\d{4}/)?[A-ZĐ][A-ZĐ0-9]*(?:-[A-ZĐ0-9]+)*)", re.UNICODE)

#: Subjects shorter than this are too generic to match inside an article ("Báo cáo").
_SUBJECT_MIN = 20


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
    and notation or quotes by subject. Two queries per document table at most."""
    hits: list[SecretHit] = []
    pairs = {(number, notation.upper()) for number, notation in _REFERENCE.findall(text or "")}
    lowered = (text or "").lower()
    for model in (IncomingDocument, OutgoingDocument):
        secret = model.objects.filter(secrecy__gt=0)
        if pairs:
            by_reference = Q()
            for number, notation in pairs:
                by_reference |= Q(code_number=number, code_notation__iexact=notation)
                if model is OutgoingDocument and number.isdigit():
                    by_reference |= Q(number=int(number), code_notation__iexact=notation)
            for number, notation in secret.filter(by_reference).values_list(
                "code_number", "code_notation"
            ):
                hits.append(SecretHit(f"{number}/{notation}"))
        if len(lowered) >= _SUBJECT_MIN:
            quoted = (
                secret.annotate(
                    at=StrIndex(Value(lowered), Lower("subject"), output_field=IntegerField())
                )
                .filter(at__gt=0)
                .exclude(subject__regex=rf"^.{{0,{_SUBJECT_MIN - 1}}}$")
            )
            hits.extend(SecretHit(subject) for subject in quoted.values_list("subject", flat=True))
    return hits


def secret_message() -> str:
    return _(
        "Bài viết trích dẫn văn bản mật. Thông tin quản lý theo chế độ mật không được đưa lên "
        "trang thông tin điện tử."
    )
