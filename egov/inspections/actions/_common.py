"""Helpers shared by the inspection actions: the actor, the refusal, evidence files."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone
from django.utils.translation import gettext as _

from egov.inspections import constants as c
from egov.inspections.models import ChecklistItem, Evidence, Finding
from egov.lib.errors import ActionError

# The one-stop part's content sniffer: the same accepted types (PDF, images, Office files).
from egov.lib.uploads import ACCEPTED_LABEL, EXTENSIONS, sniff


def actor_or_none(actor: Any) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None


def refuse() -> PermissionDenied:
    return PermissionDenied(_("Bạn không có quyền thực hiện việc này."))


@dataclass(frozen=True)
class CheckedFile:
    name: str
    media_type: str
    content: bytes
    sha256: str


def check_evidence(upload: Any) -> CheckedFile:
    """The file's size and its type from the bytes (the name is only a claim)."""
    name = PurePath(str(upload.name or "tep")).name[:200]
    size = upload.size or 0
    limit_mb = c.MAX_EVIDENCE_BYTES // 1048576
    if size > c.MAX_EVIDENCE_BYTES:
        raise ActionError(
            _("Tệp “%(name)s” vượt giới hạn %(limit)s MB.") % {"name": name, "limit": limit_mb},
            code="file_too_large",
            field="file",
        )
    content = upload.read(c.MAX_EVIDENCE_BYTES + 1)
    if len(content) > c.MAX_EVIDENCE_BYTES:
        raise ActionError(
            _("Tệp “%(name)s” vượt giới hạn %(limit)s MB.") % {"name": name, "limit": limit_mb},
            code="file_too_large",
            field="file",
        )
    media_type = sniff(content)
    if media_type is None or PurePath(name).suffix.lower() not in EXTENSIONS[media_type]:
        raise ActionError(
            _("Tệp minh chứng “%(name)s” không đúng định dạng. Chỉ nhận: %(accepted)s.")
            % {"name": name, "accepted": ACCEPTED_LABEL},
            code="wrong_file_type",
            field="file",
        )
    return CheckedFile(name, media_type, content, hashlib.sha256(content).hexdigest())


def store_evidence(
    checked: CheckedFile,
    *,
    actor: Any,
    item: ChecklistItem | None = None,
    finding: Finding | None = None,
) -> Evidence:
    """Stored under its SHA-256 (write-once: the same bytes are kept once)."""
    path = f"inspections/{checked.sha256[:2]}/{checked.sha256}{EXTENSIONS[checked.media_type][0]}"
    if not default_storage.exists(path):
        path = default_storage.save(path, ContentFile(checked.content))
    return Evidence.objects.create(
        item=item,
        finding=finding,
        content=path,
        name=checked.name,
        media_type=checked.media_type,
        size=len(checked.content),
        sha256=checked.sha256,
        uploaded_by=actor_or_none(actor),
        uploaded_at=timezone.now(),
    )


def count_check(existing: int, adding: int) -> None:
    if existing + adding > c.MAX_EVIDENCE_PER_OBJECT:
        raise ActionError(
            _("Mỗi nội dung đính kèm tối đa %(n)s tệp minh chứng.")
            % {"n": c.MAX_EVIDENCE_PER_OBJECT},
            code="too_many_files",
            field="file",
        )
