"""Writing many values at once for imports, set-based.

The checked values go into a temporary table by one COPY; from there one statement each
locks the cells already stored and reads what they hold, drops the unchanged ones, inserts
the new values (a cell's only version needs no revision row), updates the changed ones
after copying the versions they replace to the revisions and, for an approved import, adds
every value to the live totals of each node above it on both lines while withdrawing what
the replaced values had added (one
``INSERT … SELECT … GROUP BY … ON CONFLICT DO UPDATE`` over the affected total keys, in key
order). The rows are the ones :func:`egov.reporting.actions.entry.write_values` and
:func:`egov.reporting.actions._aggregates.count` would write value by value; the tests check
the totals against a recount through that path.
"""

from __future__ import annotations

import datetime as dt
import io
from bisect import bisect_right
from decimal import Decimal
from typing import Any, NamedTuple

from django.db import connection
from django.utils import timezone

from egov.organisations.models import OrgUnit
from egov.reporting.actions._common import actor_or_none
from egov.reporting.choices import Aggregation
from egov.reporting.hierarchy import carried_to_current, node_shares, reorganisation_dates
from egov.reporting.models import (
    AggregateValue,
    DataValue,
    DataValueRevision,
    Indicator,
    Period,
)

STAGE = "reporting_bulk_stage"
NODES = "reporting_bulk_nodes"
SUMS = "reporting_bulk_sums"
NO_SECTOR = 0
WORK_MEM = "256MB"


class BulkWrite(NamedTuple):
    unit_id: int
    period_id: int
    indicator_id: int
    combo_id: int
    value: Decimal
    status: str


_CREATE = f"""
DROP TABLE IF EXISTS pg_temp.{STAGE};
CREATE TEMPORARY TABLE {STAGE} (
    indicator_id bigint NOT NULL, combo_id bigint NOT NULL, unit_id bigint NOT NULL,
    period_id bigint NOT NULL, value numeric NOT NULL, status text NOT NULL,
    sector_id bigint NOT NULL, weight_indicator_id bigint, aggregated boolean NOT NULL,
    shape integer NOT NULL, id bigint, revision integer, old_value numeric,
    old_counted_value numeric, old_counted_weight numeric, old_status text, old_source text,
    old_updated_at timestamptz, old_updated_by bigint, old_note text,
    unchanged boolean NOT NULL DEFAULT false,
    counted_value numeric, counted_weight numeric
);
"""

# What an import adds to the totals, per (indicator, breakdown cell, period, shape): summed
# from the stage by the database, or by the streaming path in Python (``_stream``), and
# the nodes each shape adds to.
_CREATE_SUMS = f"""
DROP TABLE IF EXISTS pg_temp.{SUMS};
DROP TABLE IF EXISTS pg_temp.{NODES};
CREATE TEMPORARY TABLE {NODES} (
    shape integer NOT NULL, line text NOT NULL, node_id bigint NOT NULL, share numeric NOT NULL
);
CREATE TEMPORARY TABLE {SUMS} (
    indicator_id bigint NOT NULL, combo_id bigint NOT NULL, period_id bigint NOT NULL,
    shape integer NOT NULL, amount numeric NOT NULL, weight numeric NOT NULL,
    reporters numeric NOT NULL
);
"""

# The stored cells of the file, locked, and what they hold now.
_EXISTING = """
UPDATE {stage} AS s SET id = d.id, revision = d.revision + 1, old_value = d.value,
    old_counted_value = d.counted_value, old_counted_weight = d.counted_weight,
    old_status = d.status, old_source = d.source, old_updated_at = d.updated_at,
    old_updated_by = d.updated_by_id, old_note = d.note,
    unchanged = coalesce(d.value = s.value AND d.status = s.status, false)
FROM (
    SELECT d.id, d.indicator_id, d.combo_id, d.unit_id, d.period_id, d.value, d.status,
           d.revision, d.counted_value, d.counted_weight, d.source, d.updated_at,
           d.updated_by_id, d.note
    FROM {values} AS d
    JOIN {stage} AS k ON k.indicator_id = d.indicator_id AND k.combo_id = d.combo_id
                     AND k.unit_id = d.unit_id AND k.period_id = d.period_id
    ORDER BY d.id
    FOR UPDATE OF d
) AS d
WHERE s.indicator_id = d.indicator_id AND s.combo_id = d.combo_id
  AND s.unit_id = d.unit_id AND s.period_id = d.period_id
"""

