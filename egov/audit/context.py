"""Request context (address, user agent) carried to audit records without passing requests."""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class RequestContext:
    ip_address: str | None
    user_agent: str
    request_id: str


current_request: ContextVar[RequestContext | None] = ContextVar("audit_request", default=None)
