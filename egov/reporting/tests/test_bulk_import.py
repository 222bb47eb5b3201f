"""The set-based import path: a few thousand values give the same totals as counting them
value by value (``rebuild_aggregates`` recounts through ``_aggregates.count``) and as an
independent SUM over the stored values, one revision per written value (so "as reported
on D" still answers), and a single bad row imports nothing."""

import datetime as dt
from decimal import Decimal

import psycopg
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from egov.audit.models import AuditEvent
from egov.lib.dates import BUSINESS_TZ
from egov.lib.errors import ActionError
from egov.organisations import actions as org_actions
from egov.organisations.choices import UnitKind
from egov.organisations.testing import START
from egov.reporting import audit_names
from egov.reporting.actions import catalogue
from egov.reporting.actions.aggregates import rebuild_aggregates
from egov.reporting.actions.exchange import ImportReportError, import_observations
from egov.reporting.choices import Line
from egov.reporting.exchange.observations import Observation
from egov.reporting.models import AggregateValue, DataValue, DataValueRevision
from egov.reporting.queries import as_reported_on, value_history
from egov.reporting.testing import month

pytestmark = pytest.mark.django_db

YEARS = range(2015, 2020)


def _communes(ktxh, count):
    units = [ktxh.world.commune, ktxh.second_commune]
    for i in range(count - len(units)):
        units.append(
            org_actions.create_unit(
                actor=None,
                parent=ktxh.world.province,
                name=f"Ủy ban nhân dân xã Thử {i}",
                kind=UnitKind.COMMUNE_COMMITTEE,
                valid_from=START,
                organ_code=f"H01.9{i:02d}",
                skip_access_check=True,
            )
        )
    return units


def _observations(codes, *, bump=0):
    """Population by sex, revenue (a sector indicator) and the poverty rate (weighted by
    population) for every unit and month of five years."""
    out = []
    for u, code in enumerate(codes):
        for year in YEARS:
            for m in range(1, 13):
                period = f"{year}-M{m:02d}"
                base = 1000 + 10 * u + m
                where = f"{code}/{period}"
                out += [
                    Observation(where, "DANSO", code, period, str(base), combo="M"),
                    Observation(where, "DANSO", code, period, str(base + 7), combo="F"),
                    Observation(where, "THU_NSNN", code, period, f"{base * 3 + bump}.25"),
                    Observation(where, "TY_LE_HO_NGHEO", code, period, f"{(u + m) % 9}.5"),
                ]
    return out


def _totals():
    return {
        (a.line, a.node_id, a.indicator_id, a.combo_id, a.period_id): (
            a.total.normalize(),
            a.weight.normalize(),
            a.reporters.normalize(),
        )
        for a in AggregateValue.objects.all()
    }


def _import(ktxh, observations):
    return import_observations(
        actor=ktxh.world.admin,
        observations=observations,
        source_name="bulk.json",
        approve=True,
        backfill=True,
        provenance="Niên giám thống kê tỉnh",
    )


