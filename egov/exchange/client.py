"""A member's HTTPS client to its hub: send, list received, fetch, acknowledge, directory."""

from __future__ import annotations

import base64
import functools
from typing import Any

import httpx
from django.conf import settings

from egov.exchange import bulk, framing

# Re-exported: callers catch ``client.TransportError`` and ``client.PeerRefused``.
from egov.exchange.errors import PeerRefused as PeerRefused
from egov.exchange.errors import TransportError as TransportError
from egov.exchange.errors import from_answer
from egov.exchange.models import Peer


@functools.cache
def _client(base_url: str, token: str) -> httpx.Client:
    verify: Any = settings.EGOV_EXCHANGE_TLS_CA_FILE or True
    return httpx.Client(
        base_url=base_url.rstrip("/") + "/exchange/hub/",
        headers={"Authorization": f"Bearer {token}"},
        verify=verify,
        timeout=httpx.Timeout(30.0, connect=5.0),
        limits=httpx.Limits(max_connections=8, max_keepalive_connections=8),
    )


def client_for(peer: Peer) -> httpx.Client:
    token = peer.outbound_token or settings.EGOV_EXCHANGE_HUB_TOKEN
    return _client(peer.base_url, token)


def reset() -> None:
    """Forget pooled connections (a test harness restarts the hub under us)."""
    _client.cache_clear()


def _call(peer: Peer, method: str, path: str, **kwargs: Any) -> httpx.Response:
    try:
        response = client_for(peer).request(method, path, **kwargs)
    except httpx.HTTPError as exc:
        raise TransportError(f"{type(exc).__name__}: {exc}") from None
    error = from_answer(response.status_code, response.content)
    if error is not None:
        raise error
    return response


def send(peer: Peer, body: bytes) -> dict[str, Any]:
    response = _call(
        peer, "POST", "send/", content=body, headers={"Content-Type": "application/xml"}
    )
    result: dict[str, Any] = response.json()
    return result


def send_many(peer: Peer, bodies: list[bytes]) -> list[dict[str, Any]]:
    """Several packages in one request (a hub of ours): one result per package, in order,
    either ``{"local": …, "mailboxes": …}`` or ``{"code": …, "detail": …}`` (refused)."""
    response = _call(
        peer,
        "POST",
        "send/batch/",
        content=b"".join(framing.pack(enumerate(bodies))),
        headers={"Content-Type": framing.CONTENT_TYPE},
    )
    results: list[dict[str, Any]] = response.json()["results"]
    if len(results) != len(bodies):
        raise TransportError(f"{len(results)} results for {len(bodies)} packages")
    return results


def received(
    peer: Peer, *, limit: int = 50, inline: int = 0, lease: int = 0
) -> list[dict[str, Any]]:
    """What waits for us; packages of at most ``inline`` bytes carry their ``body``. With
    ``lease`` (seconds), what is listed is held for this caller that long: the member's
    other workers polling meanwhile are listed the next packages, not the same ones."""
    packages: list[dict[str, Any]] = _call(
        peer, "GET", "received/", params={"limit": limit, "inline": inline, "lease": lease}
    ).json()["packages"]
    for item in packages:
        if "body" in item:
            item["body"] = base64.b64decode(item["body"])
    return packages


def fetch(peer: Peer, pk: int) -> bytes:
    return _call(peer, "GET", f"packages/{pk}/").content


def fetch_many(peer: Peer, ids: list[int]) -> list[tuple[int, bytes]]:
    """Several packages in one request (a hub of ours); the hub may answer only the first
    ones (a batch's size is capped): the caller asks again for the rest. The answer (up to
    16 MB) is read by ``bulk.get``, not httpx (see there)."""
    token = peer.outbound_token or settings.EGOV_EXCHANGE_HUB_TOKEN
    content = bulk.get(
        peer.base_url.rstrip("/") + "/exchange/hub/packages/?ids=" + ",".join(map(str, ids)),
        token=token,
        ca_file=settings.EGOV_EXCHANGE_TLS_CA_FILE,
    )
    try:
        return framing.unpack(content)
    except framing.FramingError as exc:
        raise TransportError(f"bad batch from the hub: {exc}") from None


def acknowledge(peer: Peer, pk: int | list[int], status: str = "done") -> None:
    """Set the transport status of one package, or of several in one request."""
    if isinstance(pk, list):
        _call(peer, "POST", "packages/status/", json={"ids": pk, "status": status})
    else:
        _call(peer, "POST", f"packages/{pk}/status/", json={"status": status})


def agencies(peer: Peer) -> list[dict[str, str]]:
    result: list[dict[str, str]] = _call(peer, "GET", "agencies/").json()["agencies"]
    return result


def register_agency(
    peer: Peer, *, code: str, name: str, parent_code: str = "", replaces: str = ""
) -> None:
    _call(
        peer,
        "POST",
        "agencies/",
        json={"code": code, "name": name, "parent_code": parent_code, "replaces": replaces},
    )
