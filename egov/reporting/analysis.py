"""Analysis over the live totals: the Vietnamese report columns (this period, previous
period, same period last year, % change, year plan, % of plan, year-to-date), series for
charts, and totals on the tree as it stood on a past date.

Every table reads :class:`AggregateValue` rows by their key in one query, and the nodes' own
values (not stored again as totals) in another, so a question costs the same whatever the
number of values below the node."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import connection, transaction
from django.db.models import Sum

from egov.lib.bulk import cyclic_gc_paused
from egov.organisations.models import OrgUnit
from egov.organisations.queries import tree_as_of
from egov.reporting.choices import Aggregation
from egov.reporting.expressions import Ref, evaluate, parse, references
from egov.reporting.models import (
    AggregateValue,
    DataValue,
    Indicator,
    OptionCombo,
    Period,
    PlanTarget,
)
from egov.reporting.periods import previous, same_period_last_year, year_to_date

HUNDRED = Decimal(100)
ZERO = Decimal(0)
ONE = Decimal(1)
Sums = dict[tuple[int, int, int], list[Decimal]]  # (node, indicator, period) → total, weight, n


@dataclass
class ReportRow:
    node: OrgUnit
    indicator: Indicator
    this: Decimal | None
    previous: Decimal | None
    last_year: Decimal | None
    plan: Decimal | None
    ytd: Decimal | None
    ytd_last_year: Decimal | None

    @property
    def pct_previous(self) -> Decimal | None:
        return _ratio(self.this, self.previous)

    @property
    def pct_last_year(self) -> Decimal | None:
        return _ratio(self.this, self.last_year)

    @property
    def pct_ytd_last_year(self) -> Decimal | None:
        return _ratio(self.ytd, self.ytd_last_year)

    @property
    def pct_plan(self) -> Decimal | None:
        return _ratio(self.ytd, self.plan)


def _ratio(a: Decimal | None, b: Decimal | None) -> Decimal | None:
    if a is None or b is None or b == 0:
        return None
    return a / b * HUNDRED


def base_indicators(indicators: Iterable[Indicator]) -> dict[str, Indicator]:
    """The indicators asked for and, for derived ones, every indicator their formulas read."""
    by_code = {i.code: i for i in Indicator.objects.all()}
    wanted: dict[str, Indicator] = {}
    stack = [i.code for i in indicators]
    while stack:
        code = stack.pop()
        if code in wanted or code not in by_code:
            continue
        wanted[code] = by_code[code]
        if by_code[code].formula:
            stack.extend(ref.code for ref in references(parse(by_code[code].formula)))
    return wanted


# Arrays, not IN lists: a question over every commune passes 3,400 node ids.
_TOTALS = """
SELECT node_id, indicator_id, period_id, sum(total), sum(weight), sum(reporters)
FROM {table}
WHERE line = %s AND node_id = ANY(%s::bigint[]) AND indicator_id = ANY(%s::bigint[])
  AND period_id = ANY(%s::bigint[]) {combo}
GROUP BY 1, 2, 3
"""


def read_sums(
    *,
    line: str,
    node_ids: list[int],
    indicators: Iterable[Indicator],
    period_ids: list[int],
    combo_id: int | None = None,
) -> Sums:
    """The totals of the nodes, over the breakdown (or one cell of it): the stored totals
    plus the nodes' own counted values, which are not stored again as totals (a commune's
    figure is its values), in two indexed queries."""
    indicator_ids = [i.pk for i in indicators]
    sql = _TOTALS.format(
        table=connection.ops.quote_name(AggregateValue._meta.db_table),
        combo="AND combo_id = %s" if combo_id is not None else "",
    )
    params: list[Any] = [line, node_ids, indicator_ids, period_ids]
    if combo_id is not None:
        params.append(combo_id)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        sums: Sums = {(n, i, p): [t, w, r] for n, i, p, t, w, r in cursor.fetchall()}
    for key, own in read_own_values(node_ids, indicator_ids, period_ids, combo_id).items():
        if key in sums:
            sums[key] = [a + b for a, b in zip(sums[key], own, strict=True)]
        else:
            sums[key] = own
    return sums


# One index descent per (indicator, breakdown cell, node) on the values' unique key, the
# periods read from there: the planner keeps to it for 100 nodes × 10 indicators (~60 ms)
# as for 3,400 communes × one indicator, where an IN list over units and indicators makes
# it scan one of the two-column indexes for most of the table.
_OWN = """
SELECT d.unit_id, d.indicator_id, d.period_id, d.counted_value, {weight}
FROM unnest(%s::bigint[], %s::bigint[]) AS c(indicator_id, combo_id)
CROSS JOIN unnest(%s::bigint[]) AS n(id)
JOIN {table} AS d
  ON d.indicator_id = c.indicator_id AND d.combo_id = c.combo_id AND d.unit_id = n.id
