"""What a call to another installation can end in, besides its answer."""

from __future__ import annotations


class TransportError(Exception):
    """The hub could not be reached or answered 5xx: try again later."""


class PeerRefused(Exception):  # noqa: N818 - the hub's answer, not a programming error
    """The hub refused the request (4xx): trying again will not help."""

    def __init__(self, code: str, detail: str) -> None:
        self.code = code
        self.detail = detail
        super().__init__(f"{code}: {detail}")
