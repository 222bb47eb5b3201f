"""Derived indicators in the analysis read what their formulas say: ``lastyear(…)`` and
``prev(…)`` the shifted period (a growth rate), ``[CODE.CELL]`` one breakdown cell (a sex
ratio), for the period and for the year to date; the stacked chart's series per cell."""

from decimal import Decimal

import pytest

from egov.reporting import analysis
from egov.reporting.actions import catalogue
from egov.reporting.choices import Line
from egov.reporting.testing import approve_fully, fill, month

pytestmark = pytest.mark.django_db


def _approve(ktxh, period, **values):
    approve_fully(ktxh, fill(ktxh, ktxh.world.commune, ktxh.commune_reporter, period, **values))


def test_growth_and_cell_ratios_read_the_shifted_period_and_the_cell(ktxh):
    growth = catalogue.create_indicator(
        actor=None,
        code="TANG_THU",
        name="Tốc độ tăng thu so với cùng kỳ",
        unit_of_measure="%",
        formula="[THU_NSNN] / lastyear([THU_NSNN]) * 100",
        skip_access_check=True,
    )
    monthly = catalogue.create_indicator(
        actor=None,
        code="THU_SO_THANG_TRUOC",
        name="Thu so với tháng trước",
        unit_of_measure="%",
        formula="[THU_NSNN] / prev([THU_NSNN]) * 100",
        skip_access_check=True,
    )
    sex_ratio = catalogue.create_indicator(
        actor=None,
        code="TY_SO_GIOI_TINH",
        name="Tỷ số giới tính",
        unit_of_measure="nam/100 nữ",
        formula="[DANSO.M] / [DANSO.F] * 100",
        skip_access_check=True,
    )
    _approve(ktxh, month(2025, 1), revenue="1000")
    _approve(ktxh, month(2025, 2), revenue="1000")
    _approve(ktxh, month(2026, 1), revenue="1200")
    _approve(ktxh, month(2026, 2), revenue="1500", men=5100, women=5000)
    rows = analysis.report_table(
        line=Line.ADMINISTRATIVE,
        nodes=[ktxh.world.province],
        indicators=[growth, monthly, sex_ratio],
        period=month(2026, 2),
    )
    by_code = {r.indicator.code: r for r in rows}
    assert by_code["TANG_THU"].this == Decimal(150)
    assert by_code["TANG_THU"].previous == Decimal(120)  # January against January
    assert by_code["TANG_THU"].ytd == Decimal(135)  # 2,700 against 2,000
    assert by_code["THU_SO_THANG_TRUOC"].this == Decimal(125)
    assert by_code["TY_SO_GIOI_TINH"].this == Decimal(102)
    assert by_code["TY_SO_GIOI_TINH"].previous == Decimal(5000) / Decimal(5200) * 100


def test_the_stacked_series_splits_the_indicator_by_its_breakdown(ktxh):
    _approve(ktxh, month(2026, 1), men=5000, women=5200)
    _approve(ktxh, month(2026, 2), men=5100, women=5300)
    series = analysis.series_by_cell(
        line=Line.ADMINISTRATIVE,
        node=ktxh.world.province,
        indicator=ktxh.population,
        periods=[month(2026, 1), month(2026, 2), month(2026, 3)],
    )
    assert series == [("Nam", [5000, 5100, None]), ("Nữ", [5200, 5300, None])]
    assert (
        analysis.series_by_cell(
            line=Line.ADMINISTRATIVE,
            node=ktxh.world.province,
            indicator=ktxh.revenue,
            periods=[month(2026, 1)],
        )
        == []
    )


def test_the_analysis_shows_and_exports_the_indicator_by_period_and_breakdown(client_for, ktxh):
    import datetime as dt

    from egov.reporting.periods import recent_periods

    closed = recent_periods("month", dt.date.today(), count=2)[1]
    _approve(ktxh, closed, men=5100, women=5300)
    client = client_for(ktxh.province_leader)
    params = {"indicator": "DANSO"}
    page = client.get("/ktxh/analysis/", params).content.decode()
    assert 'id="periods-title"' in page and '<th scope="col" class="num">Nữ</th>' in page
    assert "10.400" in page and "5.300" in page
    csv = client.get("/ktxh/analysis/", {**params, "table": "series", "export": "csv"})
    lines = csv.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "Kỳ,Tổng số,Nam,Nữ"
    assert f"{closed.label},10400.0,5100.0,5300.0" in lines
    assert len(lines) == 13  # twelve periods


def test_a_report_table_reads_with_the_cyclic_collector_paused_and_restarts_it(ktxh):
    """A table of every commune builds tens of thousands of short-lived objects; the full
    collections they would set off walk the whole process (decision 0022)."""
    import gc

    from django.db import connection

    _approve(ktxh, month(2026, 2), revenue="1500")
    february = month(2026, 2)
    seen: list[bool] = []

    def observe(execute, sql, params, many, context):
        seen.append(gc.isenabled())
        return execute(sql, params, many, context)

    with connection.execute_wrapper(observe):
        rows = analysis.report_table(
            line=Line.ADMINISTRATIVE,
            nodes=[ktxh.world.province, ktxh.world.commune],
            indicators=[ktxh.revenue],
            period=february,
        )
    assert [r.this for r in rows] == [Decimal(1500), Decimal(1500)]
    assert seen and not any(seen)
    assert gc.isenabled()
