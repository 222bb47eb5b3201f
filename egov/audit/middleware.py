from __future__ import annotations

import uuid
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from egov.audit.context import RequestContext, current_request


def client_ip(request: HttpRequest) -> str | None:
    """The client address. Behind the reverse proxy the deployment sets REMOTE_ADDR itself
    (nginx ``real_ip``), so forwarded headers, which a client can forge, are not read here."""
    return request.META.get("REMOTE_ADDR") or None


class AuditContextMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = current_request.set(
            RequestContext(
                ip_address=client_ip(request),
                user_agent=request.META.get("HTTP_USER_AGENT", "")[:400],
                request_id=uuid.uuid4().hex,
            )
        )
        try:
            return self.get_response(request)
        finally:
            current_request.reset(token)
