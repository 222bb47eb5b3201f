"""Indicators computed from the other parts' query functions, per agency and province."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from egov.lib.dates import local_today
from egov.monitoring import indicators, queries
from egov.monitoring.indicators import Period
from egov.monitoring.tests.helpers import register

pytestmark = pytest.mark.django_db

MARCH = dt.date(2026, 3, 10)


def test_the_electronic_share_counts_documents_received_electronically(world: Any) -> None:
    for channel in ("exchange", "exchange", "exchange", "paper"):
        register(world, channel=channel, day=MARCH)
    year = Period.year(2026)
    assert indicators.electronic_share(world.home_affairs, year) == 75.0
    assert indicators.incoming_electronic_share(world.home_affairs, year) == 75.0


def test_the_province_figure_covers_every_agency_and_an_agency_only_its_own(world: Any) -> None:
    register(world, channel="paper", day=MARCH)
    register(world, channel="exchange", day=MARCH, unit=world.finance)
    year = Period.year(2026)
    assert indicators.electronic_share(None, year) == 50.0
    assert indicators.electronic_share(world.finance, year) == 100.0
    assert indicators.electronic_share(world.home_affairs, year) == 0.0


def test_a_period_without_documents_has_no_value_rather_than_zero(world: Any) -> None:
    register(world, channel="paper", day=MARCH)
    assert indicators.electronic_share(world.home_affairs, Period.month(2026, 4)) is None
    assert indicators.documents_overdue_rate(world.finance, Period.year(2026)) is None
    assert indicators.onestop_on_time_rate(world.home_affairs, Period.year(2026)) is None
    assert indicators.feedback_average_days(world.home_affairs, Period.year(2026)) is None


def test_the_months_of_a_period_end_on_their_last_day() -> None:
    assert Period.month(2026, 2) == Period(dt.date(2026, 2, 1), dt.date(2026, 2, 28))
    assert Period.month(2026, 12) == Period(dt.date(2026, 12, 1), dt.date(2026, 12, 31))


def test_feedback_answers_are_read_through_the_feedback_queries(world: Any) -> None:
    from egov.feedback.testing import answered_item, build

    fb = build(world)
    answered_item(fb)
    year = Period.year(local_today().year)
    assert indicators.feedback_on_time_rate(world.home_affairs, year) == 100.0
    assert indicators.feedback_average_days(world.home_affairs, year) == 0.0
    assert indicators.feedback_on_time_rate(world.finance, year) is None


def test_every_indicator_has_a_definition_a_unit_and_a_direction() -> None:
    for indicator in indicators.INDICATORS.values():
        assert len(str(indicator.definition)) > 30
        assert indicator.unit_label
        assert indicator.direction in ("higher", "lower")


def test_the_measure_shows_the_distance_to_the_seeded_fifty_percent_target(world: Any) -> None:
    register(world, channel="exchange", day=MARCH)
    for _ in range(3):
        register(world, channel="paper", day=MARCH)
    m = queries.measure("edoc_electronic_share", world.home_affairs, Period.year(2026))
    assert m.value == 25.0
    assert m.target == 50
    assert m.gap == 25.0
    assert m.met is False


def _inbox(world: Any, n: int, *, received: dt.datetime, handled: dt.datetime | None) -> None:
    from egov.exchange.models import InboxMessage

    InboxMessage.objects.create(
        kind="edoc",
        document_id=f"doc-{n}",
        from_code="000.00.00.G01",
        to_code="000.00.02.H01",
        sha256="0" * 64,
        size=10,
        dedupe_key=f"key-{n}",
        state="registered" if handled else "waiting",
        received_at=received,
        handled_at=handled,
        unit=world.home_affairs,
    )


def test_the_same_day_rate_counts_exchange_documents_registered_on_their_day(
    world: Any,
) -> None:
    from egov.lib.dates import BUSINESS_TZ

    morning = dt.datetime(2026, 3, 10, 8, tzinfo=BUSINESS_TZ)
    _inbox(world, 1, received=morning, handled=morning + dt.timedelta(hours=3))
    _inbox(world, 2, received=morning, handled=morning + dt.timedelta(days=1))
    _inbox(world, 3, received=morning, handled=None)
    # 23:30 on the 10th and 06:00 on the 11th are different business days, though the same
    # UTC day.
    late = dt.datetime(2026, 3, 10, 23, 30, tzinfo=BUSINESS_TZ)
    _inbox(world, 4, received=late, handled=late + dt.timedelta(hours=7))
    year = Period.year(2026)
    assert indicators.exchange_same_day_rate(world.home_affairs, year) == 25.0
    assert indicators.exchange_same_day_rate(None, year) == 25.0
    assert indicators.exchange_same_day_rate(world.finance, year) is None


def test_site_compliance_reads_the_portal_checklist(world: Any) -> None:
    from egov.portal.actions import provisioning

    year = Period.year(local_today().year)
    assert indicators.site_compliance_rate(world.home_affairs, year) is None
    provisioning.provision_sites(actor=world.admin)
    # Fresh sites have empty sections: none passes the inspection team's checklist yet.
    assert indicators.site_compliance_rate(world.home_affairs, year) == 0.0
    assert indicators.site_compliance_rate(None, year) == 0.0


def test_the_document_indicators_share_one_read_per_agency_and_period(world: Any) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    register(world, channel="exchange", day=MARCH)
    year = Period.year(2026)
    with CaptureQueriesContext(connection) as one:
        indicators.electronic_share(world.home_affairs, year)
    with indicators.shared_reads(), CaptureQueriesContext(connection) as four:
        values = [
            indicators.electronic_share(world.home_affairs, year),
            indicators.incoming_electronic_share(world.home_affairs, year),
            indicators.outgoing_electronic_share(world.home_affairs, year),
            indicators.documents_overdue_rate(world.home_affairs, year),
        ]
    assert len(four) == len(one)
    assert values == [100.0, 100.0, None, 0.0]
