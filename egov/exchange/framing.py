"""Several packages in one HTTP body, between our own installations (the hub's batch
endpoints; the axis-shaped one-package operations stay for everyone else).

Each package is a line ``<id> <length>\\n`` followed by exactly ``length`` bytes of the
package: no encoding (a base64 JSON field would add a third to every megabyte and two
passes over it), and the reader knows each package's end without scanning its bytes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

CONTENT_TYPE = "application/vnd.egov.packages"
#: Bytes of packages one batch request or answer carries at most; a package larger than
#: this travels alone, through the one-package operations.
BATCH_BYTES = 16 * 1024 * 1024
#: Packages one batch may name.
BATCH_COUNT = 50
_MAX_HEAD = 64


class FramingError(ValueError):
    """The body is not a sequence of framed packages."""


def frame(pk: int, body: bytes) -> bytes:
    return b"%d %d\n" % (pk, len(body))


def pack(items: Iterable[tuple[int, bytes]]) -> Iterator[bytes]:
    """The body, as chunks to join or write one after the other."""
    for pk, body in items:
        yield frame(pk, body)
        yield body


def unpack(data: bytes, *, max_count: int = BATCH_COUNT) -> list[tuple[int, bytes]]:
    """``[(id, package), …]``; :class:`FramingError` if the body is cut short, a head is
    not two numbers, or it holds more than ``max_count`` packages."""
    items: list[tuple[int, bytes]] = []
    view = memoryview(data)
    at = 0
    while at < len(data):
        end = data.find(b"\n", at, at + _MAX_HEAD)
        if end < 0:
            raise FramingError(f"no package head at byte {at}")
        try:
            pk_text, length_text = data[at:end].split(b" ")
            pk, length = int(pk_text), int(length_text)
        except ValueError:
            raise FramingError(f"bad package head at byte {at}") from None
        if length < 0 or end + 1 + length > len(data):
            raise FramingError(f"package {pk} is cut short")
        if len(items) >= max_count:
            raise FramingError(f"more than {max_count} packages")
        items.append((pk, bytes(view[end + 1 : end + 1 + length])))
        at = end + 1 + length
    return items
