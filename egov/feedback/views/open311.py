"""Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2): services, requests (read
and post), tokens, in JSON and XML, errors in the GeoReport error format.

What is read: every item past the e-mail check, by id, category, dates and status
(``open``: on an agency's queue; ``closed``: answered or not handled). Only an answered
item its leader published carries its text, place and answer; any other item shows its
metadata alone (category, agency, dates, status). The asker's name, e-mail and phone never
appear. A post with a valid ``api_key`` reaches the agency at once; without one (when keys
are optional, ``EGOV_FEEDBACK_OPEN311_KEY_REQUIRED`` false) the e-mail is required and the
item waits for the code sent there, the answer carrying a ``token`` instead of an id.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET  # only builds XML, never parses input
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.views.decorators.csrf import csrf_exempt

from egov.feedback import queries
from egov.feedback.actions import items, routing
from egov.feedback.actions._common import digest
from egov.feedback.choices import OPEN_STATES, Channel, Kind, State
from egov.feedback.models import Category, Item
from egov.feedback.naming import redact
from egov.lib.dates import BUSINESS_TZ
from egov.lib.errors import ActionError

CLOSED_STATES = (State.ANSWERED, State.CLOSED)
MAX_RESULTS = 1000
DEFAULT_DAYS = 90


def jurisdiction() -> str:
    return str(getattr(settings, "EGOV_FEEDBACK_JURISDICTION", settings.EGOV_MAIL_DOMAIN))


def _render(
    data: list[dict[str, Any]], fmt: str, root: str, child: str, status: int = 200
) -> HttpResponse:
    if fmt == "json":
        return JsonResponse(
            data, safe=False, status=status, json_dumps_params={"ensure_ascii": False}
        )
    top = ET.Element(root)
    for row in data:
        node = ET.SubElement(top, child)
        for key, value in row.items():
            sub = ET.SubElement(node, key)
            if isinstance(value, bool):
                sub.text = "true" if value else "false"
            elif value is not None:
                sub.text = str(value)
    body = b'<?xml version="1.0" encoding="utf-8"?>' + ET.tostring(
        top, encoding="utf-8", xml_declaration=False
    )
    return HttpResponse(body, status=status, content_type="text/xml; charset=utf-8")


def error(fmt: str, status: int, description: str) -> HttpResponse:
    return _render([{"code": status, "description": description}], fmt, "errors", "error", status)


def _check_jurisdiction(request: HttpRequest, fmt: str) -> HttpResponse | None:
    given = request.GET.get("jurisdiction_id") or request.POST.get("jurisdiction_id") or ""
    if given and given != jurisdiction():
        return error(fmt, 404, "jurisdiction_id not found")
    return None


def _w3(value: dt.datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(BUSINESS_TZ).replace(microsecond=0).isoformat()


def _service(category: Category) -> dict[str, Any]:
    return {
        "service_code": category.code,
        "service_name": category.name,
        "description": category.description,
        "metadata": False,
        "type": "realtime",
        "keywords": "",
        "group": category.group,
    }


def services(request: HttpRequest, fmt: str) -> HttpResponse:
    refused = _check_jurisdiction(request, fmt)
    if refused:
        return refused
    data = [_service(category) for category in queries.active_categories()]
    return _render(data, fmt, "services", "service")


def service_definition(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    return error(fmt, 404, "service_code has no definition (metadata is false)")


def _status(item: Item) -> str:
    return "open" if item.state in OPEN_STATES else "closed"


def _request(item: Item) -> dict[str, Any]:
    published = item.state == State.ANSWERED and item.is_public
    updated = item.answered_at or item.received_at
    expected = (
        dt.datetime.combine(item.due_date, dt.time(17, 0), tzinfo=BUSINESS_TZ)
        if item.due_date
        else None
    )
    return {
        "service_request_id": str(item.pk),
        "status": _status(item),
        "status_notes": redact(item.answer_text, item) if published else "",
        "service_name": item.category.name,
        "service_code": item.category.code,
        "description": redact(f"{item.title}\n\n{item.text}", item) if published else "",
        "agency_responsible": item.agency.name,
        "service_notice": "",
        "requested_datetime": _w3(item.received_at),
        "updated_datetime": _w3(updated),
        "expected_datetime": _w3(expected),
        "address": redact(item.address, item) if published else "",
        "address_id": "",
        "zipcode": "",
        "lat": float(item.lat) if published and item.lat is not None else None,
        "long": float(item.long) if published and item.long is not None else None,
        "media_url": "",
    }


def _readable() -> QuerySet[Item]:
    return (
        Item.objects.exclude(state=State.UNVERIFIED)
        .select_related("category", "agency")
        .order_by("-received_at", "-pk")
    )


def _split(raw: str) -> list[str]:
    return [part.strip() for part in raw.split(",") if part.strip()]


def _get_requests(request: HttpRequest, fmt: str) -> HttpResponse:
    found = _readable()
    ids = _split(request.GET.get("service_request_id", ""))
    if ids:
        if not all(i.isdigit() for i in ids):
            return error(fmt, 400, "service_request_id must be numbers")
        return _render(
            [_request(i) for i in found.filter(pk__in=ids)], fmt, "service_requests", "request"
        )
    codes = _split(request.GET.get("service_code", ""))
    if codes:
        found = found.filter(category__code__in=codes)
    statuses = _split(request.GET.get("status", ""))
    if statuses:
        if not set(statuses) <= {"open", "closed"}:
            return error(fmt, 400, "status must be open or closed")
        states: list[str] = []
        if "open" in statuses:
            states += OPEN_STATES
        if "closed" in statuses:
            states += CLOSED_STATES
        found = found.filter(state__in=states)
    bounds: dict[str, dt.datetime] = {}
    for name in ("start_date", "end_date"):
        raw = request.GET.get(name, "")
        if raw:
            value = parse_datetime(raw.replace(" ", "+"))
            if value is None:
                return error(
                    fmt, 400, f"{name} must be a W3C date-time, e.g. 2026-11-30T08:00:00+07:00"
                )
            if timezone.is_naive(value):
                value = value.replace(tzinfo=BUSINESS_TZ)
            bounds[name] = value
    if "start_date" in bounds:
        found = found.filter(received_at__gte=bounds["start_date"])
    if "end_date" in bounds:
        found = found.filter(received_at__lte=bounds["end_date"])
    if not bounds:
        found = found.filter(received_at__gte=timezone.now() - dt.timedelta(days=DEFAULT_DAYS))
    data = [_request(item) for item in found[:MAX_RESULTS]]
    return _render(data, fmt, "service_requests", "request")


def _post_request(request: HttpRequest, fmt: str) -> HttpResponse:
    post = request.POST
    key = post.get("api_key", "")
    client = routing.client_for_key(key)
    if key and client is None:
        return error(fmt, 403, "api_key is not valid")
    if client is None and getattr(settings, "EGOV_FEEDBACK_OPEN311_KEY_REQUIRED", False):
        return error(fmt, 403, "api_key is required")
    category = (
        Category.objects.filter(code=post.get("service_code", ""), active=True)
        .select_related("agency")
        .first()
    )
    if category is None:
        return error(fmt, 404, "service_code not found")
    lat, long, address = post.get("lat", ""), post.get("long", ""), post.get("address_string", "")
    if not ((lat and long) or address or post.get("address_id")):
        return error(fmt, 400, "a location is required: lat and long, or address_string")
    description = post.get("description", "").strip()
    name = " ".join(p for p in (post.get("first_name", ""), post.get("last_name", "")) if p.strip())
    try:
        done = items.submit_item(
            kind=Kind.COMMENT,
            category=category,
            title=description.split("\n", 1)[0][:80],
            text=description,
            name=name,
            email=post.get("email", ""),
            phone=post.get("phone", ""),
            address=address,
            lat=lat or None,
            long=long or None,
            channel=Channel.OPEN311,
            trusted=client is not None,
            ip=str(request.META.get("REMOTE_ADDR") or ""),
        )
    except ActionError as exc:
        status = 429 if exc.code == "rate_limited" else 400
        return error(fmt, status, f"{exc.code}: {' '.join(exc.messages)}")
    if done.item.state == State.UNVERIFIED:
        row = {
            "token": done.tracking_token,
            "service_notice": "Check your e-mail for the code that confirms this request.",
        }
    else:
        row = {"service_request_id": str(done.item.pk), "service_notice": "", "account_id": ""}
    return _render([row], fmt, "service_requests", "request", status=201)


@csrf_exempt
def requests_view(request: HttpRequest, fmt: str) -> HttpResponse:
    refused = _check_jurisdiction(request, fmt)
    if refused:
        return refused
    if request.method == "POST":
        return _post_request(request, fmt)
    if request.method in ("GET", "HEAD"):
        return _get_requests(request, fmt)
    return error(fmt, 405, "method not allowed")


def request_detail(request: HttpRequest, pk: str, fmt: str) -> HttpResponse:
    refused = _check_jurisdiction(request, fmt)
    if refused:
        return refused
    item = _readable().filter(pk=int(pk)).first() if pk.isdigit() and len(pk) < 12 else None
    if item is None:
        return error(fmt, 404, "service_request_id not found")
    return _render([_request(item)], fmt, "service_requests", "request")


def token_detail(request: HttpRequest, token: str, fmt: str) -> HttpResponse:
    item = Item.objects.filter(tracking_hash=digest(token)).first()
    if item is None:
        return error(fmt, 404, "token not found")
    row: dict[str, Any] = {"token": token}
    if item.state != State.UNVERIFIED:
        row["service_request_id"] = str(item.pk)
    return _render([row], fmt, "service_requests", "request")


def discovery(request: HttpRequest, fmt: str) -> HttpResponse:
    base = request.build_absolute_uri("/phan-anh/open311/v2/")
    data: Sequence[dict[str, Any]] = [
        {
            "changeset": "2026-11-30T00:00:00+07:00",
            "contact": settings.DEFAULT_FROM_EMAIL,
            "key_service": "",
            "endpoints": [
                {
                    "specification": "http://wiki.open311.org/GeoReport_v2",
                    "url": base,
                    "type": "production",
                    "formats": "text/xml,application/json",
                }
            ],
        }
    ]
    if fmt == "json":
        return JsonResponse(data[0], json_dumps_params={"ensure_ascii": False})
    return error(fmt, 404, "discovery is offered in JSON")
