from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import IO, Any

from django.core.files.base import File
from django.core.files.storage import default_storage

from egov.documents import filecheck
from egov.documents.models import StoredFile


@dataclass(frozen=True)
class Upload:
    """A file as received: its stream, the name it came with and its size."""

    stream: IO[bytes]
    name: str
    size: int

    @classmethod
    def from_django(cls, uploaded: Any) -> Upload:
        return cls(stream=uploaded, name=uploaded.name, size=uploaded.size)


def check_uploads(uploads: list[Upload]) -> list[filecheck.Inspected]:
    """Inspect every file before anything is written: one bad file refuses them all."""
    return [filecheck.inspect(u.stream, name=u.name, size=u.size) for u in uploads]


def store(upload: Upload, inspected: filecheck.Inspected, *, actor: Any) -> StoredFile:
    """Keep the bytes under their hash (write-once); the same bytes are stored once."""
    digest = hashlib.sha256()
    upload.stream.seek(0)
    for chunk in iter(lambda: upload.stream.read(1024 * 1024), b""):
        digest.update(chunk)
    sha = digest.hexdigest()
    existing = StoredFile.objects.filter(sha256=sha).first()
    if existing is not None:
        return existing
    upload.stream.seek(0)
    path = f"files/{sha[:2]}/{sha[2:4]}/{sha}"
    if not default_storage.exists(path):
        path = default_storage.save(path, File(upload.stream))
    stored, _created = StoredFile.objects.get_or_create(
        sha256=sha,
        defaults={
            "content": path,
            "size": upload.size,
            "media_type": inspected.media_type,
            "page_count": inspected.page_count,
            "text": inspected.text,
            "created_by": actor if getattr(actor, "is_authenticated", False) else None,
        },
    )
    return stored
