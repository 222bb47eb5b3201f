"""The year plan and a form's layout in real Chromium. The provincial reporter types the
year's plans with the keyboard (a wrong value refused as typed and on leaving the cell,
each good one saved by htmx) and finds them in the analysis; the statistics office adds a
section and a row to a form and moves the row. axe-core runs on every page, and on a
375px-wide phone nothing scrolls sideways."""

import datetime as dt

import pytest

from egov.lib.testing.browser import log_in
from egov.organisations.testing import PERSONA_PASSWORD
from egov.reporting.actions import catalogue
from egov.reporting.models import FormRow, PlanTarget
from egov.reporting.tests.test_browser_entry import DESKTOP, check_page, leave_cell

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_provincial_reporter_types_the_year_plan_and_sees_it_in_the_analysis(page, ktxh):
    page.set_viewport_size(DESKTOP)
    log_in(page, "tinh_tonghop", PERSONA_PASSWORD)
    page.goto("/ktxh/")
    page.get_by_role("link", name="Kế hoạch năm").click()
    page.wait_for_load_state("networkidle")
    year = dt.date.today().year
    assert page.get_by_role("heading", name=f"Kế hoạch năm {year}").is_visible()
    check_page(page)

    province = "Ủy ban nhân dân tỉnh An Giang"
    cell = page.get_by_label(f"Kế hoạch Thu ngân sách nhà nước trên địa bàn — {province}")
    cell.fill("ba mươi nghìn")
    assert page.get_by_text("Không phải là số").is_visible()  # as typed
    leave_cell(page)
    assert page.get_by_text("“ba mươi nghìn” không phải là số").is_visible()  # from the server
    assert not PlanTarget.objects.exists()

    cell = page.get_by_label(f"Kế hoạch Thu ngân sách nhà nước trên địa bàn — {province}")
    cell.fill("30.000")
    leave_cell(page, "Enter")  # Enter: the next unit, same indicator
    focused = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert focused.startswith("Kế hoạch Thu ngân sách nhà nước trên địa bàn — ")
    assert focused != f"Kế hoạch Thu ngân sách nhà nước trên địa bàn — {province}"
    page.keyboard.type("-5")
    leave_cell(page)
    assert page.get_by_text("Chỉ tiêu này không nhận số âm.").is_visible()
    check_page(page)
    assert PlanTarget.objects.get().value == 30000
    assert page.get_by_role("link", name=f"Tải bảng kế hoạch năm {year} (Excel)").is_visible()

    page.goto("/ktxh/analysis/?indicator=THU_NSNN")
    row = page.get_by_role("row", name=province)
    assert row.get_by_text("30.000").first.is_visible()


def test_the_statistics_office_adds_a_section_and_a_row_and_moves_the_row(page, ktxh):
    catalogue.create_indicator(
        actor=None, code="SO_HO", name="Số hộ dân cư", unit_of_measure="hộ", skip_access_check=True
    )
    page.set_viewport_size(DESKTOP)
    log_in(page, "tinh_tonghop", PERSONA_PASSWORD)
    page.goto("/ktxh/catalogue/")
    page.get_by_role("link", name="B01-KTXH").click()
    page.wait_for_load_state("networkidle")
    check_page(page)

    page.get_by_label("Tiêu đề mục mới").fill("III. Hộ dân cư")
    page.get_by_role("button", name="Thêm mục").click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_text("Đã thêm mục.").is_visible()
    page.get_by_label("Thêm chỉ tiêu vào mục II. Ngân sách").select_option("SO_HO")
    page.get_by_role("button", name="Thêm dòng").nth(1).click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_text("Đã thêm dòng SO_HO.").is_visible()
    page.get_by_role("button", name="Lên SO_HO").click()
    page.wait_for_load_state("networkidle")
    row = FormRow.objects.get(indicator__code="SO_HO")
    assert (row.section.title, row.number, row.order) == ("II. Ngân sách", "3", 0)
    assert ktxh.form.sections.filter(title="III. Hộ dân cư").exists()
    check_page(page)

    # Once a commune has entered data, the layout is fixed; a new form is made from it.
    from egov.reporting.models import ReportForm
    from egov.reporting.testing import fill, month

    fill(ktxh, ktxh.world.commune, ktxh.commune_reporter, month(2026, 3))
    page.reload()
    assert page.get_by_text("đã có số liệu báo cáo nên không sửa được bố cục").is_visible()
    assert page.get_by_role("button", name="Thêm mục").count() == 0
    check_page(page)
    page.get_by_role("button", name="Tạo biểu mới").click()
    page.wait_for_load_state("networkidle")
    copy = ReportForm.objects.get(code="B01-KTXH-V2")
    assert page.url.endswith(f"/ktxh/catalogue/form/{copy.pk}/")
    assert page.get_by_role("button", name="Thêm mục").is_visible()


def test_the_provincial_leader_reads_the_dashboard(page, ktxh):
    from egov.reporting.periods import recent_periods
    from egov.reporting.testing import approve_fully, fill

    closed = recent_periods("month", dt.date.today(), count=2)[1]
    approve_fully(ktxh, fill(ktxh, ktxh.world.commune, ktxh.commune_reporter, closed))
    page.set_viewport_size(DESKTOP)
    log_in(page, "tinh_lanhdao", PERSONA_PASSWORD)
    page.goto("/ktxh/")
    page.get_by_role("link", name="Bảng điều hành KT-XH").click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_role(
        "heading", name="Thu ngân sách nhà nước trên địa bàn"
    ).first.is_visible()
    assert page.locator(".chart canvas").count() >= 1
    check_page(page)
