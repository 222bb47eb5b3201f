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


def test_an_administrator_configures_and_runs_a_ranking(world: Any, page: Any) -> None:
    from egov.lib.testing.browser import give_totp_device

    register(world, channel="exchange", day=dt.date(2026, 3, 10))
    give_totp_device(world.admin)
    log_in(page, "admin", PERSONA_PASSWORD)
    page.goto("/monitoring/xep-hang/")
    assert_accessible(page)
    page.get_by_role("link", name="Thêm phương pháp").click()
    page.get_by_label("Tên phương pháp").fill("Xếp hạng ứng dụng CNTT năm")
    page.get_by_label("Tiêu chí 1: tên").fill("Văn bản điện tử")
    page.get_by_label("Tiêu chí 1: trọng số").fill("90")
    page.get_by_label("Tiêu chí 1: mức 0 điểm").fill("0")
    page.get_by_label("Tiêu chí 1: mức điểm tối đa").fill("50")
    page.get_by_role("button", name="Lưu phương pháp").click()
    summary = page.locator(".error-summary").inner_text()
    assert "chưa có nguồn số liệu" in summary and "là 90, phải bằng 100" in summary
    assert_accessible(page)
    page.get_by_label("Tiêu chí 1: nguồn số liệu").select_option("edoc_electronic_share")
    page.get_by_label("Tiêu chí 1: trọng số").fill("100")
    page.get_by_role("button", name="Lưu phương pháp").click()
    page.get_by_label("Phương pháp").select_option(label="Xếp hạng ứng dụng CNTT năm")
    page.get_by_label("Năm").fill("2026")
    page.get_by_role("button", name="Tính xếp hạng").click()
    assert "giá trị 100 → 100/100 điểm" in page.locator("main").inner_text()
    page.wait_for_selector("[data-ranking-chart='totals'] canvas")
    page.wait_for_selector("[data-ranking-chart='criteria'] canvas")
    assert_accessible(page)
