"""Checking and storing files filed with a dossier: the type from the bytes (the name is a
claim), the size, and that every required component is there. All files are checked before
anything is written; stored under their SHA-256, write-once."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import gettext as _

from egov.lib.errors import ActionError
from egov.lib.uploads import ACCEPTED_LABEL, EXTENSIONS, sniff
from egov.onestop import constants as c
from egov.onestop.models import Dossier, DossierFile, ProcedureDocument


@dataclass(frozen=True)
class CheckedFile:
    document: ProcedureDocument | None
    name: str
    media_type: str
    content: bytes
    sha256: str


def check_file(upload: Any, document: ProcedureDocument | None) -> CheckedFile:
    name = PurePath(str(upload.name or "tep")).name[:200]
    size = upload.size or 0
    if size > c.MAX_FILE_BYTES:
        raise ActionError(
            _("Tệp “%(name)s” lớn %(size)s MB, vượt giới hạn %(limit)s MB.")
            % {
                "name": name,
                "size": f"{size / 1048576:.1f}",
                "limit": c.MAX_FILE_BYTES // 1048576,
            },
            code="file_too_large",
            field=f"doc_{document.pk}" if document else "files",
        )
    content = upload.read(c.MAX_FILE_BYTES + 1)
    if len(content) > c.MAX_FILE_BYTES:
        raise ActionError(
            _("Tệp “%(name)s” vượt giới hạn %(limit)s MB.")
            % {"name": name, "limit": c.MAX_FILE_BYTES // 1048576},
            code="file_too_large",
            field=f"doc_{document.pk}" if document else "files",
        )
    media_type = sniff(content)
    extension = PurePath(name).suffix.lower()
    if media_type is None or extension not in EXTENSIONS[media_type]:
        raise ActionError(
            _("Tệp “%(name)s” không đúng định dạng. Chỉ nhận: %(accepted)s.")
            % {"name": name, "accepted": ACCEPTED_LABEL},
            code="wrong_file_type",
            field=f"doc_{document.pk}" if document else "files",
        )
    return CheckedFile(document, name, media_type, content, hashlib.sha256(content).hexdigest())


def check_files(
    uploads: Sequence[tuple[ProcedureDocument | None, Any]],
    *,
    required: Sequence[ProcedureDocument] = (),
) -> list[CheckedFile]:
    """Every upload checked; every document in ``required`` present. Raises on the first
    problem, before anything is written."""
    if len(uploads) > c.MAX_FILES:
        raise ActionError(
            _("Mỗi hồ sơ nộp tối đa %(n)s tệp.") % {"n": c.MAX_FILES}, code="too_many_files"
        )
    present = {doc.pk for doc, _upload in uploads if doc is not None}
    for doc in required:
        if doc.pk not in present:
            raise ActionError(
                _("Thiếu giấy tờ bắt buộc: “%(name)s”.") % {"name": doc.name},
                code="missing_document",
                field=f"doc_{doc.pk}",
            )
    return [check_file(upload, doc) for doc, upload in uploads]


def store(dossier: Dossier, files: Sequence[CheckedFile], *, is_result: bool = False) -> None:
    for item in files:
        extension = EXTENSIONS[item.media_type][0]
        path = f"onestop/{item.sha256[:2]}/{item.sha256}{extension}"
        if not default_storage.exists(path):
            path = default_storage.save(path, ContentFile(item.content))
        DossierFile.objects.create(
            dossier=dossier,
            document=item.document,
            name=item.name,
            media_type=item.media_type,
            size=len(item.content),
            sha256=item.sha256,
            content=path,
            is_result=is_result,
        )
