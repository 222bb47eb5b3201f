"""Size and type limits of packages, per deployment (the hub's own are not published)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from .constants import LIBXML2_MAX_TEXT_LENGTH

#: The largest attachment whose base64 text fits in one libxml2 text node without
#: XML_PARSE_HUGE: 4 characters per 3 bytes.
MAX_ATTACHMENT_BYTES_CEILING: Final = LIBXML2_MAX_TEXT_LENGTH // 4 * 3

DEFAULT_CONTENT_TYPES: Final = frozenset(
    {
        "application/pdf",
        "application/zip",
        "application/x-zip-compressed",
        "application/msword",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.ms-excel",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.ms-powerpoint",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "application/vnd.oasis.opendocument.text",
        "application/vnd.oasis.opendocument.spreadsheet",
        "application/rtf",
        "application/xml",
        "text/xml",
        "text/plain",
        "text/csv",
        "image/jpeg",
        "image/png",
        "image/tiff",
        "application/octet-stream",
    }
)


@dataclass(frozen=True)
class Limits:
    """What a package may carry. ``allowed_content_types=None`` accepts any well-formed type.

    ``max_attachment_bytes`` cannot exceed ``MAX_ATTACHMENT_BYTES_CEILING`` (about 7.1 MiB):
    the parser keeps libxml2's huge-tree protection on, which caps one text node at 10 MB.
    """

    max_attachment_bytes: int = MAX_ATTACHMENT_BYTES_CEILING
    max_attachments: int = 50
    max_package_bytes: int = 100 * 1024 * 1024
    allowed_content_types: frozenset[str] | None = DEFAULT_CONTENT_TYPES
    #: ZIP attachments (``attachments.unzip_attachment``): total uncompressed size and entries.
    max_unzipped_bytes: int = 200 * 1024 * 1024
    max_zip_entries: int = 200

    def __post_init__(self) -> None:
        if not 0 < self.max_attachment_bytes <= MAX_ATTACHMENT_BYTES_CEILING:
            raise ValueError(
                f"max_attachment_bytes must be between 1 and {MAX_ATTACHMENT_BYTES_CEILING}: "
                "larger attachments need libxml2's huge-tree mode, which the codec never enables"
            )
        for name in ("max_attachments", "max_package_bytes", "max_unzipped_bytes"):
            if getattr(self, name) <= 0:
                raise ValueError(f"{name} must be positive")


DEFAULT_LIMITS: Final = Limits()