# A new cell's only version is its row: no revision row (decision 0010 amendment).
_INSERT_NEW = """
INSERT INTO {values} (indicator_id, combo_id, unit_id, period_id, submission_id, value,
                      status, source, revision, counted_value, counted_weight,
                      updated_at, updated_by_id, note)
SELECT s.indicator_id, s.combo_id, s.unit_id, s.period_id, NULL, s.value, s.status,
       %(source)s, 1,
       CASE WHEN %(approve)s THEN s.value END,
       CASE WHEN %(approve)s THEN 0 END,
       %(now)s, %(user)s, %(note)s
FROM {stage} AS s WHERE s.id IS NULL
"""

# A changed cell: the version it replaces goes to the revisions, as it was recorded.
_UPDATE_CHANGED = """
WITH changed AS (
    UPDATE {values} AS d SET value = s.value, status = s.status, source = %(source)s,
        revision = s.revision, updated_at = %(now)s, updated_by_id = %(user)s,
        note = %(note)s,
        counted_value = CASE WHEN %(approve)s THEN s.value ELSE d.counted_value END,
        counted_weight = CASE WHEN %(approve)s THEN 0 ELSE d.counted_weight END
    FROM {stage} AS s
    WHERE d.id = s.id AND NOT s.unchanged
    RETURNING d.id
)
INSERT INTO {revisions} (data_value_id, revision, value, status, source, recorded_at,
                         recorded_by_id, note)
SELECT s.id, s.revision - 1, s.old_value, s.old_status, s.old_source, s.old_updated_at,
       s.old_updated_by, s.old_note
FROM {stage} AS s JOIN changed ON changed.id = s.id
"""

# Weighted averages count value × weight, the weight being the weight indicator's value of
# the same unit and period summed over its breakdown, as stored once this import is written.
_WEIGHTS = """
UPDATE {stage} SET counted_weight = 0, counted_value = 0
WHERE weight_indicator_id IS NOT NULL AND NOT unchanged;
UPDATE {stage} AS s SET counted_weight = w.total, counted_value = s.value * w.total
FROM (
    SELECT d.indicator_id, d.unit_id, d.period_id, sum(d.value) AS total
    FROM {values} AS d
    JOIN (SELECT DISTINCT weight_indicator_id, unit_id, period_id FROM {stage}
          WHERE weight_indicator_id IS NOT NULL) AS k
      ON d.indicator_id = k.weight_indicator_id AND d.unit_id = k.unit_id
     AND d.period_id = k.period_id
    WHERE d.value IS NOT NULL
    GROUP BY 1, 2, 3
) AS w
WHERE s.weight_indicator_id = w.indicator_id AND s.unit_id = w.unit_id
  AND s.period_id = w.period_id AND NOT s.unchanged;
UPDATE {values} AS d SET counted_value = s.counted_value, counted_weight = s.counted_weight
FROM {stage} AS s
WHERE s.weight_indicator_id IS NOT NULL AND NOT s.unchanged
  AND d.indicator_id = s.indicator_id AND d.combo_id = s.combo_id
  AND d.unit_id = s.unit_id AND d.period_id = s.period_id;
"""

# Whether any stored value shares an (indicator, period) with the file: if none does, no
# cell of the file is stored yet and the per-cell look-up above is skipped.
_ANY_STORED = """
SELECT EXISTS (
    SELECT 1 FROM (SELECT DISTINCT indicator_id, period_id FROM {stage}) AS k
    WHERE EXISTS (SELECT 1 FROM {values} AS d
                  WHERE d.indicator_id = k.indicator_id AND d.period_id = k.period_id)
)
"""

# What the written values add, less what the values they replace had added. Values whose
# (unit, period, sector) add to the same nodes with the same shares share a ``shape``: they
# are summed per shape first (a hash over the file's values), so only those sums are spread
# over the nodes and sorted into key order.
_STAGE_SUMS = """
INSERT INTO {sums} (indicator_id, combo_id, period_id, shape, amount, weight, reporters)
SELECT indicator_id, combo_id, period_id, shape, sum(amount), sum(weight), sum(reporters)
FROM (
    SELECT indicator_id, combo_id, period_id, shape,
           coalesce(counted_value, value) AS amount,
           coalesce(counted_weight, 0) AS weight, 1 AS reporters
    FROM {stage} WHERE aggregated AND NOT unchanged
    UNION ALL
    SELECT indicator_id, combo_id, period_id, shape,
           -old_counted_value, -coalesce(old_counted_weight, 0), -1
    FROM {stage} WHERE aggregated AND NOT unchanged AND old_counted_value IS NOT NULL
) AS v
GROUP BY 1, 2, 3, 4
"""

