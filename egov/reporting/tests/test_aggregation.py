"""Live aggregation: an approved report's values reach the provincial total on both
reporting lines in the approving transaction, and leave it when the report goes back."""

from decimal import Decimal

import pytest

from egov.reporting.actions import workflow
from egov.reporting.analysis import by_breakdown, report_table
from egov.reporting.choices import Line, SubmissionState
from egov.reporting.models import AggregateValue, LedgerEntry
from egov.reporting.testing import approve_fully, fill, month

pytestmark = pytest.mark.django_db


def province_value(k, indicator, period, line=Line.ADMINISTRATIVE):
    row = report_table(line=line, nodes=[k.world.province], indicators=[indicator], period=period)[
        0
    ]
    return row.this


def test_an_approved_value_is_in_the_provincial_total_at_once(ktxh):
    period = month(2026, 1)
    submission = fill(ktxh, ktxh.world.commune, ktxh.commune_reporter, period, revenue="1200")
    assert province_value(ktxh, ktxh.revenue, period) is None
    approve_fully(ktxh, submission)
    assert province_value(ktxh, ktxh.revenue, period) == Decimal("1200")
    second = fill(ktxh, ktxh.second_commune, ktxh.second_reporter, period, revenue="800,5")
    workflow.submit(actor=ktxh.second_reporter, submission=second)
    workflow.accept(actor=ktxh.province_reporter, submission=second)
    workflow.approve(actor=ktxh.province_leader, submission=second)
    assert province_value(ktxh, ktxh.revenue, period) == Decimal("2000.5")
    assert province_value(ktxh, ktxh.population, period) == Decimal(20400)


def test_both_lines_reach_the_same_provincial_total_through_different_nodes(ktxh):
    period = month(2026, 2)
    approve_fully(
        ktxh, fill(ktxh, ktxh.world.commune, ktxh.commune_reporter, period, revenue="700")
    )
    admin = province_value(ktxh, ktxh.revenue, period, Line.ADMINISTRATIVE)
    sector = province_value(ktxh, ktxh.revenue, period, Line.SECTORAL)
    assert admin == sector == Decimal(700)
    # Budget revenue passes through the Department of Finance on the sectoral line only.
    finance = ktxh.world.finance
    assert AggregateValue.objects.filter(
        line=Line.SECTORAL, node=finance, indicator=ktxh.revenue
    ).exists()
    assert not AggregateValue.objects.filter(line=Line.ADMINISTRATIVE, node=finance).exists()


def test_a_weighted_average_is_weighted_by_population(ktxh):
    period = month(2026, 3)
    approve_fully(
        ktxh,
        fill(
            ktxh,
            ktxh.world.commune,
            ktxh.commune_reporter,
            period,
            men=1000,
            women=1000,
            poverty="2",
        ),
    )
    second = fill(
        ktxh, ktxh.second_commune, ktxh.second_reporter, period, men=3000, women=3000, poverty="6"
    )
    workflow.submit(actor=ktxh.second_reporter, submission=second)
    workflow.accept(actor=ktxh.province_reporter, submission=second)
    workflow.approve(actor=ktxh.province_leader, submission=second)
    # (2 × 2000 + 6 × 6000) / 8000 = 5, not the plain mean 4.
    assert province_value(ktxh, ktxh.poverty, period) == Decimal(5)
    # Derived: revenue per person = 2400 / 8000.
    assert province_value(ktxh, ktxh.revenue_per_person, period) == Decimal("0.3")


def test_returning_an_approved_report_takes_its_values_out_of_the_totals(ktxh):
    period = month(2026, 4)
    submission = approve_fully(ktxh, fill(ktxh, ktxh.world.commune, ktxh.commune_reporter, period))
    assert submission.state == SubmissionState.LOCKED
    assert LedgerEntry.objects.get(submission=submission).value_count == 4
    workflow.unlock(actor=ktxh.province_leader, submission=submission, reason="Sai số thu")
    assert province_value(ktxh, ktxh.revenue, period) is None
    assert LedgerEntry.objects.get(submission=submission).superseded_at is not None


def test_a_communes_figure_is_read_from_its_own_values_without_total_rows_of_its_own(ktxh):
    period = month(2026, 4)
    commune = ktxh.world.commune
    submission = approve_fully(
        ktxh, fill(ktxh, commune, ktxh.commune_reporter, period, revenue="321,5")
    )
    # The leaf of both lines stores no totals: its figure is its value.
    assert not AggregateValue.objects.filter(node=commune).exists()
    for line in Line.values:
        row = report_table(line=line, nodes=[commune], indicators=[ktxh.revenue], period=period)
        assert row[0].this == Decimal("321.5")
    assert province_value(ktxh, ktxh.revenue, period) == Decimal("321.5")
    # Over its breakdown (men + women) and weighted by itself (the poverty rate).
    rows = report_table(
        line=Line.ADMINISTRATIVE,
        nodes=[commune],
        indicators=[ktxh.population, ktxh.poverty],
        period=period,
    )
    assert [r.this for r in rows] == [Decimal(10200), Decimal("3.5")]
    assert dict(
        by_breakdown(line=Line.SECTORAL, node=commune, indicator=ktxh.population, period=period)
    ) == {"Nam": Decimal(5000), "Nữ": Decimal(5200)}
    # Unlocked, it leaves the commune's figure and the province's together.
    workflow.unlock(actor=ktxh.province_leader, submission=submission, reason="Sai số thu")
    row = report_table(
        line=Line.ADMINISTRATIVE, nodes=[commune], indicators=[ktxh.revenue], period=period
    )
    assert row[0].this is None
    assert province_value(ktxh, ktxh.revenue, period) is None
