"""Checking an uploaded file: its real type from its bytes, its size, that a PDF opens.

The name a file comes with is a claim; the bytes decide. A ``.pdf`` that is really a ZIP, an
image called ``.docx``, or a PDF that does not open is refused with a specific message.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import PurePath
from typing import IO

from django.utils.translation import gettext as _

from egov.documents import constants as c
from egov.lib.errors import ActionError

PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
TIFF = "image/tiff"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ODT = "application/vnd.oasis.opendocument.text"
DOC = "application/msword"
XLS = "application/vnd.ms-excel"
OLE = "application/x-ole-storage"

#: Which extensions each sniffed type may carry.
EXTENSIONS: dict[str, tuple[str, ...]] = {
    PDF: (".pdf",),
    PNG: (".png",),
    JPEG: (".jpg", ".jpeg"),
    TIFF: (".tif", ".tiff"),
    DOCX: (".docx",),
    XLSX: (".xlsx",),
    ODT: (".odt",),
    OLE: (".doc", ".xls"),
}


@dataclass(frozen=True)
class Inspected:
    media_type: str
    page_count: int | None
    text: str


def sniff(head: bytes, stream: IO[bytes]) -> str | None:
    """The media type of a file from its first bytes (and, for ZIP containers, its parts)."""
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return TIFF
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return OLE
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(stream) as archive:
                names = set(archive.namelist())
                if "word/document.xml" in names:
                    return DOCX
                if "xl/workbook.xml" in names:
                    return XLSX
                if "mimetype" in names and archive.read("mimetype") == ODT.encode():
                    return ODT
        except zipfile.BadZipFile:
            return None
        finally:
            stream.seek(0)
    return None


def _pdf_facts(stream: IO[bytes], name: str) -> tuple[int, str]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(stream)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ActionError(
                _("Tệp “%(name)s” được đặt mật khẩu, hệ thống không mở được.") % {"name": name},
                code="pdf_encrypted",
                field="files",
            )
        pages = len(reader.pages)
        chunks: list[str] = []
        size = 0
        for page in reader.pages:
            text = page.extract_text() or ""
            chunks.append(text)
            size += len(text)
            if size > c.MAX_EXTRACTED_CHARS:
                break
    except ActionError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ActionError(
            _("Tệp “%(name)s” không phải là tệp PDF hợp lệ (không mở được).") % {"name": name},
            code="pdf_unreadable",
            field="files",
        ) from exc
    if pages == 0:
        raise ActionError(
            _("Tệp “%(name)s” không có trang nào.") % {"name": name},
            code="pdf_empty",
            field="files",
        )
    return pages, "\n".join(chunks)[: c.MAX_EXTRACTED_CHARS]


def inspect(stream: IO[bytes], *, name: str, size: int) -> Inspected:
    """Check one file; raise ActionError (nothing stored) when it is not acceptable."""
    if size == 0:
        raise ActionError(
            _("Tệp “%(name)s” rỗng.") % {"name": name}, code="file_empty", field="files"
        )
    if size > c.MAX_FILE_BYTES:
        raise ActionError(
            _("Tệp “%(name)s” có dung lượng %(size)s MB, vượt giới hạn %(limit)s MB.")
            % {
                "name": name,
                "size": size // (1024 * 1024),
                "limit": c.MAX_FILE_BYTES // (1024 * 1024),
            },
            code="file_too_large",
            field="files",
        )
    head = stream.read(16)
    stream.seek(0)
    media_type = sniff(head, stream)
    extension = PurePath(name).suffix.lower()
    if media_type is None:
        raise ActionError(
            _(
                "Tệp “%(name)s” không thuộc định dạng được nhận "
                "(PDF, DOC, DOCX, XLS, XLSX, ODT, PNG, JPEG, TIFF)."
            )
            % {"name": name},
            code="file_type_unknown",
            field="files",
        )
    if extension not in EXTENSIONS[media_type]:
        raise ActionError(
            _("Tệp “%(name)s” có đuôi %(ext)s nhưng nội dung là %(kind)s.")
            % {"name": name, "ext": extension or _("(không có)"), "kind": media_type},
            code="file_type_mismatch",
            field="files",
        )
    if media_type == PDF:
        pages, text = _pdf_facts(stream, name)
        stream.seek(0)
        return Inspected(PDF, pages, text)
    if media_type == OLE:
        media_type = DOC if extension == ".doc" else XLS
    return Inspected(media_type, None, "")
