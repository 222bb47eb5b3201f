"""What a call to another installation can end in, besides its answer."""

from __future__ import annotations

import json


class TransportError(Exception):
    """The hub could not be reached or answered 5xx: try again later."""


class PeerRefused(Exception):  # noqa: N818 - the hub's answer, not a programming error
    """The hub refused the request (4xx): trying again will not help."""

    def __init__(self, code: str, detail: str) -> None:
        self.code = code
        self.detail = detail
        super().__init__(f"{code}: {detail}")


def from_answer(status: int, body: bytes) -> TransportError | PeerRefused | None:
    """What an HTTP answer of the hub means: ``TransportError`` for 5xx (try again later),
    ``PeerRefused`` with the hub's machine code for 4xx, ``None`` for success."""
    if status >= 500:
        return TransportError(f"HTTP {status}: {body[:300].decode('utf-8', 'replace')}")
    if status < 400:
        return None
    try:
        payload = json.loads(body)
    except ValueError:
        payload = None
    if not isinstance(payload, dict):
        payload = {"code": f"http_{status}", "detail": body[:300].decode("utf-8", "replace")}
    return PeerRefused(str(payload.get("code", "refused")), str(payload.get("detail", "")))