def test_a_bulk_import_gives_the_totals_and_revisions_of_the_value_by_value_path(ktxh):
    units = _communes(ktxh, 8)
    # A commune merged since the imported years, known by its old code: its data is carried
    # to the commune it merged into.
    org_actions.merge_units(
        actor=None,
        sources=[(units[-1], None)],
        target=units[0],
        effective_date=dt.date(2025, 7, 1),
        skip_access_check=True,
    )
    catalogue.set_external_code(actor=None, code="XA_CU", unit=units[-1], skip_access_check=True)
    codes = [u.organ_code for u in units[:-1]] + ["XA_CU"]
    first = _observations(codes)
    assert len(first) == 8 * 60 * 4
    assert _import(ktxh, first) == len(first)
    # Each cell's only version is its row: no revision yet.
    assert DataValue.objects.count() == len(first)
    assert not DataValueRevision.objects.exists()
    # The first import was two days ago.
    DataValue.objects.update(updated_at=timezone.now() - dt.timedelta(days=2))

    # Again with every revenue changed and everything else the same: only those are written,
    # each keeping the version it replaces.
    second = _observations(codes, bump=1)
    assert _import(ktxh, second) == 8 * 60
    assert DataValue.objects.filter(revision=2).count() == 8 * 60
    assert DataValueRevision.objects.filter(revision=1).count() == 8 * 60
    assert DataValueRevision.objects.count() == 8 * 60
    bulk = _totals()

    # The provincial total on both lines is the SUM of the stored values.
    period = month(2017, 5)
    stored = sum(v.value for v in DataValue.objects.filter(indicator=ktxh.revenue, period=period))
    for line in Line.values:
        key = (
            line,
            ktxh.world.province.pk,
            ktxh.revenue.pk,
            ktxh.combo(ktxh.revenue).pk,
            period.pk,
        )
        assert bulk[key][0] == stored.normalize()
        assert bulk[key][2] == 8
    # Counted value by value through the approval path: the same rows, to the digit.
    rebuild_aggregates(actor=ktxh.world.admin)
    assert _totals() == bulk
    # The weighted average counted value × population, as the approval path does.
    poverty = DataValue.objects.get(indicator=ktxh.poverty, unit=units[1], period=period)
    population = sum(
        v.value
        for v in DataValue.objects.filter(indicator=ktxh.population, unit=units[1], period=period)
    )
    assert poverty.counted_weight == population
    assert poverty.counted_value == poverty.value * population

    # "As reported on" the day before yesterday still answers the first figures.
    cell = (ktxh.revenue.pk, ktxh.combo(ktxh.revenue).pk)
    today = dt.datetime.now(BUSINESS_TZ).date()
    two_days_ago = today - dt.timedelta(days=2)
    assert as_reported_on(units[2], period, two_days_ago)[cell] == Decimal("3075.25")
    assert as_reported_on(units[2], period, today)[cell] == Decimal("3076.25")
    revisions = value_history(
        DataValue.objects.get(unit=units[2], period=period, indicator=ktxh.revenue)
    )
    assert [r.value for r in revisions] == [Decimal("3075.25"), Decimal("3076.25")]
    assert all(r.recorded_by_id == ktxh.world.admin.pk for r in revisions)
    assert [r.note for r in revisions] == ["Niên giám thống kê tỉnh"] * 2
    assert revisions[0].recorded_at < revisions[1].recorded_at - dt.timedelta(days=1)
    assert AuditEvent.objects.filter(action=audit_names.VALUES_IMPORT).count() == 2


def test_one_bad_row_in_thousands_imports_nothing_and_is_located(ktxh):
    units = _communes(ktxh, 10)
    codes = [u.organ_code for u in units]
    _import(ktxh, _observations(codes[:2]))
    counts = (
        DataValue.objects.count(),
        DataValueRevision.objects.count(),
        AggregateValue.objects.count(),
    )
    totals = _totals()
    observations = _observations(codes, bump=5)
    observations[1500] = Observation(
        "dòng 1501", "THU_NSNN", units[3].organ_code, "2016-M01", "1,2x"
    )
    with pytest.raises(ImportReportError) as caught:
        _import(ktxh, observations)
    assert [p.where for p in caught.value.problems] == ["dòng 1501"]
    assert (
        DataValue.objects.count(),
        DataValueRevision.objects.count(),
        AggregateValue.objects.count(),
    ) == counts
    assert _totals() == totals


def test_periods_on_both_sides_of_reorganisations_are_carried_as_value_by_value(ktxh):
    # Two mergers inside the imported years: the periods before, between and after them are
    # carried to today's units differently (one look-up of the history per such group).
    units = _communes(ktxh, 6)
    for source, target, day, code in (
        (units[-1], units[0], dt.date(2021, 7, 1), "XA_CU_1"),
        (units[-2], units[1], dt.date(2022, 7, 1), "XA_CU_2"),
    ):
        org_actions.merge_units(
            actor=None,
            sources=[(source, None)],
            target=target,
            effective_date=day,
            skip_access_check=True,
        )
        catalogue.set_external_code(actor=None, code=code, unit=source, skip_access_check=True)
    codes = [u.organ_code for u in units[:-2]] + ["XA_CU_2", "XA_CU_1"]
    observations = [
        Observation(f"{code}/{y}-{m}", "THU_NSNN", code, f"{y}-M{m:02d}", str(100 * u + m))
        for u, code in enumerate(codes)
        for y in (2021, 2022, 2023)
        for m in (3, 9)
    ]
    _import(ktxh, observations)
    bulk = _totals()
    rebuild_aggregates(actor=ktxh.world.admin)
    assert _totals() == bulk
    # A merged commune's data before its merger counts in the province's total (through the
    # commune it merged into); after it, the merged commune's figures are carried nowhere.
    key = (Line.ADMINISTRATIVE, ktxh.world.province.pk, ktxh.revenue.pk)
    combo = ktxh.combo(ktxh.revenue).pk
    reporters = [bulk[(*key, combo, month(y, 3).pk)][2] for y in (2021, 2022, 2023)]
    assert reporters == [6, 5, 4]


def _staged(queries):
    """Whether the import took the staged path (the fast path never creates the stage)."""
    return any("reporting_bulk_stage" in q["sql"] for q in queries.captured_queries)


