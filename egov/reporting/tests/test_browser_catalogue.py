"""The statistics office sets up an indicator, a quarterly form and a rule in real
Chromium, with a mistake on the way refused at its field; axe-core runs on every page and
nothing scrolls sideways on a 375px-wide phone."""

import pytest

from egov.lib.testing.browser import log_in
from egov.organisations.testing import PERSONA_PASSWORD
from egov.reporting.models import Indicator, ReportForm, ValidationRule
from egov.reporting.tests.test_browser_entry import DESKTOP, check_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_statistics_office_sets_up_an_indicator_a_form_and_a_rule(page, ktxh):
    page.set_viewport_size(DESKTOP)
    log_in(page, "tinh_tonghop", PERSONA_PASSWORD)
    page.get_by_role("link", name="Danh mục KT-XH").first.click()
    check_page(page)

    page.get_by_role("link", name="Thêm chỉ tiêu").click()
    page.get_by_label("Mã chỉ tiêu").fill("SO HO")
    page.get_by_label("Tên chỉ tiêu").fill("Số hộ dân cư")
    page.get_by_label("Đơn vị tính").fill("hộ")
    page.get_by_role("button", name="Lưu").click()
    page.wait_for_load_state("networkidle")
    # Refused where it is: the summary links to the field, which says why.
    summary = page.locator(".error-summary")
    assert "Mã chỉ gồm chữ cái không dấu" in summary.inner_text()
    check_page(page)
    page.get_by_label("Mã chỉ tiêu").fill("SO_HO")
    page.get_by_role("button", name="Lưu").click()
    page.wait_for_load_state("networkidle")
    assert "Đã thêm chỉ tiêu SO_HO." in page.content()
    assert Indicator.objects.filter(code="SO_HO", unit_of_measure="hộ").exists()

    page.get_by_role("link", name="Thêm biểu mẫu").click()
    page.get_by_label("Số hiệu biểu").fill("B03-KTXH")
    page.get_by_label("Tên biểu").fill("Biểu hộ dân cư quý")
    page.get_by_label("Kỳ báo cáo").select_option("quarter")
    page.get_by_label("Các mục của biểu").fill("I. Hộ dân cư: SO_HO, DANSO")
    page.get_by_label("Mọi xã, phường thuộc cơ quan nhận báo cáo").check()
    check_page(page)
    page.get_by_role("button", name="Lưu").click()
    page.wait_for_load_state("networkidle")
    form = ReportForm.objects.get(code="B03-KTXH")
    assert form.assignments.count() == 2
    check_page(page)

    page.get_by_label("Mã quy tắc").fill("R_HO")
    page.get_by_label("Vế trái").fill("[SO_HO]")
    page.get_by_label("Phép so sánh").select_option("<=")
    page.get_by_label("Vế phải").fill("[DANSO]")
    page.get_by_label("Thông báo cho người nhập").fill("Số hộ không thể lớn hơn dân số")
    page.get_by_role("button", name="Thêm quy tắc").click()
    page.wait_for_load_state("networkidle")
    assert ValidationRule.objects.filter(form=form, code="R_HO").exists()
    assert "Đã thêm quy tắc kiểm tra." in page.content()
    check_page(page)
