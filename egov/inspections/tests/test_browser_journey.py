"""The whole journey in a browser, at phone width: a provincial inspector plans an
inspection of Sở Nội vụ, conducts it (the checklist saved item by item), records a
finding and concludes; the agency's leader reports the fix; the inspector accepts it and
closes the inspection. axe-core runs on every page."""

from __future__ import annotations

from typing import Any

import pytest

from egov.inspections.models import Inspection
from egov.inspections.tests.helpers import PDF_BYTES, decide_all
from egov.lib.dates import local_today
from egov.lib.testing.browser import assert_accessible, log_in
from egov.organisations.testing import PERSONA_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_plan_inspect_find_answer_and_close(
    world: Any, team: Any, page: Any, tmp_path: Any
) -> None:
    page.set_viewport_size({"width": 375, "height": 800})
    today = local_today()
    log_in(page, "inspector", PERSONA_PASSWORD)
    page.goto("/kiem-tra/mau/")
    assert_accessible(page)
    page.goto("/kiem-tra/")
    assert_accessible(page)
    page.get_by_role("link", name="Lập kế hoạch kiểm tra").click()
    page.get_by_label("Số, ký hiệu kế hoạch (quyết định)").fill("20/KH-TKT")
    page.get_by_label("Năm").fill(str(today.year))
    page.get_by_label("Tên kế hoạch").fill("Kiểm tra vận hành hệ thống")
    page.get_by_label("Thời kỳ kiểm tra: từ ngày").fill(f"{today.year}-01-01")
    page.get_by_label("Thời kỳ kiểm tra: đến ngày").fill(today.isoformat())
    assert_accessible(page)
    page.get_by_role("button", name="Lưu kế hoạch").click()
    assert "Đã lập kế hoạch kiểm tra." in page.locator(".messages").inner_text()
    page.get_by_label("Cơ quan được kiểm tra").select_option(label="Sở Nội vụ")
    page.get_by_label("Ngày kiểm tra").fill(today.isoformat())
    page.get_by_role("button", name="Thêm cơ quan").click()
    page.get_by_role("button", name="Phê duyệt kế hoạch").click()
    assert "Đã phê duyệt kế hoạch." in page.locator(".messages").inner_text()
    assert_accessible(page)

    page.get_by_role("link", name="Sở Nội vụ").click()
    page.get_by_role("button", name="Bắt đầu kiểm tra").click()
    assert "Đang kiểm tra" in page.locator("main dl").inner_text()
    mail = page.locator("li.insp-item", has_text="thư điện tử công vụ").first
    mail.get_by_label("Không đạt").check()
    mail.get_by_label("Ghi chú").fill("Lãnh đạo chưa giao việc qua thư điện tử.")
    mail.get_by_role("button", name="Lưu kết quả").click()
    page.wait_for_selector("li.insp-item .insp-saved")
    assert_accessible(page)
    page.get_by_label("Nội dung tồn tại, hạn chế").fill("Chưa giao việc qua thư điện tử công vụ")
    page.get_by_label("Yêu cầu khắc phục").fill("Ban hành quy định giao việc qua thư điện tử")
    page.get_by_role("button", name="Ghi nhận tồn tại").click()
    assert "Đã ghi nhận tồn tại, hạn chế." in page.locator(".messages").inner_text()
    page.get_by_role("button", name="Kết luận, ban hành biên bản").click()
    assert "nội dung kiểm tra chưa đánh giá" in page.locator(".messages").inner_text()
    inspection = Inspection.objects.get(plan__number="20/KH-TKT")
    decide_all(team, inspection, team.inspector)  # the other items, as the team would one by one
    page.get_by_label("Nội dung kết luận").fill("Cơ bản đạt yêu cầu.")
    page.get_by_role("button", name="Kết luận, ban hành biên bản").click()
    page.get_by_role("button", name="Chuyển theo dõi khắc phục").click()
    assert "Theo dõi khắc phục" in page.locator("main dl").inner_text()
    assert_accessible(page)

    page.context.clear_cookies()
    log_in(page, "leader", PERSONA_PASSWORD)
    page.goto("/kiem-tra/co-quan/")
    assert_accessible(page)
    page.get_by_role("link", name="Chưa giao việc qua thư điện tử công vụ").click()
    page.get_by_label("Nội dung đã khắc phục").fill("Đã ban hành quy định giao việc.")
    evidence = tmp_path / "quy-dinh.pdf"
    evidence.write_bytes(PDF_BYTES)
    page.get_by_label("Minh chứng (PDF, JPG, PNG, DOCX, XLSX; tối đa 10 tệp)").set_input_files(
        str(evidence)
    )
    page.get_by_role("button", name="Gửi báo cáo khắc phục").click()
    assert "Đã gửi báo cáo khắc phục." in page.locator(".messages").inner_text()
    assert page.get_by_role("link", name="quy-dinh.pdf").is_visible()
    assert_accessible(page)

    page.context.clear_cookies()
    log_in(page, "inspector", PERSONA_PASSWORD)
    page.goto("/kiem-tra/ton-tai/?status=open")
    page.wait_for_selector("[data-inspections-chart] canvas")
    assert_accessible(page)
    page.get_by_role("link", name="Chưa giao việc qua thư điện tử công vụ").click()
    page.get_by_role("button", name="Chấp nhận, đóng tồn tại").click()
    assert "Đã khắc phục" in page.locator("main dl").inner_text()
    page.get_by_role("link", name="← Kiểm tra Sở Nội vụ").click()
    page.get_by_role("button", name="Kết thúc cuộc kiểm tra").click()
    assert "Đã kết thúc" in page.locator("main dl").inner_text()
    assert_accessible(page)
