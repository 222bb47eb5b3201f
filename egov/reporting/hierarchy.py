"""The two reporting lines over the organisation tree, and organisation history.

- Administrative line: a value climbs the unit's own ancestors (xã → UBND tỉnh).
- Sectoral line: a value of an indicator with a managing department goes to that
  department, then up its ancestors (sở, ngành → UBND tỉnh). Both reach the same root, so the
  provincial total is the same on either line.

A value entered by a unit later merged or split is carried to today's units by the recorded
event links (``OrgEventLink.weight`` for partial shares), then up today's tree.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from egov.organisations.choices import EventKind, LinkRole
from egov.organisations.constants import TREE_STEPLEN
from egov.organisations.models import OrgEventLink, OrgUnit
from egov.reporting.choices import Line

ONE = Decimal(1)
LINES: tuple[str, ...] = tuple(Line.values)


def ancestor_paths(path: str, *, include_self: bool = True) -> list[str]:
    """Materialised paths of the ancestors of ``path``, nearest first."""
    steps = len(path) // TREE_STEPLEN
    paths = [path[: TREE_STEPLEN * depth] for depth in range(steps, 0, -1)]
    return paths if include_self else paths[1:]


def units_by_path(paths: list[str]) -> dict[str, OrgUnit]:
    return {unit.path: unit for unit in OrgUnit.objects.filter(path__in=paths)}


def approval_chain(
    unit: OrgUnit, *, line: str, sector_unit: OrgUnit | None, top: OrgUnit
) -> list[OrgUnit]:
    """The units above ``unit`` that handle its report in turn, nearest first, ending at the
    form's receiving unit ``top`` (or the root when ``top`` is not on the line)."""
    if (
        line == Line.SECTORAL
        and sector_unit is not None
        and not unit.path.startswith(sector_unit.path)
    ):
        paths = ancestor_paths(sector_unit.path)
    else:
        paths = ancestor_paths(unit.path, include_self=False)
    found = units_by_path(paths)
    chain = []
    for path in paths:
        chain.append(found[path])
        if path == top.path:
            break
    return chain


def line_node_paths(path: str, line: str, sector_path: str | None) -> list[str]:
    """The nodes whose totals a value of the unit at ``path`` adds to on ``line`` (each
    once: a unit above its sector's department is not counted twice)."""
    if line == Line.SECTORAL and sector_path and not path.startswith(sector_path):
        return list(dict.fromkeys([path, *ancestor_paths(sector_path)]))
    return ancestor_paths(path)


def node_shares(
    own_path: str,
    carried: list[tuple[int, Decimal]],
    paths: dict[int, str],
    sector_path: str | None,
) -> dict[tuple[str, str], Decimal]:
    """What a value of the unit at ``own_path`` adds to the stored totals, as a share of the
    value per (line, node path).

    A unit's own counted values are not stored in its own totals: the reads add them from
    the values (``analysis.read_sums``), so a commune, the leaf of both lines, has no total
    rows at all. What the stored totals hold is what the value adds elsewhere: its share at
    every node above the units carrying it today (organisation history), and at its own
    node the difference between the share it carries there and the whole it is read as
    (a partial split keeps less than the whole; a unit merged away keeps nothing)."""
    shares: dict[tuple[str, str], Decimal] = {}
    for current_id, share in carried:
        for line in LINES:
            for node_path in line_node_paths(paths[current_id], line, sector_path):
                key = (line, node_path)
                shares[key] = shares.get(key, Decimal(0)) + share
    for line in LINES:
        key = (line, own_path)
        shares[key] = shares.get(key, Decimal(0)) - ONE
    return {key: share for key, share in shares.items() if share != 0}


def reorganisation_dates() -> list[dt.date]:
    """The effective dates of the recorded mergers and splits, in order: periods starting
    between the same two of them are carried to today's units the same way."""
    return sorted(
        set(
            OrgEventLink.objects.filter(
                event__kind__in=[EventKind.MERGE, EventKind.SPLIT]
            ).values_list("event__effective_date", flat=True)
        )
    )


def carried_to_current(
    unit_ids: set[int], *, after: dt.date
) -> dict[int, list[tuple[int, Decimal]]]:
    """For each unit, today's units that carry its data of a period starting on ``after``
    (only reorganisations effective later move it) and the share each carries.

    A current unit carries its own data whole. A unit merged whole carries it to the target;
    a partial merger or a split gives each target its weight and keeps the rest while the
    source continues. Followed through later events until every share rests on a current
    unit (a share left on a dissolved unit with no successor is dropped)."""
    result: dict[int, list[tuple[int, Decimal]]] = {}
    links = list(
        OrgEventLink.objects.filter(event__kind__in=[EventKind.MERGE, EventKind.SPLIT])
        .filter(event__effective_date__gt=after)
        .select_related("event", "unit")
        .order_by("event__effective_date", "event_id")
    )
    by_event: dict[int, list[OrgEventLink]] = {}
    for link in links:
        by_event.setdefault(link.event_id, []).append(link)
    current = set(
        OrgUnit.objects.filter(pk__in=unit_ids | {link.unit_id for link in links})
        .filter(valid_to__isnull=True)
        .values_list("pk", flat=True)
    )

    def shares_of(unit_id: int, depth: int) -> list[tuple[int, Decimal]]:
        if depth > 20:
            return []
        out: list[tuple[int, Decimal]] = []
        kept = ONE
        for event_links in by_event.values():
            sources = [x for x in event_links if x.role == LinkRole.SOURCE and x.unit_id == unit_id]
            if not sources:
                continue
            targets = [x for x in event_links if x.role == LinkRole.TARGET]
            event = sources[0].event
            if event.kind == EventKind.MERGE:
                share = sources[0].weight or ONE
                for target in targets:
                    out.extend(
                        (u, w * share * kept) for u, w in shares_of(target.unit_id, depth + 1)
                    )
                kept *= ONE - share
            else:
                given = sum((t.weight or Decimal(0) for t in targets), Decimal(0))
                for target in targets:
                    share = target.weight or Decimal(0)
                    out.extend(
                        (u, w * share * kept) for u, w in shares_of(target.unit_id, depth + 1)
                    )
                kept *= ONE - given
        if kept > 0 and unit_id in current:
            out.append((unit_id, kept))
        merged: dict[int, Decimal] = {}
        for u, w in out:
            merged[u] = merged.get(u, Decimal(0)) + w
        return [(u, w) for u, w in merged.items() if w > 0]

    for unit_id in unit_ids:
        result[unit_id] = shares_of(unit_id, 0)
    return result
