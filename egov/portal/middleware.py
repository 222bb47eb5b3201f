"""Serve the portal's and the agencies' hostnames from the public URLconf.

The internal platform stays on its own host (``/`` is the officials' home); a request whose
hostname is a Wagtail Site's (the portal, ``<agency>.localhost`` in the demo,
``dhtn.<agency>.<province domain>`` in production) is routed by ``egov.public_urls``."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse

PUBLIC_URLCONF = "egov.public_urls"
_TTL_SECONDS = 30.0
_lock = threading.Lock()
_cached: tuple[float, frozenset[str]] = (0.0, frozenset())


def _internal_hosts() -> set[str]:
    return {"127.0.0.1", "localhost", "testserver", urlsplit(settings.SITE_URL).hostname or ""}


def public_hostnames() -> frozenset[str]:
    """The Sites' hostnames, read at most every 30 seconds per process."""
    global _cached
    now = time.monotonic()
    with _lock:
        if now - _cached[0] < _TTL_SECONDS:
            return _cached[1]
    from wagtail.models import Site

    names = frozenset(Site.objects.values_list("hostname", flat=True)) - _internal_hosts()
    with _lock:
        _cached = (now, names)
    return names


def forget_hostnames() -> None:
    global _cached
    with _lock:
        _cached = (0.0, frozenset())


class PublicHostMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        host = request.get_host().rsplit(":", 1)[0].lower()
        if host in public_hostnames():
            request.urlconf = PUBLIC_URLCONF  # Django resolves with it
            request.is_public_host = True  # type: ignore[attr-defined]
        return self.get_response(request)


def is_public_host(request: Any) -> bool:
    return bool(getattr(request, "is_public_host", False))
