"""The wanted state of the administrative-unit reference, computed in memory from the files.

Periods are half-open ``[valid_from, valid_to)``:

* the three-level tree is valid ``[2008-08-01, 2025-07-01)``. 1 August 2008 (Hà Tây merged into
  Hà Nội) is when the list of 63 provinces began; the file is the tree as it stood in 2025,
  so earlier renames of districts and communes are not represented;
* the two-level tree is valid from ``2025-07-01`` (Nghị quyết 202/2025/QH15);
* the 2026 edition changes names and types of the same codes. A change is dated by the
  merger map's note for the unit's province ("Từ ngày 30/04/2026 …"), else ``2026-01-01``.
  Names that differ only in tone-mark placement or capitalisation ("Hòa"/"Hoà") are the
  same name: they are compared folded (``egov.lib.text.fold``).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.utils.translation import gettext as _

from egov.lib.text import fold
from egov.organisations.choices import AreaLevel
from egov.organisations.reference import parsing, sources
from egov.organisations.reference.sources import AdminAreaImportError, Unit

PRE_2025_FROM = dt.date(2008, 8, 1)
REFORM_2025 = dt.date(2025, 7, 1)
EDITION_2026_DEFAULT = dt.date(2026, 1, 1)

Key = tuple[str, str, dt.date]  # (level, code, valid_from): an area's identity
DISTRICT_TYPES = frozenset(fold(t) for t in ("Huyện", "Quận", "Thị xã", "Thành phố"))
_LEADING_ZEROS = re.compile(r"\b0+(\d)")
_JOINERS = re.compile(r"[\s\-–'’‘`]+")
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")


def match_key(text: str) -> str:
    """Folded name for matching, blind to spaces and hyphens: "Phường 02" = "phường 2",
    "Xí m Vàng" = "Xím Vàng", "M’gar" = "M'gar", and "Quí" = "Quý" (i/y spellings)."""
    return _JOINERS.sub("", _LEADING_ZEROS.sub(r"\1", fold(text))).replace("y", "i")


def tone_key(text: str) -> str:
    """Lower-case name keeping tone marks but not their placement: "Hòa" = "Hoà" but
    "Quỳ" ≠ "Quý". Used to choose between candidates that fold alike."""
    words = []
    for word in unicodedata.normalize("NFD", text.lower()).split():
        tones = "".join(ch for ch in word if ch in _TONES)
        words.append("".join(ch for ch in word if ch not in _TONES) + tones)
    return " ".join(words)


@dataclass
class NamePlan:
    name: str
    type_name: str
    valid_from: dt.date
    valid_to: dt.date | None


@dataclass
class AreaPlan:
    key: Key
    parent: Key | None
    valid_to: dt.date | None
    names: list[NamePlan]

    @property
    def current(self) -> NamePlan:
        return self.names[-1]


@dataclass
class SuccessionPlan:
    predecessor: Key
    successor: Key
    weight: Decimal | None
    partial: bool
    note: str


@dataclass
class Plan:
    areas: dict[Key, AreaPlan] = field(default_factory=dict)
    successions: dict[tuple[Key, Key], SuccessionPlan] = field(default_factory=dict)
    unmatched: list[str] = field(default_factory=list)

    def count(self, level: str, valid_from: dt.date) -> int:
        return sum(1 for k in self.areas if k[0] == level and k[2] == valid_from)


def _add_units(
    plan: Plan,
    units: list[Unit],
    level: str,
    parent_level: str | None,
    period: tuple[dt.date, dt.date | None],
    file_name: str,
) -> None:
    start, end = period
    for unit in units:
        key: Key = (level, unit.code, start)
        if key in plan.areas:
            raise AdminAreaImportError(
                _("Tệp “%(file)s” có mã %(code)s lặp lại.")
                % {"file": file_name, "code": unit.code},
                code="admin_area_duplicate_code",
                file=file_name,
            )
        parent = (parent_level, unit.parent_code, start) if parent_level else None
        if parent is not None and parent not in plan.areas:
            raise AdminAreaImportError(
                _("Tệp “%(file)s”: đơn vị %(code)s trực thuộc mã %(parent)s không có trong tệp.")
                % {"file": file_name, "code": unit.code, "parent": unit.parent_code},
                code="admin_area_unknown_parent",
                file=file_name,
            )
        plan.areas[key] = AreaPlan(
            key, parent, end, [NamePlan(unit.name, unit.type_name, start, end)]
        )


def _apply_edition(plan: Plan, units: list[Unit], level: str, dates: dict[str, dt.date]) -> None:
    """Record the 2026 names and types as new periods where they really differ."""
    for unit in units:
        area = plan.areas.get((level, unit.code, REFORM_2025))
        if area is None:
            plan.unmatched.append(
                _("Mã %(code)s (%(name)s) của ấn bản 2026 không có trong danh mục 01/7/2025.")
                % {"code": unit.code, "name": unit.name}
            )
            continue
        last = area.current
        if fold(f"{last.type_name} {last.name}") == fold(f"{unit.type_name} {unit.name}"):
            continue
        province = unit.code if level == AreaLevel.PROVINCE else unit.parent_code or ""
        day = dates.get(province, EDITION_2026_DEFAULT)
        last.valid_to = day
        area.names.append(NamePlan(unit.name, unit.type_name, day, None))


class _OldTree:
    """Pre-2025 districts and communes indexed by province for name matching."""

    def __init__(self, districts: list[Unit], communes: list[Unit]) -> None:
        self.district_of: dict[str, Unit] = {d.code: d for d in districts}
        self.communes: dict[str, dict[str, list[Unit]]] = defaultdict(lambda: defaultdict(list))
        self.bare: dict[str, dict[str, list[Unit]]] = defaultdict(lambda: defaultdict(list))
        self.districts: dict[str, dict[str, list[Unit]]] = defaultdict(lambda: defaultdict(list))
        for d in districts:
            self.districts[d.parent_code or ""][match_key(f"{d.type_name} {d.name}")].append(d)
        for c in communes:
            province = self.district_of[c.parent_code or ""].parent_code or ""
            self.communes[province][match_key(f"{c.type_name} {c.name}")].append(c)
            self.bare[province][match_key(c.name)].append(c)

    def candidates(self, provinces: list[str], pred: parsing.Predecessor) -> list[tuple[str, Unit]]:
        typed = match_key(f"{pred.type_name} {pred.name}")
        found: list[tuple[str, Unit]]
        if fold(pred.type_name) in DISTRICT_TYPES:
            found = [(AreaLevel.DISTRICT, d) for p in provinces for d in self.districts[p][typed]]
            if found:
                return found
        found = [(AreaLevel.COMMUNE, c) for p in provinces for c in self.communes[p][typed]]
        if not found:
            bare = match_key(pred.name)
            found = [(AreaLevel.COMMUNE, c) for p in provinces for c in self.bare[p][bare]]
        if len(found) > 1:
            exact = [(lvl, u) for lvl, u in found if tone_key(u.name) == tone_key(pred.name)]
            found = exact or found
        if pred.qualifier and len(found) > 1:
            qualifier = match_key(pred.qualifier)
            narrowed = [
                (lvl, u)
                for lvl, u in found
                if lvl == AreaLevel.COMMUNE
                and qualifier.endswith(match_key(self.district_of[u.parent_code or ""].name))
            ]
            found = narrowed or found
        return found


def _province_successions(
    plan: Plan, old: list[Unit], entries: list[sources.MergerEntry]
) -> tuple[dict[str, list[str]], dict[str, dt.date]]:
    """Link old provinces to new ones; return new code → old codes and announced dates."""
    by_name = {match_key(p.name): p.code for p in old}
    old_codes = {p.code for p in old}
    mapping: dict[str, list[str]] = {}
    dates: dict[str, dt.date] = {}
    for entry in entries:
        names, later = parsing.parse_province_list(entry.predecessors_text)
        if later is not None:
            dates[entry.code] = later
        if parsing.is_unchanged(entry.predecessors_text.split(".")[0]):
            codes = [entry.code] if entry.code in old_codes else []
        else:
            codes = []
            for name, _type in names:
                code = by_name.get(match_key(name))
                if code is None:
                    plan.unmatched.append(
                        _("Tỉnh %(new)s: không tìm thấy tỉnh cũ “%(old)s”.")
                        % {"new": entry.name, "old": name}
                    )
                else:
                    codes.append(code)
        mapping[entry.code] = codes
        for code in codes:
            pred: Key = (AreaLevel.PROVINCE, code, PRE_2025_FROM)
            succ: Key = (AreaLevel.PROVINCE, entry.code, REFORM_2025)
            if succ in plan.areas:
                plan.successions[(pred, succ)] = SuccessionPlan(
                    pred, succ, Decimal(1), False, entry.predecessors_text
                )
    return mapping, dates


def _commune_successions(
    plan: Plan, tree: _OldTree, entries: list[sources.MergerEntry], provinces: dict[str, list[str]]
) -> None:
    found: list[tuple[sources.MergerEntry, Key, bool, str]] = []
    for entry in entries:
        succ: Key = (AreaLevel.COMMUNE, entry.code, REFORM_2025)
        if succ not in plan.areas:
            plan.unmatched.append(
                _("Xã %(code)s %(name)s của bản đồ sáp nhập không có trong danh mục 01/7/2025.")
                % {"code": entry.code, "name": entry.name}
            )
            continue
        old_provinces = provinces.get(entry.province_code or "", [])
        if parsing.is_unchanged(entry.predecessors_text):
            new = plan.areas[succ].names[0]
            preds = [parsing.Predecessor(new.name, new.type_name, "", False, entry.name)]
        else:
            preds = parsing.parse_predecessors(entry.predecessors_text)
        resolved: list[tuple[parsing.Predecessor, str, Unit]] = []
        pending: list[tuple[parsing.Predecessor, list[tuple[str, Unit]]]] = []
        for pred in preds:
            cands = tree.candidates(old_provinces, pred)
            same_code = [(lvl, u) for lvl, u in cands if u.code == entry.code]
            if len(cands) > 1 and len(same_code) == 1:
                cands = same_code
            if len(cands) == 1:
                resolved.append((pred, *cands[0]))
            else:
                pending.append((pred, cands))
        districts = {u.parent_code for _p, lvl, u in resolved if lvl == AreaLevel.COMMUNE}
        for pred, cands in pending:
            near = [(lvl, u) for lvl, u in cands if u.parent_code in districts]
            if len(near) == 1:
                resolved.append((pred, *near[0]))
                continue
            reason = _("không tìm thấy") if not cands else _("trùng tên, không xác định được")
            plan.unmatched.append(
                _("%(code)s %(name)s: “%(pred)s” %(reason)s.")
                % {"code": entry.code, "name": entry.name, "pred": pred.text, "reason": reason}
            )
        for pred, level, unit in resolved:
            found.append((entry, (level, unit.code, PRE_2025_FROM), pred.partial, pred.text))
    # A predecessor named by several successors was split: no successor has all of it.
    shares = Counter(pred_key for pred_key, _code in {(k, e.code) for e, k, _p, _t in found})
    for entry, pred_key, partial, text in found:
        succ = (AreaLevel.COMMUNE, entry.code, REFORM_2025)
        partial = partial or shares[pred_key] > 1
        previous = plan.successions.get((pred_key, succ))
        if previous is not None:
            partial = partial or previous.partial
        plan.successions[(pred_key, succ)] = SuccessionPlan(
            pred_key, succ, None if partial else Decimal(1), partial, text
        )


def build_plan(directory: Path) -> Plan:
    """Read and check every file, then compute the wanted areas, names and successions."""
    old_provinces, districts, communes = sources.read_pre_2025(directory / sources.PRE_2025_FILE)
    new_provinces, new_communes = sources.read_two_level(directory / sources.JUL_2025_FILE)
    edition_provinces, edition_communes = sources.read_two_level(
        directory / sources.EDITION_2026_FILE
    )
    merger = sources.read_merger_map(directory / sources.MERGER_MAP_FILE)

    plan = Plan()
    pre = (PRE_2025_FROM, REFORM_2025)
    post = (REFORM_2025, None)
    _add_units(plan, old_provinces, AreaLevel.PROVINCE, None, pre, sources.PRE_2025_FILE)
    _add_units(plan, districts, AreaLevel.DISTRICT, AreaLevel.PROVINCE, pre, sources.PRE_2025_FILE)
    _add_units(plan, communes, AreaLevel.COMMUNE, AreaLevel.DISTRICT, pre, sources.PRE_2025_FILE)
    _add_units(plan, new_provinces, AreaLevel.PROVINCE, None, post, sources.JUL_2025_FILE)
    _add_units(
        plan, new_communes, AreaLevel.COMMUNE, AreaLevel.PROVINCE, post, sources.JUL_2025_FILE
    )
    province_entries = [e for e in merger if e.province_code is None]
    commune_entries = [e for e in merger if e.province_code is not None]
    mapping, dates = _province_successions(plan, old_provinces, province_entries)
    _apply_edition(plan, edition_provinces, AreaLevel.PROVINCE, dates)
    _apply_edition(plan, edition_communes, AreaLevel.COMMUNE, dates)
    _commune_successions(plan, _OldTree(districts, communes), commune_entries, mapping)
    return plan
