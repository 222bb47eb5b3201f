"""The provincial dashboard: the latest month with approved figures, against the same
month last year and the year's plan, trend charts, and the units' reporting; who sees it."""

import datetime as dt

import pytest

from egov.reporting.actions import plans
from egov.reporting.periods import recent_periods, same_period_last_year
from egov.reporting.testing import approve_fully, fill

pytestmark = pytest.mark.django_db


def test_the_dashboard_shows_the_latest_approved_month_against_last_year_and_plan(client_for, ktxh):
    latest, closed = recent_periods("month", dt.date.today(), count=2)
    fill(ktxh, ktxh.world.commune, ktxh.commune_reporter, latest)  # still a draft
    for period, revenue in ((same_period_last_year(closed), "1000"), (closed, "1250")):
        approve_fully(
            ktxh, fill(ktxh, ktxh.world.commune, ktxh.commune_reporter, period, revenue=revenue)
        )
    plans.set_plan(
        actor=ktxh.province_reporter,
        indicator=ktxh.revenue,
        unit=ktxh.world.province,
        year=closed.year,
        value=plans.parse_plan(ktxh.revenue, "12.500"),
    )
    page = client_for(ktxh.province_leader).get("/ktxh/dashboard/").content.decode()
    assert closed.label in page and "Thu ngân sách nhà nước trên địa bàn" in page
    assert "1.250" in page and "125,0 %" in page  # against the same month last year
    assert "(kế hoạch 12.500)" in page
    assert 'data-chart="trend-0"' in page and "B01-KTXH" in page


def test_the_dashboard_is_closed_to_people_without_a_ktxh_role(client, client_for, ktxh):
    assert client.get("/ktxh/dashboard/").status_code == 302
    for persona in ("outsider", "clerk", "citizen"):
        assert client_for(getattr(ktxh.world, persona)).get("/ktxh/dashboard/").status_code == 404
    assert client_for(ktxh.commune_reporter).get("/ktxh/dashboard/").status_code == 200
