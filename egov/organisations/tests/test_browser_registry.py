"""Journeys through the registry in real Chromium, with axe-core on every page."""

import datetime as dt

import pytest

from egov.lib.testing.browser import assert_accessible, log_in
from egov.organisations import actions
from egov.organisations.choices import UnitKind
from egov.organisations.testing import PERSONA_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_specialist_browses_the_tree_as_of_a_past_date_and_today(page, world):
    actions.create_unit(
        actor=world.admin,
        parent=world.province,
        name="Sở Du lịch",
        kind=UnitKind.AGENCY,
        valid_from=dt.date(2020, 1, 1),
        abbreviation="SDL",
    )
    new_name = "Sở Văn hóa, Thể thao và Du lịch"
    tourism = actions.create_unit(
        actor=world.admin,
        parent=world.province,
        name="Sở Thể thao",
        kind=UnitKind.AGENCY,
        valid_from=dt.date(2020, 1, 1),
    )
    actions.rename_unit(
        actor=world.admin, unit=tourism, effective_date=dt.date(2024, 1, 1), name=new_name
    )
    log_in(page, "specialist", PERSONA_PASSWORD)
    assert_accessible(page)
    page.get_by_role("link", name="Cơ cấu tổ chức").click()
    assert page.get_by_role("link", name=new_name).is_visible()
    assert_accessible(page)

    page.get_by_label("Xem cơ cấu tại ngày").fill("2021-06-01")
    page.get_by_role("button", name="Xem").click()
    assert page.get_by_role("link", name="Sở Thể thao", exact=True).is_visible()
    assert page.get_by_role("link", name=new_name).count() == 0

    page.get_by_role("link", name="Sở Thể thao", exact=True).click()
    assert page.get_by_role("heading", level=1).inner_text().startswith(new_name)
    assert page.get_by_role("cell", name="Sở Thể thao", exact=True).is_visible()
    assert_accessible(page)


def test_a_clerk_finds_a_colleague_by_typing_without_diacritics(page, world):
    log_in(page, "clerk", PERSONA_PASSWORD)
    page.goto("/org/staff/")
    assert_accessible(page)
    page.get_by_label("Tìm theo họ tên hoặc e-mail").fill("vo minh chuyen")
    page.get_by_role("button", name="Tìm").click()
    rows = page.locator("table.data tbody tr")
    assert rows.count() == 1
    assert "Võ Minh Chuyên" in rows.first.inner_text()
    rows.first.get_by_role("link", name="Võ Minh Chuyên").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Võ Minh Chuyên"
    assert_accessible(page)


def test_the_registry_works_on_a_phone_sized_screen(browser, live_server, world):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 375, "height": 740}, locale="vi-VN"
    )
    page = context.new_page()
    try:
        log_in(page, "outsider", PERSONA_PASSWORD)
        page.goto("/org/tree/")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375 + 1, f"page scrolls sideways on a phone ({width}px)"
        assert_accessible(page)
    finally:
        context.close()