def _unweighted(observations):
    return [o for o in observations if o.indicator != "TY_LE_HO_NGHEO"]


def test_new_months_are_streamed_and_give_the_totals_of_the_value_by_value_path(ktxh):
    units = _communes(ktxh, 6)
    codes = [u.organ_code for u in units]
    observations = _unweighted(_observations(codes))
    with CaptureQueriesContext(connection) as queries:
        assert _import(ktxh, observations) == len(observations)
    assert not _staged(queries)
    values = DataValue.objects.filter(indicator=ktxh.revenue, unit=units[2])
    assert values.count() == 60
    assert {(v.revision, v.source, v.note, v.updated_by_id) for v in values} == {
        (1, "backfill", "Niên giám thống kê tỉnh", ktxh.world.admin.pk)
    }
    assert all(v.counted_value == v.value and v.counted_weight == 0 for v in values)
    assert not DataValueRevision.objects.exists()
    streamed = _totals()
    assert streamed
    rebuild_aggregates(actor=ktxh.world.admin)
    assert _totals() == streamed
    # Sent again, the same cells are stored: the staged path compares them and writes none.
    with CaptureQueriesContext(connection) as queries:
        assert _import(ktxh, observations) == 0
    assert _staged(queries)
    assert _totals() == streamed


def test_a_weighted_average_or_a_stored_pair_takes_the_staged_path(ktxh):
    codes = [u.organ_code for u in _communes(ktxh, 3)]
    with CaptureQueriesContext(connection) as queries:
        _import(ktxh, _observations(codes[:1]))  # the poverty rate is weighted
    assert _staged(queries)
    # Revenue of 2015 is stored for the first commune: the pair (revenue, 2015-M01) is
    # no longer new, even for the other communes.
    more = [o for o in _unweighted(_observations(codes)) if o.unit != codes[0]]
    with CaptureQueriesContext(connection) as queries:
        _import(ktxh, more)
    assert _staged(queries)
    bulk = _totals()
    rebuild_aggregates(actor=ktxh.world.admin)
    assert _totals() == bulk


def test_a_bad_value_after_thousands_streamed_imports_nothing(ktxh):
    from egov.reporting.actions._stream import CHUNK

    codes = [u.organ_code for u in _communes(ktxh, 14)]
    observations = _unweighted(_observations(codes))
    # More than one COPY message has gone to the server when the bad value comes.
    assert len(observations) > CHUNK
    observations[-2] = Observation("dòng cuối", "DANSO", codes[-1], "2019-M12", "nhiều", combo="F")
    with pytest.raises(ImportReportError) as caught:
        _import(ktxh, observations)
    assert [p.where for p in caught.value.problems] == ["dòng cuối"]
    assert not DataValue.objects.exists()
    assert not AggregateValue.objects.exists()
    # The connection is usable afterwards and the same file, corrected, imports.
    observations[-2] = Observation("dòng cuối", "DANSO", codes[-1], "2019-M12", "12", combo="F")
    assert _import(ktxh, observations) == len(observations)


@pytest.mark.django_db(transaction=True)
def test_a_cell_stored_by_another_writer_during_the_stream_refuses_the_file(ktxh, monkeypatch):
    from egov.reporting.actions import _stream
    from egov.reporting.actions import exchange as exchange_actions

    codes = [u.organ_code for u in _communes(ktxh, 3)]
    observations = _unweighted(_observations(codes))
    december = month(2019, 12)  # committed, as the other writer's value needs it
    checked = _stream.can_stream

    def then_another_writer(pairs, shapes):
        answer = checked(pairs, shapes)
        # Between the check and the COPY another connection stores one of the file's cells.
        settings = connection.settings_dict
        with psycopg.connect(
            host=settings["HOST"],
            port=settings["PORT"] or 5432,
            user=settings["USER"],
            dbname=settings["NAME"],
            password=settings["PASSWORD"] or None,
            autocommit=True,
        ) as other:
            other.execute(
                "INSERT INTO reporting_datavalue (indicator_id, combo_id, unit_id, period_id,"
                " value, status, source, revision, updated_at, note)"
                " VALUES (%s, %s, %s, %s, 1, 'official', 'entry', 1, now(), '')",
                (
                    ktxh.revenue.pk,
                    ktxh.combo(ktxh.revenue).pk,
                    ktxh.world.commune.pk,
                    december.pk,
                ),
            )
        return answer

    monkeypatch.setattr(exchange_actions, "can_stream", then_another_writer)
    with pytest.raises(ActionError) as caught:
        _import(ktxh, observations)
    assert caught.value.code == "concurrent_write"
    assert DataValue.objects.count() == 1
