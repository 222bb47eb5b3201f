"""The agency leader drafts the year's IT plan and submits it; the provincial administrator
approves it; the provincial overview shows it. axe-core runs on each page, and the records
page fits a 375 px screen."""

from __future__ import annotations

from typing import Any

import pytest

from egov.lib.dates import local_today
from egov.lib.testing.browser import assert_accessible, give_totp_device, log_in
from egov.organisations.testing import PERSONA_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_out(page: Any) -> None:
    page.get_by_role("button", name="Đăng xuất").click()
    page.wait_for_load_state("networkidle")


def _fits_375(page: Any) -> None:
    page.set_viewport_size({"width": 375, "height": 800})
    overflow = page.evaluate(
        "(() => { const m = document.querySelector('main');"
        " return m.scrollWidth - m.clientWidth; })()"
    )
    assert overflow <= 0, f"the main content of {page.url} is {overflow}px too wide at 375px"
    page.set_viewport_size({"width": 1280, "height": 900})


def test_a_plan_is_drafted_submitted_approved_and_shown_in_the_overview(
    world: Any, page: Any
) -> None:
    year = local_today().year
    log_in(page, "leader", PERSONA_PASSWORD)
    page.goto(f"/monitoring/co-quan/{world.home_affairs.pk}/?year={year}")
    page.get_by_role("link", name="Hồ sơ ứng dụng CNTT (kế hoạch, cán bộ CNTT, tập huấn)").click()
    assert "hồ sơ ứng dụng CNTT" in page.locator("h1").inner_text()
    assert_accessible(page)
    _fits_375(page)
    page.get_by_role("link", name=f"Lập kế hoạch năm {year}").click()
    page.get_by_label("Mục tiêu, kết quả cụ thể cần đạt").fill(
        "100% văn bản đi phát hành điện tử\nCập nhật trang thông tin đúng hạn"
    )
    page.get_by_label("Kinh phí dự kiến (đồng)").fill("abc")
    page.get_by_role("button", name="Lưu và trình phê duyệt").click()
    assert "Kinh phí dự kiến là số tiền bằng đồng" in page.locator(".error-summary").inner_text()
    assert_accessible(page)
    page.get_by_label("Kinh phí dự kiến (đồng)").fill("750.000.000")
    page.get_by_label("Nguồn kinh phí").fill("Ngân sách tỉnh")
    page.get_by_role("button", name="Lưu và trình phê duyệt").click()
    main = page.locator("main").inner_text()
    assert "Đã trình" in main and "750.000.000" in main
    assert_accessible(page)
    _log_out(page)

    give_totp_device(world.admin)
    log_in(page, "admin", PERSONA_PASSWORD)
    page.goto(f"/monitoring/ho-so/?year={year}")
    assert_accessible(page)
    page.get_by_role("link", name="Sở Nội vụ").click()
    page.get_by_label("Ý kiến (bắt buộc khi trả lại)").fill("Phù hợp kế hoạch của tỉnh")
    page.get_by_role("button", name="Phê duyệt", exact=True).click()
    main = page.locator("main").inner_text()
    assert "Đã phê duyệt" in main and "Phù hợp kế hoạch của tỉnh" in main
    assert_accessible(page)
    page.goto(f"/monitoring/ho-so/?year={year}")
    main = page.locator("main").inner_text()
    assert "1/4 cơ quan có kế hoạch được phê duyệt" in main
    row = page.get_by_role("row", name="Sở Nội vụ")
    assert "Đã phê duyệt" in row.inner_text()
    assert_accessible(page)


def test_an_administrator_configures_and_runs_a_website_ranking(world: Any, page: Any) -> None:
    from egov.portal.actions import provisioning

    provisioning.provision_sites(actor=world.admin)
    give_totp_device(world.admin)
    log_in(page, "admin", PERSONA_PASSWORD)
    page.goto("/monitoring/xep-hang/?kind=website")
    assert_accessible(page)
    page.get_by_role("link", name="Thêm phương pháp").click()
    assert page.get_by_label("Loại xếp hạng").input_value() == "website"
    page.get_by_label("Tên phương pháp").fill("Xếp hạng trang thông tin điện tử năm")
    page.get_by_label("Tiêu chí 1: tên").fill("Văn bản")
    page.get_by_label("Tiêu chí 1: nguồn số liệu").select_option("edoc_electronic_share")
    page.get_by_label("Tiêu chí 1: trọng số").fill("100")
    page.get_by_label("Tiêu chí 1: mức 0 điểm").fill("0")
    page.get_by_label("Tiêu chí 1: mức điểm tối đa").fill("100")
    page.get_by_role("button", name="Lưu phương pháp").click()
    summary = page.locator(".error-summary").inner_text()
    assert "chỉ dùng chỉ tiêu nhóm “Trang thông tin điện tử”" in summary
    assert_accessible(page)
    page.get_by_label("Tiêu chí 1: tên").fill("Trang đạt yêu cầu")
    page.get_by_label("Tiêu chí 1: nguồn số liệu").select_option("portal_site_compliance")
    page.get_by_role("button", name="Lưu phương pháp").click()
    page.get_by_label("Phương pháp").select_option(label="Xếp hạng trang thông tin điện tử năm")
    page.get_by_label("Năm").fill(str(local_today().year))
    page.get_by_role("button", name="Tính xếp hạng").click()
    assert "Trang đạt yêu cầu" in page.locator("main").inner_text()
    assert_accessible(page)
