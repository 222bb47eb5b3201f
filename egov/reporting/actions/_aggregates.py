"""Live aggregation: approved values are added to (and withdrawn from) the totals of every
node above them on both reporting lines, in the approving transaction. A unit's own values
are read from the values themselves, not stored again as its totals
(:func:`egov.reporting.hierarchy.node_shares`).

One ``INSERT … ON CONFLICT DO UPDATE`` adds all of a submission's deltas; rows go in key
order, so two approvals touching the same provincial totals queue on the row locks rather
than deadlock. Nothing is rebuilt in batch: the provincial total is right when the approval
commits. Only a reorganisation (a merger or split changing where old data belongs) needs
:func:`egov.reporting.actions.aggregates.rebuild_aggregates`.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from django.db import connection
from django.utils import timezone

from egov.organisations.models import OrgUnit
from egov.reporting.choices import Aggregation
from egov.reporting.hierarchy import carried_to_current, node_shares
from egov.reporting.models import AggregateValue, DataValue, Indicator

Key = tuple[str, int, int, int, int]  # line, node, indicator, combo, period

_UPSERT = """
INSERT INTO {table} (line, node_id, indicator_id, combo_id, period_id, total, weight,
                     reporters, updated_at)
SELECT d.line, d.node, d.indicator, d.combo, d.period, d.total, d.weight, d.reporters, %s
FROM unnest(%s::text[], %s::int[], %s::int[], %s::int[], %s::int[], %s::numeric[],
            %s::numeric[], %s::numeric[])
     AS d(line, node, indicator, combo, period, total, weight, reporters)
ORDER BY 1, 2, 3, 4, 5
ON CONFLICT (line, node_id, indicator_id, combo_id, period_id) DO UPDATE SET
    total = {table}.total + EXCLUDED.total,
    weight = {table}.weight + EXCLUDED.weight,
    reporters = {table}.reporters + EXCLUDED.reporters,
    updated_at = EXCLUDED.updated_at
"""


def _weights(values: list[DataValue], indicators: dict[int, Indicator]) -> dict[int, Decimal]:
    """The weight of each weighted-average value: the weight indicator's value of the same
    unit and period (its total over the breakdown)."""
    wanted = {
        (indicators[v.indicator_id].weight_indicator_id, v.unit_id, v.period_id)
        for v in values
        if indicators[v.indicator_id].aggregation == Aggregation.WEIGHTED_AVERAGE
    }
    if not wanted:
        return {}
    found: dict[tuple[int | None, int, int], Decimal] = {}
    rows = DataValue.objects.filter(
        indicator_id__in={w[0] for w in wanted},
        unit_id__in={w[1] for w in wanted},
        period_id__in={w[2] for w in wanted},
        value__isnull=False,
    ).values_list("indicator_id", "unit_id", "period_id", "value")
    for indicator_id, unit_id, period_id, value in rows:
        key = (indicator_id, unit_id, period_id)
        found[key] = found.get(key, Decimal(0)) + value
    return {
        v.pk: found.get(
            (indicators[v.indicator_id].weight_indicator_id, v.unit_id, v.period_id), Decimal(0)
        )
        for v in values
        if indicators[v.indicator_id].aggregation == Aggregation.WEIGHTED_AVERAGE
    }


def contributions(values: Iterable[DataValue], *, sign: int) -> dict[Key, list[Decimal]]:
    """The deltas ``values`` make to every node's totals, summed per key."""
    values = [v for v in values if v.value is not None or v.counted_value is not None]
    if not values:
        return {}
    indicators = Indicator.objects.in_bulk({v.indicator_id for v in values})
    sector_ids = {i.sector_unit_id for i in indicators.values() if i.sector_unit_id}
    weights = _weights(values, indicators) if sign > 0 else {}
    deltas: dict[Key, list[Decimal]] = {}
    by_period: dict[int, list[DataValue]] = {}
    for value in values:
        by_period.setdefault(value.period_id, []).append(value)
    for period_values in by_period.values():
        period = period_values[0].period
        own_ids = {v.unit_id for v in period_values}
        carried = carried_to_current(own_ids, after=period.start)
        unit_ids = {u for shares in carried.values() for u, _w in shares} | sector_ids | own_ids
        paths = dict(OrgUnit.objects.filter(pk__in=unit_ids).values_list("pk", "path"))
        planned: list[tuple[DataValue, Decimal, str, str]] = []
        shares_of: dict[tuple[int, int | None], dict[tuple[str, str], Decimal]] = {}
        for value in period_values:
            indicator = indicators[value.indicator_id]
            if indicator.aggregation == Aggregation.NONE:
                continue
            shape = (value.unit_id, indicator.sector_unit_id)
            if shape not in shares_of:
                sector = paths.get(indicator.sector_unit_id) if indicator.sector_unit_id else None
                shares_of[shape] = node_shares(
                    paths[value.unit_id], carried.get(value.unit_id, []), paths, sector
                )
            for (line, node_path), share in shares_of[shape].items():
                planned.append((value, share, line, node_path))
        node_ids = dict(
            OrgUnit.objects.filter(path__in={p[3] for p in planned}).values_list("path", "pk")
        )
        for value in period_values:
            if sign > 0:
                indicator = indicators[value.indicator_id]
                amount = value.value or Decimal(0)
                weight = Decimal(0)
                if indicator.aggregation == Aggregation.WEIGHTED_AVERAGE:
                    weight = weights.get(value.pk, Decimal(0))
                    amount *= weight
                value.counted_value = amount
                value.counted_weight = weight
        for value, share, line, node_path in planned:
            amount = value.counted_value or Decimal(0)
            weight = value.counted_weight or Decimal(0)
            key = (line, node_ids[node_path], value.indicator_id, value.combo_id, value.period_id)
            delta = deltas.setdefault(key, [Decimal(0), Decimal(0), Decimal(0)])
            delta[0] += amount * share * sign
            delta[1] += weight * share * sign
            delta[2] += share * sign
    return deltas


def apply(deltas: dict[Key, list[Decimal]]) -> int:
    if not deltas:
        return 0
    keys = sorted(deltas)
    table = connection.ops.quote_name(AggregateValue._meta.db_table)
    columns: list[list[object]] = [[k[i] for k in keys] for i in range(5)]
    columns += [[deltas[k][i] for k in keys] for i in range(3)]
    with connection.cursor() as cursor:
        # Only our own table name is formatted in; every value is a parameter.
        cursor.execute(_UPSERT.format(table=table), [timezone.now(), *columns])
    return len(keys)


def _remember(values: list[DataValue]) -> None:
    """Store what each value now contributes, in one statement."""
    if not values:
        return
    table = connection.ops.quote_name(DataValue._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} AS d SET counted_value = u.v, counted_weight = u.w"  # noqa: S608 - our table
            " FROM unnest(%s::int[], %s::numeric[], %s::numeric[]) AS u(id, v, w)"
            " WHERE d.id = u.id",
            [
                [v.pk for v in values],
                [v.counted_value for v in values],
                [v.counted_weight for v in values],
            ],
        )


def count(values: list[DataValue]) -> int:
    """Add ``values`` to the totals and remember what each added."""
    touched = apply(contributions(values, sign=1))
    _remember(values)
    return touched


def uncount(values: list[DataValue]) -> int:
    """Withdraw what ``values`` had added."""
    counted = [v for v in values if v.counted_value is not None]
    touched = apply(contributions(counted, sign=-1))
    for value in counted:
        value.counted_value = None
        value.counted_weight = None
    _remember(counted)
    return touched
