"""A commune's monthly report in real Chromium: the reporter opens it from the work page,
types a wrong value (refused as typed and on leaving the cell), fills the grid with the
keyboard (each cell saved by htmx), sends it; the province accepts and approves; the
leader sees it in the provincial total with its chart. axe-core runs on every page, and on
a 375px-wide phone nothing scrolls sideways."""

import datetime as dt
from decimal import Decimal

import pytest

from egov.lib.testing.browser import assert_accessible, log_in
from egov.organisations.testing import PERSONA_PASSWORD
from egov.reporting.choices import SubmissionState
from egov.reporting.models import DataValue, Submission
from egov.reporting.periods import recent_periods

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 800}
DESKTOP = {"width": 1280, "height": 900}


def check_page(page):
    assert_accessible(page)
    page.set_viewport_size(PHONE)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px at 375px"
    main = page.evaluate(
        "(() => { const m = document.querySelector('main');"
        " return m.scrollWidth - m.clientWidth; })()"
    )
    assert main <= 0, f"the main content of {page.url} is {main}px too wide at 375px"
    page.set_viewport_size(DESKTOP)


def leave_cell(page, key="Tab"):
    """Leave the focused cell and wait for htmx to save it and swap the answer in."""
    with page.expect_response(lambda r: "/cell/" in r.url):
        page.keyboard.press(key)
    page.wait_for_function(
        "document.querySelectorAll('.htmx-request, .htmx-settling').length === 0"
    )


def log_out(page):
    page.get_by_role("button", name="Đăng xuất").click()
    page.wait_for_load_state("networkidle")


def test_a_commune_report_goes_from_the_grid_to_the_provincial_total(page, ktxh):
    page.set_viewport_size(DESKTOP)
    log_in(page, "xa_baocao", PERSONA_PASSWORD)
    page.get_by_role("link", name="Báo cáo KT-XH").first.click()
    check_page(page)
    period = recent_periods("month", dt.date.today(), count=1)[0]
    page.get_by_role("button", name=f"Nhập số liệu B01-KTXH {period.label}").click()
    page.wait_for_load_state("networkidle")
    check_page(page)

    men = page.get_by_label("Dân số trung bình — Nam")
    men.fill("năm nghìn")
    assert page.get_by_text("Không phải là số").is_visible()  # as typed
    leave_cell(page)
    assert page.get_by_text("“năm nghìn” không phải là số").is_visible()  # from the server
    assert not DataValue.objects.exists()

    page.get_by_label("Dân số trung bình — Nam").fill("5.000")
    leave_cell(page)
    page.get_by_label("Dân số trung bình — Nữ").fill("5.200")
    leave_cell(page, "Enter")  # Enter: the next row, same column
    focused = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert focused == "Tỷ lệ hộ nghèo — Tổng số"
    page.keyboard.type("3,5")
    leave_cell(page, "Enter")
    page.keyboard.type("1.200,5")
    leave_cell(page)
    assert page.get_by_text("Đã nhập 4/4 ô bắt buộc.").is_visible()
    check_page(page)
    revenue = DataValue.objects.get(indicator=ktxh.revenue)
    assert revenue.value == Decimal("1200.5")
    page.get_by_role("button", name="Gửi báo cáo").click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_text("Đã gửi báo cáo.").is_visible()
    log_out(page)

    log_in(page, "tinh_tonghop", PERSONA_PASSWORD)
    page.goto("/ktxh/")
    page.get_by_role("link", name="B01-KTXH").click()
    page.get_by_role("button", name="Tiếp nhận").click()
    page.wait_for_load_state("networkidle")
    check_page(page)
    log_out(page)

    log_in(page, "tinh_lanhdao", PERSONA_PASSWORD)
    page.goto("/ktxh/")
    page.get_by_role("link", name="B01-KTXH").click()
    page.get_by_role("button", name="Duyệt", exact=True).click()
    page.wait_for_load_state("networkidle")
    assert Submission.objects.get().state == SubmissionState.LOCKED
    page.goto(f"/ktxh/analysis/?period={period.code}&indicator=THU_NSNN")
    assert (
        page.get_by_role("row", name="Ủy ban nhân dân tỉnh An Giang")
        .get_by_text("1.200,5")
        .first.is_visible()
    )
    assert page.locator(".chart canvas").count() >= 1
    check_page(page)
