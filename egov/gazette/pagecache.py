"""The public pages of the gazette served from the cache, emptied on publication.

A page is kept under its path, query string, language and the business day (the validity
shown depends on the day), plus the gazette's *version*: the newest ``updated_at`` of the
documents and issues. Every action that changes what the public sees touches one of them,
so the next request after a publication builds the page afresh, in every process. The
version is read at most once a second per process (one index-only query). Only anonymous
visitors' GET requests answered 200 are kept: signed-in officials always see the page live.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.cache import cache
from django.db.models import Max
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language

from egov.lib.dates import local_today

#: Seconds a page is kept at most (it is rebuilt earlier when the version changes).
PAGE_SECONDS = 600
#: Seconds a process trusts the version it read.
VERSION_SECONDS = 1.0

_version: tuple[float, str] = (0.0, "")


def current_version() -> str:
    """The gazette's version: changes whenever a published thing changes."""
    global _version
    now = time.monotonic()
    if now - _version[0] < VERSION_SECONDS and _version[1]:
        return _version[1]
    from egov.gazette.models import GazetteIssue, LegalDocument

    docs = LegalDocument.objects.aggregate(v=Max("updated_at"))["v"]
    issues = GazetteIssue.objects.aggregate(v=Max("published_at"))["v"]
    value = f"{docs.timestamp() if docs else 0}:{issues.timestamp() if issues else 0}"
    _version = (now, value)
    return value


def forget_version() -> None:
    """Make this process read the version again (after its own change)."""
    global _version
    _version = (0.0, "")


def cached_public_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method != "GET" or request.user.is_authenticated:
            return view(request, *args, **kwargs)
        raw = "|".join(
            [current_version(), str(local_today()), get_language() or "", request.get_full_path()]
        )
        key = "gazette:page:" + hashlib.sha256(raw.encode()).hexdigest()
        hit = cache.get(key)
        if hit is not None:
            content, content_type = hit
            response = HttpResponse(content, content_type=content_type)
            response["X-Cache"] = "hit"
            return response
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming:
            cache.set(key, (response.content, response["Content-Type"]), PAGE_SECONDS)
        return response

    return wrapper
