"""Parsing the free-text predecessor lists of the 2025 merger map.

Examples of ``truocsapnhap``::

    tỉnh Kiên Giang và tỉnh An Giang
    TPHCM, tỉnh Bà Rịa - Vũng Tàu và tỉnh Bình Dương
    Xã Vĩnh Phú (huyện Thoại Sơn), Xã Định Thành, Xã Định Mỹ
    Phường Thịnh Quang, một phần diện tích TN, quy mô dân số của các phường Láng Hạ, Nam Đồng
    Phường Núi Sam, Xã Vĩnh Châu (phần còn lại sau khi sáp nhập vào phường Châu Đốc)
    giữ nguyên

Each predecessor becomes a :class:`Predecessor`: its type (possibly inherited from "các
phường …"), its name, a qualifier in brackets naming its district, and whether only part of
it went to the successor.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from egov.lib.text import clean, fold
from egov.organisations.reference.sources import split_type

UNCHANGED = "giu nguyen"

_PAREN = re.compile(r"\(([^()]*)\)")
_PLACEHOLDER = re.compile(r"\x00(\d+)\x00")
_TYPE_WORD = r"(?:\s+(?P<type>phường|xã|thị trấn)(?=\s))?"
_LEAD = r"(?:\s+của)?(?:\s+các)?"
_PARTIAL = re.compile(
    r"(?:sắp xếp\s+)?(?:một phần diện tích(?:\s+(?:TN|tự nhiên))?"
    r"(?:\s*,\s*(?:toàn bộ\s+)?quy mô dân số)?|phần còn l[aạ]i)" + _LEAD + _TYPE_WORD,
    re.IGNORECASE,
)
_WHOLE = re.compile(
    r"toàn b[ộố]\s+(?:diện tích(?:\s+(?:TN|tự nhiên))?(?:\s*,\s*quy mô dân số)?|quy mô dân số)"
    + _LEAD
    + _TYPE_WORD,
    re.IGNORECASE,
)
_TRAILER = re.compile(r"\s+sau khi s\w+p x\w+p\b.*$", re.IGNORECASE)
_FILLERS = frozenset({"và", "của", "củ", "các"})
_SEPARATORS = re.compile(r"\s*,\s*|\s+và\s+", re.IGNORECASE)
_DATE = re.compile(r"(\d{1,2})%?/(\d{1,2})%?/(\d{4})")
_PROVINCE_ALIASES = {"tphcm": ("Hồ Chí Minh", "Thành phố"), "tp hcm": ("Hồ Chí Minh", "Thành phố")}


@dataclass(frozen=True)
class Predecessor:
    """One predecessor named in the text."""

    name: str
    type_name: str  # "" when the text gives none
    qualifier: str  # e.g. "huyện Thoại Sơn"; "" when none
    partial: bool
    text: str  # the item as written, for reports


def parse_province_list(text: str) -> tuple[list[tuple[str, str]], dt.date | None]:
    """The (name, type) of each predecessor province, and a later change date if the note
    announces one ("Từ ngày 30/04/2026, … chuyển thành Thành phố Đồng Nai")."""
    text = clean(text)
    first, _dot, rest = text.partition(".")
    match = _DATE.search(rest)
    later = dt.date(int(match[3]), int(match[2]), int(match[1])) if match else None
    if fold(first) == UNCHANGED:
        return [], later
    items: list[tuple[str, str]] = []
    for part in _SEPARATORS.split(first):
        part = part.strip()
        if not part:
            continue
        alias = _PROVINCE_ALIASES.get(fold(part))
        items.append(alias if alias else split_type(part))
    return items, later


def parse_predecessors(text: str) -> list[Predecessor]:
    """The predecessors of a commune-level unit ([] for "giữ nguyên": see ``is_unchanged``)."""
    text = clean(text)
    if is_unchanged(text):
        return []
    groups: list[str] = []

    def stash(match: re.Match[str]) -> str:
        groups.append(match[1].strip())
        return f"\x00{len(groups) - 1}\x00"

    flat = _PAREN.sub(stash, text)
    flat = _WHOLE.sub(lambda m: f", \x01W:{(m['type'] or '').lower()}\x01 ", flat)
    flat = _PARTIAL.sub(lambda m: f", \x01P:{(m['type'] or '').lower()}\x01 ", flat)
    result: list[Predecessor] = []
    partial = False
    default_type = ""
    for raw in _SEPARATORS.split(flat):
        item = raw.strip()
        while item.startswith("\x01"):
            marker, _sep, item = item[1:].partition("\x01")
            partial = marker.startswith("P")
            default_type = marker[2:].capitalize()
            item = item.strip()
        item = _TRAILER.sub("", item)
        words = item.split()
        while words and words[0].lower() in _FILLERS:
            words.pop(0)
        item = " ".join(words)
        qualifiers = [groups[int(i)] for i in _PLACEHOLDER.findall(item)]
        item = _PLACEHOLDER.sub("", item).strip()
        if not item:
            continue
        item_partial = partial or any(fold(q).startswith("phan con lai") for q in qualifiers)
        qualifier = next((q for q in qualifiers if not fold(q).startswith("phan con lai")), "")
        name, type_name = split_type(item)
        result.append(
            Predecessor(
                name=name,
                type_name=type_name or default_type,
                qualifier=qualifier,
                partial=item_partial,
                text=item,
            )
        )
    return result


def is_unchanged(text: str) -> bool:
    return fold(text) == UNCHANGED
