"""The JSON API root: /api/v1/, OpenAPI at /api/v1/docs. Each app adds its router."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI

from egov.accounts.api_auth import SessionAuth, TokenAuth
from egov.lib.errors import error_payload

api = NinjaAPI(
    title="egov API",
    version="1",
    description="Electronic government platform of a Vietnamese province.",
    auth=[TokenAuth(), SessionAuth()],
    urls_namespace="api",
)


@api.exception_handler(ValidationError)
def on_validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    return api.create_response(request, error_payload(exc), status=422)


@api.exception_handler(PermissionDenied)
def on_forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return api.create_response(request, {"code": "forbidden", "detail": str(exc)}, status=403)


@api.exception_handler(Http404)
def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return api.create_response(request, {"code": "not_found", "detail": "Not found."}, status=404)


api.add_router("/org/", "egov.organisations.api.router")
api.add_router("/documents/", "egov.documents.api.router")
