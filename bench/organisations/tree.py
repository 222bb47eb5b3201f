"""The organisation tree of the benchmark: planned in memory with treebeard's materialised
paths computed here, then written with ``bulk_create`` together with the version history
(about 10% of the units renamed on 2025-07-01, one rename event per province)."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from bench.organisations.reference import (
    ALPHABET,
    DEPARTMENTS,
    FULL_AGENCIES,
    FULL_COMMUNES,
    OTHER_AGENCIES,
    PLACE_SYLLABLES,
    PROVINCES,
    RENAME_DAY,
    RENAMED_SHARE,
    STEPLEN,
    UNIT_START,
)


def path_step(number: int) -> str:
    """One step of a treebeard materialised path: ``number`` in base 36, four characters."""
    digits = ""
    while number:
        number, rest = divmod(number, len(ALPHABET))
        digits = ALPHABET[rest] + digits
    if len(digits) > STEPLEN:
        raise ValueError(f"too many children for steplen {STEPLEN}")
    return digits.rjust(STEPLEN, ALPHABET[0])


@dataclass
class PlannedUnit:
    """A unit before insertion: enough to build the OrgUnit, its versions and its staff."""

    path: str
    name: str
    kind: str
    abbreviation: str = ""
    organ_code: str = ""
    short_name: str = ""
    old_name: str = ""
    children: list[PlannedUnit] = field(default_factory=list)
    province: str = ""

    def add(self, child: PlannedUnit) -> PlannedUnit:
        child.path = self.path + path_step(len(self.children) + 1)
        child.province = self.province
        self.children.append(child)
        return child

    def walk(self) -> Iterable[tuple[PlannedUnit | None, PlannedUnit]]:
        """(parent, unit) pairs, parents before children."""
        stack: list[tuple[PlannedUnit | None, PlannedUnit]] = [(None, self)]
        while stack:
            parent, unit = stack.pop()
            yield parent, unit
            stack.extend((unit, child) for child in reversed(unit.children))


def spread(total: int, weights: list[float]) -> list[int]:
    """Split ``total`` into integers proportional to ``weights`` (largest remainder)."""
    whole = sum(weights)
    shares = [total * weight / whole for weight in weights]
    counts = [int(share) for share in shares]
    by_remainder = sorted(range(len(shares)), key=lambda i: shares[i] - counts[i], reverse=True)
    for i in by_remainder[: total - sum(counts)]:
        counts[i] += 1
    return counts


def plan_tree(scale: float, rng: random.Random) -> list[PlannedUnit]:
    """The country: provinces, their agencies (departments with divisions first), communes."""
    from egov.organisations.choices import UnitKind

    communes = spread(round(FULL_COMMUNES * scale), [float(n) for _, _, n in PROVINCES])
    agencies = spread(round(FULL_AGENCIES * scale), [1.0] * len(PROVINCES))
    roots = []
    for index, (name, is_city, _) in enumerate(PROVINCES, start=1):
        level = "thành phố" if is_city else "tỉnh"
        root = PlannedUnit(
            path=path_step(index),
            name=f"Ủy ban nhân dân {level} {name}",
            short_name=f"UBND {level} {name}",
            kind=UnitKind.PROVINCE_COMMITTEE,
            abbreviation="UBND",
            organ_code=f"000.00.00.H{index:02d}",
            province=name,
        )
        roots.append(root)
        for number in range(agencies[index - 1]):
            code = f"000.00.{number + 1:02d}.H{index:02d}" if number < 99 else ""
            if number < len(DEPARTMENTS):
                abbr, agency_name, old, divisions = DEPARTMENTS[number]
                if abbr == "VPUBND":
                    agency_name = f"{agency_name} {level}"
                agency = root.add(
                    PlannedUnit(
                        "", agency_name, UnitKind.AGENCY, abbr, code, agency_name, old_name=old
                    )
                )
                for division in divisions:
                    agency.add(PlannedUnit("", division, UnitKind.DIVISION, short_name=division))
            else:
                other = number - len(DEPARTMENTS)
                agency_name = (
                    OTHER_AGENCIES[other]
                    if other < len(OTHER_AGENCIES)
                    else f"Trung tâm Y tế khu vực {other - len(OTHER_AGENCIES) + 1}"
                )
                root.add(PlannedUnit("", agency_name, UnitKind.AGENCY, organ_code=code))
        places = rng.sample(
            [f"{a} {b}" for a in PLACE_SYLLABLES for b in PLACE_SYLLABLES if a != b],
            communes[index - 1] * 2,
        )
        for number in range(communes[index - 1]):
            level_name = "phường" if rng.random() < (0.4 if is_city else 0.15) else "xã"
            place, old_place = places[2 * number], places[2 * number + 1]
            root.add(
                PlannedUnit(
                    "",
                    f"Ủy ban nhân dân {level_name} {place}",
                    UnitKind.COMMUNE_COMMITTEE,
                    "UBND",
                    f"H{index:02d}.{number + 1}",
                    f"UBND {level_name} {place}",
                    old_name=f"Ủy ban nhân dân {level_name} {old_place}",
                )
            )
    return roots


def choose_renamed(units: list[PlannedUnit], rng: random.Random) -> set[str]:
    """About ``RENAMED_SHARE`` of the units, by path, each given a name before the renames."""
    renamed = set()
    for unit in rng.sample(units, round(len(units) * RENAMED_SHARE)):
        if not unit.old_name:
            unit.old_name = f"{unit.name} {unit.province}"
        renamed.add(unit.path)
    return renamed


def insert_units(roots: list[PlannedUnit], rng: random.Random) -> dict[str, Any]:
    """OrgUnit rows with computed paths, their versions and a rename event per province.
    Returns the saved units by path."""
    from egov.lib.text import fold
    from egov.organisations.choices import EventKind, LinkRole
    from egov.organisations.models import OrgEvent, OrgEventLink, OrgUnit, OrgUnitVersion

    pairs = [pair for root in roots for pair in root.walk()]
    renamed = choose_renamed([unit for _, unit in pairs], rng)
    rows = [
        OrgUnit(
            path=unit.path,
            depth=len(unit.path) // STEPLEN,
            numchild=len(unit.children),
            name=unit.name,
            short_name=unit.short_name,
            abbreviation=unit.abbreviation,
            organ_code=unit.organ_code,
            kind=unit.kind,
            valid_from=UNIT_START,
            name_folded=fold(f"{unit.name} {unit.short_name} {unit.abbreviation}"),
        )
        for _, unit in pairs
    ]
    OrgUnit.objects.bulk_create(rows, batch_size=2000)
    by_path = {row.path: row for row in rows}

    events = {
        root.province: OrgEvent(
            kind=EventKind.RENAME,
            effective_date=RENAME_DAY,
            decision_ref=f"Nghị quyết số {index}/NQ-HĐND",
            note=f"Đổi tên đơn vị sau sắp xếp, {root.province}",
        )
        for index, root in enumerate(roots, start=1)
    }
    OrgEvent.objects.bulk_create(events.values())
    versions, links = [], []
    for parent, unit in pairs:

        def version(name: str, start: dt.date, end: dt.date | None, event: Any = None) -> Any:
            return OrgUnitVersion(
                unit=by_path[unit.path],  # noqa: B023 - called at once, inside this iteration
                parent=by_path[parent.path] if parent else None,  # noqa: B023 - likewise
                name=name,
                short_name=unit.short_name,  # noqa: B023 - likewise
                abbreviation=unit.abbreviation,  # noqa: B023 - likewise
                organ_code=unit.organ_code,  # noqa: B023 - likewise
                kind=unit.kind,  # noqa: B023 - likewise
                valid_from=start,
                valid_to=end,
                event=event,
            )

        if unit.path in renamed:
            event = events[unit.province]
            versions.append(version(unit.old_name, UNIT_START, RENAME_DAY))
            versions.append(version(unit.name, RENAME_DAY, None, event))
            links.append(OrgEventLink(event=event, unit=by_path[unit.path], role=LinkRole.TARGET))
        else:
            versions.append(version(unit.name, UNIT_START, None))
    OrgUnitVersion.objects.bulk_create(versions, batch_size=5000)
    OrgEventLink.objects.bulk_create(links, batch_size=5000)
    return by_path
