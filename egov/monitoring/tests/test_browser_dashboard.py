"""An agency leader opens the oversight dashboard, then their agency's page with its monthly
chart; axe-core runs on each page."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from egov.lib.testing.browser import assert_accessible, log_in
from egov.monitoring.tests.helpers import register
from egov.organisations.testing import PERSONA_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_agency_leader_reads_the_dashboards(world: Any, page: Any) -> None:
    register(world, channel="exchange", day=dt.date(2026, 3, 10))
    log_in(page, "leader", PERSONA_PASSWORD)
    page.goto("/monitoring/?year=2026")
    assert "Giám sát ứng dụng CNTT năm 2026" in page.locator("h1").inner_text()
    page.wait_for_selector("[data-monitoring-chart] canvas")
    assert_accessible(page)
    page.get_by_role("link", name="Sở Nội vụ").click()
    page.wait_for_selector("[data-monitoring-chart] canvas")
    main = page.locator("main").inner_text()
    assert "đạt mục tiêu" in main
    assert_accessible(page)
