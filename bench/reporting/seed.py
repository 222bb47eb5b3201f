"""Filling the benchmark database: a province with ``units`` communes, ``indicators``
indicators on one monthly form, ``months`` months of approved values written by COPY (each
its cell's only version, so no revision row), and the live totals built once from them
(what the approvals would have accumulated)."""

from __future__ import annotations

import datetime as dt
import io
import random
import time
from dataclasses import dataclass
from typing import Any

from django.db import connection

from bench._common import log


@dataclass
class Seeded:
    province_id: int
    unit_ids: list[int]
    indicator_ids: list[int]
    form_id: int
    period_ids: list[int]
    values: int
    seconds: float


def _units(count: int) -> tuple[int, list[int]]:
    from egov.organisations.choices import UnitKind
    from egov.organisations.constants import TREE_STEPLEN
    from egov.organisations.models import OrgUnit

    start = dt.date(2020, 1, 1)
    province = OrgUnit.add_root(
        name="Ủy ban nhân dân tỉnh Bench", kind=UnitKind.PROVINCE_COMMITTEE, valid_from=start
    )
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"

    def step(n: int) -> str:
        text = ""
        for _ in range(TREE_STEPLEN):
            n, r = divmod(n, 36)
            text = alphabet[r] + text
        return text

    rows = [
        OrgUnit(
            path=province.path + step(i + 1),
            depth=2,
            numchild=0,
            name=f"Ủy ban nhân dân xã Bench {i + 1}",
            kind=UnitKind.COMMUNE_COMMITTEE,
            valid_from=start,
            name_folded=f"uy ban nhan dan xa bench {i + 1}",
            organ_code=f"H99.{i + 1}",
        )
        for i in range(count)
    ]
    OrgUnit.objects.bulk_create(rows, batch_size=2000)
    OrgUnit.objects.filter(pk=province.pk).update(numchild=count)
    return province.pk, list(
        OrgUnit.objects.filter(depth=2, path__startswith=province.path)
        .order_by("path")
        .values_list("pk", flat=True)
    )


def _periods(months: int) -> list[Any]:
    """The seeded months: ``months`` of them, ending two months before this one."""
    from egov.reporting.choices import Frequency
    from egov.reporting.periods import get_period

    last = dt.date.today().replace(day=1) - dt.timedelta(days=62)
    periods = []
    year, month = last.year, last.month
    for _ in range(months):
        periods.append(get_period(Frequency.MONTH, year, month))
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    periods.reverse()
    return periods


def seeded_before(*, months: int) -> Seeded:
    """What a previous :func:`seed` made, read back from the database."""
    from egov.organisations.models import OrgUnit
    from egov.reporting.models import DataValue, Indicator, ReportForm

    province = OrgUnit.objects.get(depth=1, name="Ủy ban nhân dân tỉnh Bench")
    unit_ids = list(
        OrgUnit.objects.filter(depth=2, path__startswith=province.path)
        .order_by("path")
        .values_list("pk", flat=True)
    )
    indicator_ids = list(
        Indicator.objects.filter(code__startswith="CT")
        .order_by("code")
        .values_list("pk", flat=True)
    )
    return Seeded(
        province_id=province.pk,
        unit_ids=unit_ids,
        indicator_ids=indicator_ids,
        form_id=ReportForm.objects.get(code="BENCH-01").pk,
        period_ids=[p.pk for p in _periods(months)],
        values=DataValue.objects.count(),
        seconds=0.0,
    )