# The sums spread over the nodes of their shape, added to the live totals in key order.
_TOTALS = """
INSERT INTO {totals} (line, node_id, indicator_id, combo_id, period_id, total, weight,
                      reporters, updated_at)
SELECT n.line, n.node_id, c.indicator_id, c.combo_id, c.period_id,
       sum(c.amount * n.share), sum(c.weight * n.share), sum(c.reporters * n.share), %(now)s
FROM {sums} AS c
JOIN {nodes} AS n ON n.shape = c.shape
GROUP BY 1, 2, 3, 4, 5
ORDER BY 1, 2, 3, 4, 5
ON CONFLICT (line, node_id, indicator_id, combo_id, period_id) DO UPDATE SET
    total = {totals}.total + EXCLUDED.total,
    weight = {totals}.weight + EXCLUDED.weight,
    reporters = {totals}.reporters + EXCLUDED.reporters,
    updated_at = EXCLUDED.updated_at
"""


def _shapes(
    cells: set[tuple[int, int, int]], sector_ids: set[int], periods: dict[int, Period]
) -> tuple[dict[tuple[int, int, int], int], list[tuple[int, str, int, Decimal]]]:
    """For each (unit, period, sector) of the file, the nodes on both lines its values add
    to and the share they carry there (organisation history, then today's tree), as a shape
    number: cells with the same nodes and shares share it. Returns the cells' shapes and
    each shape's (shape, line, node, share) rows."""
    # Periods starting between the same two reorganisations are carried the same way: one
    # look-up of the organisation history per such group, not per period.
    dates = reorganisation_dates()
    by_group: dict[int, set[int]] = {}
    for unit_id, period_id, _sector in cells:
        by_group.setdefault(bisect_right(dates, periods[period_id].start), set()).add(unit_id)
    carried = {
        group: carried_to_current(unit_ids, after=dates[group - 1] if group else dt.date.min)
        for group, unit_ids in by_group.items()
    }
    unit_ids = {u for shares in carried.values() for s in shares.values() for u, _w in s}
    unit_ids |= {unit_id for unit_id, _p, _s in cells}
    paths = dict(OrgUnit.objects.filter(pk__in=unit_ids | sector_ids).values_list("pk", "path"))
    # The shares depend on the unit, its sector and how it is carried, mostly the same from
    # one period to the next: computed once per distinct combination.
    known: dict[tuple[int, int, tuple[tuple[int, Decimal], ...]], int] = {}
    numbers: dict[tuple[tuple[str, str, Decimal], ...], int] = {}
    cell_shapes: dict[tuple[int, int, int], int] = {}
    for cell in cells:
        unit_id, period_id, sector_id = cell
        group = bisect_right(dates, periods[period_id].start)
        carried_here = tuple(carried[group].get(unit_id, []))
        key = (unit_id, sector_id, carried_here)
        number = known.get(key)
        if number is None:
            sector_path = paths.get(sector_id) if sector_id != NO_SECTOR else None
            shares = node_shares(paths[unit_id], list(carried_here), paths, sector_path)
            spread = tuple(sorted((line, path, share) for (line, path), share in shares.items()))
            number = known[key] = numbers.setdefault(spread, len(numbers))
        cell_shapes[cell] = number
    node_ids = dict(
        OrgUnit.objects.filter(
            path__in={path for spread in numbers for _l, path, _s in spread}
        ).values_list("path", "pk")
    )
    rows = [
        (number, line, node_ids[path], share)
        for spread, number in numbers.items()
        for line, path, share in spread
    ]
    return cell_shapes, rows


def _copy_text(text: str) -> str:
    """``text`` as one field of COPY's text format."""
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _copy(cursor: Any, table: str, columns: str, text: str) -> None:
    with (
        cursor.connection.cursor() as raw,
        raw.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
    ):
        copy.write(text)


class IndicatorShape(NamedTuple):
    sector_id: int  # NO_SECTOR when the indicator has no sector line
    weight_indicator_id: int | None  # a weighted average's weight
    aggregated: bool


def indicator_shapes(indicator_ids: set[int]) -> dict[int, IndicatorShape]:
    """What of each indicator decides where and how its values are counted."""
    return {
        pk: IndicatorShape(
            i.sector_unit_id or NO_SECTOR,
            i.weight_indicator_id
            if i.aggregation == Aggregation.WEIGHTED_AVERAGE and i.weight_indicator_id
            else None,
            i.aggregation != Aggregation.NONE,
        )
        for pk, i in Indicator.objects.in_bulk(indicator_ids).items()
    }


def cell_shapes(
    writes: list[BulkWrite], shapes: dict[int, IndicatorShape], *, approve: bool
) -> tuple[dict[tuple[int, int, int], int], list[tuple[int, str, int, Decimal]]]:
    """Each (unit, period, sector) of ``writes`` → its shape, and the shapes' node rows
    (none when the values are not counted)."""
    cells = {(w.unit_id, w.period_id, shapes[w.indicator_id].sector_id) for w in writes}
    if not approve:
        return dict.fromkeys(cells, 0), []
    periods = Period.objects.in_bulk({p for _u, p, _s in cells})
    sector_ids = {s.sector_id for s in shapes.values() if s.sector_id != NO_SECTOR}
    return _shapes(cells, sector_ids, periods)


