"""Serve the portal's and the agencies' hostnames from the public URLconf.

The internal platform stays on its own host (``/`` is the officials' home); a request whose
hostname is a Wagtail Site's (the portal, ``<agency>.localhost`` in the demo,
``dhtn.<agency>.<province domain>`` in production) is routed by ``egov.public_urls``."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse

PUBLIC_URLCONF = "egov.public_urls"
ADMIN_PREFIX = "/cms/"
#: The page's id in the admin's page URLs: /cms/pages/<id>/edit/,
#: /cms/pages/workflow/action/<id>/approve/<task state>/.
_PAGE_IN_ADMIN_PATH = re.compile(r"^/cms/pages/(?:workflow/action/)?(\d+)/")
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
        # The internal host never asks the database which hostnames are public.
        if host not in _internal_hosts() and host in public_hostnames():
            request.urlconf = PUBLIC_URLCONF  # Django resolves with it
            request.is_public_host = True  # type: ignore[attr-defined]
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        """A publication the portal's check refuses inside the Wagtail admin (a workflow
        approval, the edit view's "Approve" or "Publish" of content that became refusable
        after it was submitted) is shown to the editor as the check's message on the
        page's edit view instead of a server error. Wagtail runs the workflow action in
        one transaction, so the refusal leaves nothing approved or published: the
        submission stays in moderation."""
        from egov.lib.errors import ActionError

        if not isinstance(exception, ActionError) or not request.path.startswith(ADMIN_PREFIX):
            return None
        return admin_refusal(request, exception)


def is_public_host(request: Any) -> bool:
    return bool(getattr(request, "is_public_host", False))


def admin_refusal(request: HttpRequest, refusal: Any) -> HttpResponse:
    """The refusal as an error message on the page's edit view (or where the editor came
    from); a modal's XMLHttpRequest gets the modal's "done, go to" answer."""
    from django.contrib import messages
    from django.shortcuts import redirect
    from django.urls import reverse
    from wagtail.admin.modal_workflow import render_modal_workflow

    messages.error(request, " ".join(refusal.messages))
    match = _PAGE_IN_ADMIN_PATH.match(request.path)
    target = (
        reverse("wagtailadmin_pages:edit", args=(int(match.group(1)),))
        if match
        else request.headers.get("referer") or ADMIN_PREFIX
    )
    if request.headers.get("x-requested-with") == "XMLHttpRequest":
        response: HttpResponse = render_modal_workflow(
            request, "", None, {}, json_data={"step": "success", "redirect": target}
        )
        return response
    return redirect(target)
