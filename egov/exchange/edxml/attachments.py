"""ZIP-wrapped attachments, as the VNPT SDK sends them (``base64(ZIP(file))``, application/zip).

``unzip_attachment`` opens one without trusting it: corrupt or truncated archives, too many
entries, too many uncompressed bytes, encrypted entries and paths that climb out of a folder
are reported as a ``ValidationFailure``, never as an unhandled exception.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

from .limits import DEFAULT_LIMITS, Limits
from .messages import Attachment, new_content_id
from .problems import ValidationFailure, problem

ZIP_CONTENT_TYPE = "application/zip"
_PATH = "AttachmentEncoded.Attachment.ContentTransferEncoded"


@dataclass(frozen=True)
class ZipMember:
    """One file of a ZIP attachment."""

    name: str
    content: bytes

    def __repr__(self) -> str:
        return f"ZipMember(name={self.name!r}, content=<{len(self.content)} bytes>)"


def zip_attachment(
    attachment_name: str, content: bytes, *, description: str = "", content_id: str = ""
) -> Attachment:
    """An attachment holding ``content`` zipped under ``attachment_name``, as the SDK does."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(attachment_name, content)
    return Attachment(
        attachment_name=attachment_name,
        content=buffer.getvalue(),
        content_type=ZIP_CONTENT_TYPE,
        description=description,
        content_id=content_id or new_content_id(),
    )


def _unsafe(attachment: Attachment, detail: str) -> ValidationFailure:
    return ValidationFailure(
        [problem("unsafe_zip", _PATH, value=attachment.attachment_name, detail=detail)]
    )


def unzip_attachment(
    attachment: Attachment, *, limits: Limits = DEFAULT_LIMITS
) -> tuple[ZipMember, ...]:
    """The files inside a ZIP attachment.

    Raises ``ValidationFailure``: ``T.…`` for a corrupt or truncated archive, ``M.…`` for an
    unsafe one.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(attachment.content))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise ValidationFailure(
            [problem("bad_zip", _PATH, value=attachment.attachment_name)]
        ) from None
    with archive:
        entries = [info for info in archive.infolist() if not info.is_dir()]
        if len(entries) > limits.max_zip_entries:
            raise _unsafe(attachment, f"{len(entries)} entries")
        members: list[ZipMember] = []
        total = 0
        for info in entries:
            path = PurePosixPath(info.filename.replace("\\", "/"))
            if path.is_absolute() or ".." in path.parts or not info.filename.strip():
                raise _unsafe(attachment, f"path {info.filename!r}")
            if info.flag_bits & 0x1:
                raise _unsafe(attachment, f"encrypted entry {info.filename!r}")
            remaining = limits.max_unzipped_bytes - total
            if info.file_size > remaining:
                raise _unsafe(attachment, "uncompressed size over the limit")
            try:
                with archive.open(info) as stream:
                    # Never trust the declared size: read at most one byte past what is left.
                    content = stream.read(remaining + 1)
            except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
                raise ValidationFailure(
                    [problem("bad_zip", _PATH, value=attachment.attachment_name)]
                ) from None
            if len(content) > remaining:
                raise _unsafe(attachment, "uncompressed size over the limit")
            total += len(content)
            members.append(ZipMember(name=str(path), content=content))
    return tuple(members)