WHERE d.period_id = ANY(%s::bigint[]) AND d.counted_value IS NOT NULL
"""


def _cells(indicator_ids: list[int], combo_id: int | None) -> tuple[list[tuple[int, int]], bool]:
    """(indicator, breakdown cell) of every cell the indicators have (or only ``combo_id``),
    and whether any of them is a weighted average (the only ones whose weight is read)."""
    shapes = list(
        Indicator.objects.filter(pk__in=indicator_ids).values_list("pk", "combo_id", "aggregation")
    )
    combo_of = {pk: combo for pk, combo, _aggregation in shapes}
    weighted = any(a == Aggregation.WEIGHTED_AVERAGE for _pk, _combo, a in shapes)
    cells: dict[int, list[int]] = {}
    for combo, cell in OptionCombo.objects.filter(combo_id__in=set(combo_of.values())).values_list(
        "combo_id", "pk"
    ):
        cells.setdefault(combo, []).append(cell)
    return [
        (indicator, cell)
        for indicator, combo in combo_of.items()
        for cell in cells.get(combo, [])
        if combo_id is None or cell == combo_id
    ], weighted


def read_own_values(
    node_ids: list[int], indicator_ids: list[int], period_ids: list[int], combo_id: int | None
) -> Sums:
    """The nodes' own counted values, as (counted total, weight, number of values); for an
    indicator that does not add up (aggregation "none") this is the whole figure. Read as
    plain rows and summed over the breakdown here: a question over every commune reads
    ~100,000 of them, which a grouping in the database would spill to disk."""
    cells, weighted = _cells(indicator_ids, combo_id)
    if not cells or not node_ids or not period_ids:
        return {}
    sql = _OWN.format(
        table=connection.ops.quote_name(DataValue._meta.db_table),
        weight="d.counted_weight" if weighted else "NULL",
    )
    params: list[Any] = [[i for i, _c in cells], [c for _i, c in cells], node_ids, period_ids]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL jit = off")  # compiling costs more than these reads
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    if len({i for i, _c in cells}) == len(cells):
        # One cell per indicator: one row per key, nothing to add up.
        return {(n, i, p): [t, w or ZERO, ONE] for n, i, p, t, w in rows}
    sums: Sums = {}
    for node, indicator, period, total, weight in rows:
        key = (node, indicator, period)
        found = sums.get(key)
        if found is None:
            sums[key] = [total, weight or ZERO, ONE]
        else:
            found[0] += total
            found[1] += weight or ZERO
            found[2] += ONE
    return sums


def value_from(indicator: Indicator, sums: list[Decimal] | None) -> Decimal | None:
    if sums is None or sums[2] <= 0:
        return None
    total, weight, reporters = sums
    if indicator.aggregation == Aggregation.AVERAGE:
        return total / reporters
    if indicator.aggregation == Aggregation.WEIGHTED_AVERAGE:
        return total / weight if weight else None
    return total


class Values:
    """Values at (node, indicator, period), derived indicators computed from their formula:
    ``prev(…)`` and ``lastyear(…)`` read the shifted period (``shifted``), ``[CODE.CELL]``
    one breakdown cell (``cells``, read per cell)."""

    def __init__(
        self,
        sums: Sums,
        indicators: dict[str, Indicator],
        shifted: dict[tuple[int, str], int] | None = None,
        cells: dict[tuple[str, str], Sums] | None = None,
    ) -> None:
        self.sums = sums
        self.indicators = indicators
        self.shifted = shifted or {}
        self.cells = cells or {}

    def get(self, node_id: int, indicator: Indicator, period_id: int) -> Decimal | None:
        if indicator.formula:
            return evaluate(
                parse(indicator.formula),
                lambda ref: self._ref(node_id, ref, [period_id]),
            )
        return value_from(indicator, self.sums.get((node_id, indicator.pk, period_id)))

    def _ref(self, node_id: int, ref: Ref, period_ids: list[int]) -> Decimal | None:
        indicator = self.indicators.get(ref.code)
        if indicator is None:
            return None
        ids = [p if ref.shift == "this" else self.shifted.get((p, ref.shift)) for p in period_ids]
        known = [p for p in ids if p is not None]
        if len(known) != len(ids):
            return None
        if ref.combo is not None:
            if indicator.formula:
                return None
            return self._plain(node_id, indicator, known, self.cells.get((ref.code, ref.combo), {}))
        return self.over(node_id, indicator, known)

    def over(self, node_id: int, indicator: Indicator, period_ids: list[int]) -> Decimal | None:
        """Year-to-date over ``period_ids``: summed, the latest for "last", the mean of
        periods for averages; a derived indicator is its formula over the operands'
        year-to-date (a ratio over the year, a growth against last year's year-to-date)."""
        if indicator.formula:
            if all(self.get(node_id, indicator, p) is None for p in period_ids):
                return None
            return evaluate(
                parse(indicator.formula), lambda ref: self._ref(node_id, ref, period_ids)
            )
        return self._plain(node_id, indicator, period_ids, self.sums)

    @staticmethod
    def _plain(
        node_id: int, indicator: Indicator, period_ids: list[int], sums: Sums
    ) -> Decimal | None:
        pk = indicator.pk
        found = [
            v
            for p in period_ids
            if (v := value_from(indicator, sums.get((node_id, pk, p)))) is not None
        ]
        if not found:
            return None
        if indicator.aggregation == Aggregation.LAST:
            return found[-1]
        if indicator.aggregation in (Aggregation.AVERAGE, Aggregation.WEIGHTED_AVERAGE):
            return sum(found, Decimal(0)) / len(found)
        return sum(found, Decimal(0))


def read_values(
    *, line: str, node_ids: list[int], base: dict[str, Indicator], periods: list[Period]
) -> Values:
    """The sums of ``base`` at the nodes over ``periods``, and what the derived indicators'
    formulas read besides: the previous period or the same period last year of each
    period (``prev``, ``lastyear``), and single breakdown cells (one more read per cell)."""
    shifts: set[str] = set()
    cell_refs: set[tuple[str, str]] = set()
    for indicator in base.values():
        if indicator.formula:
            for ref in references(parse(indicator.formula)):
                if ref.shift != "this":
                    shifts.add(ref.shift)
                if ref.combo is not None:
                    cell_refs.add((ref.code, ref.combo))
    wanted = {p.pk: p for p in periods}
    shifted: dict[tuple[int, str], int] = {}
    for period in list(wanted.values()):
        for shift in shifts:
            other = previous(period) if shift == "prev" else same_period_last_year(period)
            shifted[(period.pk, shift)] = other.pk
            wanted.setdefault(other.pk, other)
    period_ids = list(wanted)
    sums = read_sums(line=line, node_ids=node_ids, indicators=base.values(), period_ids=period_ids)
    cells: dict[tuple[str, str], Sums] = {}
    for code, cell_code in sorted(cell_refs):
        operand = base.get(code)
        combo = (
            OptionCombo.objects.filter(combo_id=operand.combo_id, code=cell_code).first()
            if operand is not None and not operand.formula
            else None
        )
        if operand is not None and combo is not None:
            cells[(code, cell_code)] = read_sums(
                line=line,
                node_ids=node_ids,
                indicators=[operand],
                period_ids=period_ids,
                combo_id=combo.pk,
            )
    return Values(sums, base, shifted, cells)


@cyclic_gc_paused()
def report_table(
    *, line: str, nodes: list[OrgUnit], indicators: list[Indicator], period: Period
) -> list[ReportRow]:
    """One row per (node, indicator) with the Vietnamese report columns. The collector is
    paused while it runs: a table of all communes builds ~65,000 short-lived objects, and the
    full collections they set off walked every object of the process (about +180 ms in half
    of the calls, bench.reporting)."""
    prev, last = previous(period), same_period_last_year(period)
    ytd, ytd_last = year_to_date(period), year_to_date(last)
    periods = {p.pk: p for p in [period, prev, last, *ytd, *ytd_last]}
    base = base_indicators(indicators)
    node_ids = [n.pk for n in nodes]
    values = read_values(line=line, node_ids=node_ids, base=base, periods=list(periods.values()))
    # The year's plans of these indicators (at most one per unit), kept for the nodes asked.
    wanted = set(node_ids)
    plans = {
        (unit_id, indicator_id): value
        for unit_id, indicator_id, value in PlanTarget.objects.filter(
            indicator__in=indicators, year=period.year
        ).values_list("unit_id", "indicator_id", "value")
        if unit_id in wanted
    }
    this_id, prev_id, last_id = period.pk, prev.pk, last.pk
    ytd_ids, ytd_last_ids = [p.pk for p in ytd], [p.pk for p in ytd_last]
    rows = []
    for node, node_id in zip(nodes, node_ids, strict=True):
        for indicator in indicators:
            rows.append(
                ReportRow(
                    node=node,
                    indicator=indicator,
                    this=values.get(node_id, indicator, this_id),
                    previous=values.get(node_id, indicator, prev_id),
                    last_year=values.get(node_id, indicator, last_id),
                    plan=plans.get((node_id, indicator.pk)),
                    ytd=values.over(node_id, indicator, ytd_ids),
                    ytd_last_year=values.over(node_id, indicator, ytd_last_ids),
                )
            )
    return rows


def series(
    *, line: str, node: OrgUnit, indicator: Indicator, periods: list[Period]
) -> list[Decimal | None]:
    base = base_indicators([indicator])
    values = read_values(line=line, node_ids=[node.pk], base=base, periods=periods)
    return [values.get(node.pk, indicator, p.pk) for p in periods]


def series_by_cell(
    *, line: str, node: OrgUnit, indicator: Indicator, periods: list[Period]
) -> list[tuple[str, list[Decimal | None]]]:
    """The node's value of each breakdown cell over ``periods`` (a stacked chart): one read
    per cell; nothing for a derived indicator or one without breakdown."""
    if indicator.formula:
        return []
    cells = list(OptionCombo.objects.filter(combo_id=indicator.combo_id).order_by("order"))
    if len(cells) < 2:
        return []
    result = []
    for cell in cells:
        sums = read_sums(
            line=line,
            node_ids=[node.pk],
            indicators=[indicator],
            period_ids=[p.pk for p in periods],
            combo_id=cell.pk,
        )
        result.append(
            (
                cell.name,
                [value_from(indicator, sums.get((node.pk, indicator.pk, p.pk))) for p in periods],
            )
        )
    return result


def by_breakdown(
    *, line: str, node: OrgUnit, indicator: Indicator, period: Period
) -> list[tuple[str, Decimal]]:
    """The node's value per breakdown cell (for a pie chart): its stored totals plus its own
    counted values."""
    sums: dict[int, list[Decimal]] = {}
    for combo_id, total, weight, reporters in AggregateValue.objects.filter(
        line=line, node=node, indicator=indicator, period=period
    ).values_list("combo_id", "total", "weight", "reporters"):
        sums[combo_id] = [total, weight, reporters]
    for combo_id, total, weight in DataValue.objects.filter(
        unit=node, indicator=indicator, period=period, counted_value__isnull=False
    ).values_list("combo_id", "counted_value", "counted_weight"):
        own = [total, weight or Decimal(0), Decimal(1)]
        sums[combo_id] = [
            a + b for a, b in zip(sums.get(combo_id, [Decimal(0)] * 3), own, strict=True)
        ]
    combos = OptionCombo.objects.filter(pk__in=sums).order_by("order")
    return [
        (combo.name, value_from(indicator, sums[combo.pk]) or Decimal(0))
        for combo in combos
        if sums[combo.pk][2] > 0
    ]


def total_on_tree_as_of(
    *, indicator: Indicator, period: Period, root: OrgUnit, day: dt.date
) -> Decimal | None:
    """The approved total of the units that were under ``root`` on ``day`` (the tree as it
    was), read from the values themselves (sum indicators)."""
    trees = tree_as_of(day, root_id=root.pk)
    if not trees:
        return None
    unit_ids = [node.unit_id for _depth, node in trees[0].walk()]
    total = DataValue.objects.filter(
        indicator=indicator, period=period, unit_id__in=unit_ids, counted_value__isnull=False
    ).aggregate(s=Sum("value"))["s"]
    return total if total is None else Decimal(total)
