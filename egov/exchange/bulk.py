"""Large answers from the hub (a batch of packages, up to 16 MB), read with the standard
library's ``http.client`` on a connection kept per thread.

httpx hands a body over through h11, which makes an event of every piece the socket gives
(one TLS record, 16 KB): a 16 MB batch is a thousand events, and in the benchmark the
receiver spent more of its CPU there than verifying the packages. ``http.client`` reads a
body of known length into one buffer in C. Everything else stays on httpx (``client``)."""

from __future__ import annotations

import http.client
import ssl
import threading
from urllib.parse import urlsplit

from egov.exchange.errors import TransportError, from_answer

_TIMEOUT = 30.0
_local = threading.local()


def _connection(scheme: str, netloc: str, ca_file: str) -> http.client.HTTPConnection:
    key = (scheme, netloc, ca_file)
    pool: dict[tuple[str, str, str], http.client.HTTPConnection] = _local.__dict__.setdefault(
        "pool", {}
    )
    if key not in pool:
        if scheme == "https":
            context = ssl.create_default_context(cafile=ca_file or None)
            pool[key] = http.client.HTTPSConnection(netloc, timeout=_TIMEOUT, context=context)
        else:
            pool[key] = http.client.HTTPConnection(netloc, timeout=_TIMEOUT)
    return pool[key]


def get(url: str, *, token: str, ca_file: str = "") -> bytes:
    """The body of ``GET url`` with the member's bearer token. ``TransportError`` if the
    hub cannot be reached or answers 5xx (the request is tried once more on a fresh
    connection when a kept one was closed), ``PeerRefused`` for 4xx."""
    parts = urlsplit(url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    headers = {"Authorization": f"Bearer {token}", "Accept-Encoding": "identity"}
    for attempt in (1, 2):
        conn = _connection(parts.scheme, parts.netloc, ca_file)
        try:
            conn.request("GET", target, headers=headers)
            response = conn.getresponse()
            status, body = response.status, response.read()
            break
        except (OSError, http.client.HTTPException) as exc:
            conn.close()
            if attempt == 2 or not isinstance(
                exc, http.client.RemoteDisconnected | ConnectionResetError | BrokenPipeError
            ):
                raise TransportError(f"{type(exc).__name__}: {exc}") from None
    error = from_answer(status, body)
    if error is not None:
        raise error
    return body
