"""Before and after of one audit event, side by side, key by key."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

_ABSENT = object()


@dataclass(frozen=True)
class DiffRow:
    key: str
    before: str
    after: str
    has_before: bool
    has_after: bool
    changed: bool


def _show(value: Any) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def compare(before: Any, after: Any) -> list[DiffRow]:
    """One row per key of either side (keys of ``before`` first, in their order), flagging the
    keys whose values differ. A value that is not an object is compared as a whole."""
    if before is None and after is None:
        return []
    if not (isinstance(before, dict | None) and isinstance(after, dict | None)):
        return [
            _row("", _ABSENT if before is None else before, _ABSENT if after is None else after)
        ]
    left: dict[str, Any] = before or {}
    right: dict[str, Any] = after or {}
    keys = [*left, *(key for key in right if key not in left)]
    return [_row(key, left.get(key, _ABSENT), right.get(key, _ABSENT)) for key in keys]


def _row(key: str, before: Any, after: Any) -> DiffRow:
    return DiffRow(
        key=key,
        before="" if before is _ABSENT else _show(before),
        after="" if after is _ABSENT else _show(after),
        has_before=before is not _ABSENT,
        has_after=after is not _ABSENT,
        changed=before != after,
    )
