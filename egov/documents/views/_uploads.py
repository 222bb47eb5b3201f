"""The e-office's guard against oversized uploads (one page for every upload form)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from egov.documents import constants as c
from egov.lib.uploads import limit_upload_size


def _too_large(request: HttpRequest, size: int) -> HttpResponse:
    return render(
        request,
        "documents/too_large.html",
        {
            "size_mb": size // (1024 * 1024),
            "limit_mb": c.MAX_UPLOAD_REQUEST_BYTES // (1024 * 1024),
            "file_limit_mb": c.MAX_FILE_BYTES // (1024 * 1024),
            "back": request.get_full_path(),
        },
        status=413,
    )


limit_document_upload = limit_upload_size(c.MAX_UPLOAD_REQUEST_BYTES, _too_large)