def seed(*, units: int, indicators: int, months: int, log_every: int = 1_000_000) -> Seeded:
    from egov.organisations.models import OrgUnit
    from egov.reporting.actions import catalogue
    from egov.reporting.actions.catalogue import SectionSpec
    from egov.reporting.choices import Frequency
    from egov.reporting.models import (
        AggregateValue,
        DataValue,
        DataValueRevision,
        OptionCombo,
        ReportForm,
    )

    started = time.perf_counter()
    province_id, unit_ids = _units(units)
    province = OrgUnit.objects.get(pk=province_id)
    made = [
        catalogue.create_indicator(
            actor=None,
            code=f"CT{i:04d}",
            name=f"Chỉ tiêu {i}",
            unit_of_measure="đơn vị",
            skip_access_check=True,
        )
        for i in range(indicators)
    ]
    form = catalogue.create_form(
        actor=None,
        code="BENCH-01",
        name="Biểu đo hiệu năng",
        frequency=Frequency.MONTH,
        receiving_unit=province,
        sections=[SectionSpec("I", [i.code for i in made[:50]])],
        units=list(OrgUnit.objects.filter(pk__in=unit_ids)),
        skip_access_check=True,
    )
    # The measured submissions carry round test figures, not series: no outlier warnings.
    ReportForm.objects.filter(pk=form.pk).update(outlier_share=999)
    combo_id = OptionCombo.objects.get(code="default").pk
    periods: list[Any] = _periods(months)
    rng = random.Random(2026)
    now = dt.datetime.now(tz=dt.UTC).isoformat()
    value_table = connection.ops.quote_name(DataValue._meta.db_table)
    revision_table = connection.ops.quote_name(DataValueRevision._meta.db_table)
    total = 0
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT coalesce(max(id), 0) FROM {value_table}")  # noqa: S608 - our table
        next_id = cursor.fetchone()[0] + 1
        raw = cursor.connection
        for indicator in made:
            buffer = io.StringIO()
            for unit_id in unit_ids:
                base = rng.randint(100, 10_000)
                for index, period in enumerate(periods):
                    value = base + index * 3 + rng.randint(0, 50)
                    buffer.write(
                        f"{next_id}\t{indicator.pk}\t{combo_id}\t{unit_id}\t{period.pk}\t\\N\t{value}\t"
                        f"official\tentry\t1\t{value}\t0\t{now}\t\\N\n"
                    )
                    next_id += 1
                    total += 1
            with (
                raw.cursor() as copy_cursor,
                copy_cursor.copy(
                    f"COPY {value_table} (id, indicator_id, combo_id, unit_id, period_id,"
                    " submission_id, value, status, source, revision, counted_value,"
                    " counted_weight, updated_at, updated_by_id) FROM STDIN"
                ) as copy,
            ):
                copy.write(buffer.getvalue())
            if total % log_every < len(unit_ids) * len(periods):
                log(f"  {total:,} values")
        cursor.execute(
            f"SELECT setval(pg_get_serial_sequence('{DataValue._meta.db_table}', 'id'), %s)",
            [next_id],
        )
        # The totals the approvals would have accumulated: each value at the province, on
        # both lines (no sector units here, so the lines coincide); a commune's own values
        # are read from the values, not stored again as its totals.
        aggregates = connection.ops.quote_name(AggregateValue._meta.db_table)
        for line in ("admin", "sector"):
            for node_sql in (str(province_id),):
                cursor.execute(
                    f"INSERT INTO {aggregates} (line, node_id, indicator_id, combo_id,"  # noqa: S608 - our tables
                    " period_id, total, weight, reporters, updated_at)"
                    f" SELECT %s, {node_sql}, v.indicator_id, v.combo_id,"
                    f" v.period_id, sum(v.value), 0, count(*), now() FROM {value_table} v"
                    f" GROUP BY {node_sql}, v.indicator_id, v.combo_id, v.period_id",
                    [line],
                )
        cursor.execute(f"ANALYZE {value_table}; ANALYZE {revision_table}; ANALYZE {aggregates}")
    return Seeded(
        province_id=province_id,
        unit_ids=unit_ids,
        indicator_ids=[i.pk for i in made],
        form_id=form.pk,
        period_ids=[p.pk for p in periods],
        values=total,
        seconds=time.perf_counter() - started,
    )