def table_names() -> dict[str, str]:
    """The tables the bulk statements name (only our own names are formatted in)."""
    return {
        "stage": STAGE,
        "nodes": NODES,
        "sums": SUMS,
        "values": connection.ops.quote_name(DataValue._meta.db_table),
        "revisions": connection.ops.quote_name(DataValueRevision._meta.db_table),
        "totals": connection.ops.quote_name(AggregateValue._meta.db_table),
    }


def add_to_totals(
    cursor: Any,
    *,
    node_rows: list[tuple[int, str, int, Decimal]],
    now: dt.datetime,
    sums: str | None = None,
) -> None:
    """Add the import's sums to the live totals of every node above its values: ``sums``
    as COPY text (indicator, combo, period, shape, amount, weight, reporters), or, when
    None, summed from the stage."""
    names = table_names()
    cursor.execute(_CREATE_SUMS)
    _copy(
        cursor,
        NODES,
        "shape, line, node_id, share",
        "".join(f"{n}\t{line}\t{node}\t{w}\n" for n, line, node, w in node_rows),
    )
    if sums is None:
        cursor.execute(_STAGE_SUMS.format(**names))
    else:
        _copy(
            cursor,
            SUMS,
            "indicator_id, combo_id, period_id, shape, amount, weight, reporters",
            sums,
        )
    cursor.execute(f"ANALYZE {NODES}; ANALYZE {SUMS}")
    cursor.execute(_TOTALS.format(**names), {"now": now})
    cursor.execute(f"DROP TABLE {NODES}; DROP TABLE {SUMS}")


def write_many(
    *,
    writes: list[BulkWrite],
    actor: Any,
    source: str,
    note: str = "",
    approve: bool = False,
) -> int:
    """Write ``writes`` (caller holds the transaction, has checked access and values and
    made keys unique); with ``approve`` count them in the live totals. Returns the number
    of values created or changed."""
    if not writes:
        return 0
    user = actor_or_none(actor)
    shapes = indicator_shapes({w.indicator_id for w in writes})
    statuses = {status: _copy_text(status) for status in {w.status for w in writes}}
    shape_of, node_rows = cell_shapes(writes, shapes, approve=approve)
    # The columns that only depend on the indicator, formatted once per indicator.
    leading = {
        pk: "\t".join(
            (
                str(pk),
                str(s.sector_id),
                str(s.weight_indicator_id) if s.weight_indicator_id else "\\N",
                "t" if s.aggregated else "f",
                "",
            )
        )
        for pk, s in shapes.items()
    }
    buffer = io.StringIO()
    write = buffer.write
    for w in writes:
        sector_id = shapes[w.indicator_id].sector_id
        write(
            f"{leading[w.indicator_id]}{w.combo_id}\t{w.unit_id}\t{w.period_id}\t{w.value}\t"
            f"{statuses[w.status]}\t{shape_of[w.unit_id, w.period_id, sector_id]}\n"
        )
    now = timezone.now()
    params = {
        "source": source,
        "approve": approve,
        "now": now,
        "user": user.pk if user is not None else None,
        "note": note,
    }
    names = table_names()
    with connection.cursor() as cursor:
        # The grouping of the totals sorts a few rows per value: in memory, not on disk.
        cursor.execute(f"SET LOCAL work_mem = '{WORK_MEM}'")
        cursor.execute(_CREATE)
        _copy(
            cursor,
            STAGE,
            "indicator_id, sector_id, weight_indicator_id, aggregated, combo_id, unit_id,"
            " period_id, value, status, shape",
            buffer.getvalue(),
        )
        cursor.execute(f"ANALYZE {STAGE}")
        # Only our own table names are formatted in; every value is a parameter.
        cursor.execute(_ANY_STORED.format(**names))
        existing = 0
        if cursor.fetchone()[0]:
            cursor.execute(_EXISTING.format(**names))
            existing = cursor.rowcount
        written = 0
        if existing < len(writes):
            cursor.execute(_INSERT_NEW.format(**names), params)
            written += cursor.rowcount
        if existing:
            cursor.execute(_UPDATE_CHANGED.format(**names), params)
            written += cursor.rowcount
        if approve:
            if any(s.weight_indicator_id for s in shapes.values()):
                cursor.execute(_WEIGHTS.format(**names))
            add_to_totals(cursor, node_rows=node_rows, now=now)
        cursor.execute(f"DROP TABLE {STAGE}")
    return written
