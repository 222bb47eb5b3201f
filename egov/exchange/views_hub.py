"""The hub's HTTPS endpoints for its members (bearer token per member). JSON answers with
a machine ``code`` and an English ``detail``; package bodies as application/xml."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from egov.exchange import framing, queries
from egov.exchange.actions import hub
from egov.exchange.actions.inbox import Refused
from egov.exchange.models import Peer
from egov.lib.uploads import declared_length

#: Bodies up to this size may come inline in the listing (a signed status is about 5 KB).
_MAX_INLINE = 64 * 1024
#: Packages one transport-status call may name.
_MAX_IDS = 500


def _error(code: str, detail: str, status: int) -> JsonResponse:
    return JsonResponse({"code": code, "detail": detail}, status=status)


def member_only(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        header = request.headers.get("Authorization", "")
        token = header.removeprefix("Bearer ").strip() if header.startswith("Bearer ") else ""
        peer = queries.peer_by_token(token)
        if peer is None:
            return _error("unauthorised", "a valid member token is required", 401)
        return view(request, peer, *args, **kwargs)

    return csrf_exempt(wrapper)


def _read_body(request: HttpRequest, limit: int, detail: str) -> bytes | HttpResponse:
    """The request's body, or a 413 answer when it is larger than ``limit``: refused on its
    declared length before anything is read, or once ``limit + 1`` bytes came."""
    if declared_length(request) > limit:
        return _error("too_large", detail, 413)
    body = request.read(limit + 1)
    if len(body) > limit:
        return _error("too_large", detail, 413)
    return body


@member_only
@require_http_methods(["POST"])
def send(request: HttpRequest, peer: Peer) -> HttpResponse:
    limit = settings.EGOV_EXCHANGE_MAX_PACKAGE_BYTES
    body = _read_body(request, limit, f"packages are limited to {limit} bytes")
    if isinstance(body, HttpResponse):
        return body
    try:
        routed = hub.take(sender=peer, body=body)
    except Refused as refusal:
        return _error(refusal.code, refusal.reason, 422)
    return JsonResponse({"local": routed.local, "mailboxes": routed.mailboxes})


@member_only
@require_http_methods(["POST"])
def send_batch(request: HttpRequest, peer: Peer) -> HttpResponse:
    """Several packages in one request (``framing``), taken in one transaction; one result
    per package, in order: where it went, or why it was refused."""
    limit = framing.BATCH_BYTES + framing.BATCH_COUNT * 64
    data = _read_body(request, limit, f"a batch is limited to {framing.BATCH_BYTES} bytes")
    if isinstance(data, HttpResponse):
        return data
    try:
        items = framing.unpack(data)
    except framing.FramingError as exc:
        return _error("bad_batch", str(exc), 400)
    with transaction.atomic():
        results = hub.take_many(sender=peer, bodies=[body for _pk, body in items])
    return JsonResponse(
        {
            "results": [
                {"code": r.code, "detail": r.reason}
                if isinstance(r, Refused)
                else {"local": r.local, "mailboxes": r.mailboxes}
                for r in results
            ]
        }
    )


@member_only
@require_http_methods(["GET"])
def received(request: HttpRequest, peer: Peer) -> HttpResponse:
    try:
        limit = max(1, min(500, int(request.GET.get("limit", "100"))))
        lease = max(0, min(3600, int(request.GET.get("lease", "0"))))
        inline = max(0, min(_MAX_INLINE, int(request.GET.get("inline", "0"))))
    except ValueError:
        return _error("bad_parameter", "limit, lease and inline must be numbers", 400)
    listed = hub.waiting(peer, limit=limit, lease_seconds=lease, inline_bytes=inline)
    return JsonResponse({"packages": listed})


@member_only
@require_http_methods(["GET"])
def package(request: HttpRequest, peer: Peer, pk: int) -> HttpResponse:
    item = hub.fetch(peer, pk)
    if item is None:
        return _error("not_found", "no such package for this member", 404)
    response = HttpResponse(bytes(item.body), content_type="application/xml")
    response["X-Content-SHA256"] = item.sha256
    return response


@member_only
@require_http_methods(["GET"])
def packages(request: HttpRequest, peer: Peer) -> HttpResponse:
    """Several of the member's packages in one answer (``?ids=1,2,3``, ``framing``): as
    many as fit in a batch, in order; the member asks again for the rest."""
    try:
        ids = [int(pk) for pk in request.GET.get("ids", "").split(",") if pk][: framing.BATCH_COUNT]
    except ValueError:
        return _error("bad_parameter", "ids must be package numbers", 400)
    if not ids:
        return _error("bad_parameter", "ids must name at least one package", 400)
    found = hub.fetch_many(peer, ids, max_bytes=framing.BATCH_BYTES)
    return HttpResponse(b"".join(framing.pack(found)), content_type=framing.CONTENT_TYPE)


@member_only
@require_http_methods(["POST"])
def transport_status(request: HttpRequest, peer: Peer, pk: int) -> HttpResponse:
    try:
        status = json.loads(request.body or b"{}").get("status", "")
        found = hub.set_transport_status(peer, pk, status)
    except (ValueError, AttributeError):
        return _error("bad_status", "status must be done or fail", 400)
    if not found:
        return _error("not_found", "no such package for this member", 404)
    return JsonResponse({"ok": True})


@member_only
@require_http_methods(["POST"])
def transport_statuses(request: HttpRequest, peer: Peer) -> HttpResponse:
    """The transport status of several packages at once: ``{"ids": [...], "status": …}``."""
    try:
        data = json.loads(request.body or b"{}")
        ids = [int(pk) for pk in data.get("ids", [])][:_MAX_IDS]
        found = bool(ids) and hub.set_transport_status(peer, ids, data.get("status", ""))
    except (ValueError, TypeError, AttributeError):
        return _error("bad_status", "ids must be package numbers, status done or fail", 400)
    if not found:
        return _error("not_found", "a package named is not this member's", 404)
    return JsonResponse({"ok": True, "count": len(ids)})


@member_only
@require_http_methods(["GET", "POST"])
def agencies(request: HttpRequest, peer: Peer) -> HttpResponse:
    if request.method == "POST":
        try:
            data = json.loads(request.body or b"{}")
            organ = hub.register_agency(
                peer=peer,
                code=str(data.get("code", "")),
                name=str(data.get("name", "")),
                parent_code=str(data.get("parent_code", "")),
                replaces=str(data.get("replaces", "")),
            )
        except ValueError:
            return _error("bad_json", "a JSON object is expected", 400)
        except Refused as refusal:
            return _error(refusal.code, refusal.reason, 422)
        return JsonResponse({"code": organ.code}, status=201)
    return JsonResponse({"agencies": hub.directory()})


@member_only
@require_http_methods(["GET"])
def sent(request: HttpRequest, peer: Peer) -> HttpResponse:
    rows = hub.sent_by(peer, document_id=request.GET.get("document_id", ""))
    for row in rows:
        row["received_at"] = row["received_at"].isoformat()
    return JsonResponse({"packages": rows})
