"""Uploads: refusing oversized request bodies before anything reads them, and telling what
a file really is from its bytes (its name is only a claim)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt, csrf_protect

ViewFunc = Callable[..., HttpResponse]


def declared_length(request: HttpRequest) -> int:
    try:
        return max(int(request.META.get("CONTENT_LENGTH") or 0), 0)
    except ValueError:
        return 0


def limit_upload_size(
    max_bytes: int, refuse: Callable[[HttpRequest, int], HttpResponse]
) -> Callable[[ViewFunc], ViewFunc]:
    """Answer ``refuse(request, declared size)`` to a POST whose declared body is larger than
    ``max_bytes``, without reading the body.

    The CSRF middleware would read the whole body to find the token, so the wrapped view is
    exempt from the middleware and checks the token itself (``csrf_protect``) once the size
    is known to be acceptable: protection is unchanged for every request that is read."""

    def decorator(view: ViewFunc) -> ViewFunc:
        protected = csrf_protect(view)

        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            size = declared_length(request)
            if request.method == "POST" and size > max_bytes:
                return refuse(request, size)
            return protected(request, *args, **kwargs)

        return csrf_exempt(wrapper)

    return decorator


PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

#: The office file types accepted as attachments and evidence, with their extensions.
EXTENSIONS: dict[str, tuple[str, ...]] = {
    PDF: (".pdf",),
    PNG: (".png",),
    JPEG: (".jpg", ".jpeg"),
    DOCX: (".docx",),
    XLSX: (".xlsx",),
}
ACCEPTED_LABEL = "PDF, JPG, PNG, DOCX, XLSX"


def sniff(content: bytes) -> str | None:
    """The media type the bytes really are, among ``EXTENSIONS``, or None."""
    if content.startswith(b"%PDF-"):
        return PDF
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if content.startswith(b"\xff\xd8\xff"):
        return JPEG
    if content.startswith(b"PK\x03\x04"):
        try:
            names = set(zipfile.ZipFile(io.BytesIO(content)).namelist())
        except zipfile.BadZipFile:
            return None
        if "word/document.xml" in names:
            return DOCX
        if "xl/workbook.xml" in names:
            return XLSX
    return None
