"""The feedback journey in real Chromium: a visitor sends a question (the empty form first
refused in the error summary), enters the e-mail code; the specialist drafts the answer and
submits it; the leader approves it; the public page shows the answer with the asker's
pseudonym. axe-core runs on every page; at 375px nothing scrolls sideways."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core import mail

from egov.feedback.models import Item
from egov.lib.testing.browser import assert_accessible, log_in
from egov.organisations.testing import PERSONA_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 800}
DESKTOP = {"width": 1280, "height": 900}


def check_page(page: Any) -> None:
    assert_accessible(page)
    page.set_viewport_size(PHONE)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px at 375px"
    page.set_viewport_size(DESKTOP)


def click(page: Any, role: str, name: str) -> None:
    page.get_by_role(role, name=name, exact=True).first.click()
    page.wait_for_load_state("networkidle")


def answer_challenge(page: Any) -> None:
    label = page.locator("label[for=id_challenge]").inner_text()
    numbers = [int(n) for n in re.findall(r"\d+", label)]
    page.locator("#id_challenge").fill(str(sum(numbers[:2])))


def test_a_question_is_sent_answered_approved_and_published(page: Any, fb: Any) -> None:
    page.set_viewport_size(DESKTOP)
    page.goto("/phan-anh/")
    check_page(page)
    click(page, "link", "Gửi phản ánh, câu hỏi")
    check_page(page)
    answer_challenge(page)
    click(page, "button", "Gửi")
    assert "Hãy nhập nội dung." in page.locator(".error-summary").inner_text()
    check_page(page)

    page.get_by_label("Câu hỏi").check()
    page.get_by_label("Lĩnh vực").select_option(label="Cán bộ, công chức")
    page.get_by_label("Tiêu đề").fill("Điều kiện xét nâng ngạch chuyên viên chính")
    page.get_by_label("Nội dung", exact=True).fill(
        "Tôi là chuyên viên đã có 9 năm giữ ngạch, xin hỏi điều kiện dự thi nâng ngạch?"
    )
    page.get_by_label("Họ và tên").fill("Nguyễn Văn An")
    page.get_by_label("Thư điện tử").fill("an.nguyen@example.com")
    page.get_by_label("Xã, phường nơi bạn sinh sống (không bắt buộc)").fill("xã Định Mỹ")
    answer_challenge(page)
    click(page, "button", "Gửi")
    check_page(page)
    code = re.search(r"\b(\d{6})\b", str(mail.outbox[-1].body))
    assert code is not None
    page.get_by_label("Mã xác minh").fill(code.group(1))
    click(page, "button", "Xác minh")
    assert "Đã tiếp nhận" in page.locator("main").inner_text()
    check_page(page)
    item = Item.objects.get()

    log_in(page, "specialist", PERSONA_PASSWORD)
    page.goto("/feedback/")
    check_page(page)
    click(page, "link", item.code)
    check_page(page)
    page.get_by_label("Nội dung trả lời").fill(
        "Theo Nghị định 06/2023/NĐ-CP, công chức dự thi nâng ngạch chuyên viên chính phải "
        "có thời gian giữ ngạch chuyên viên từ đủ 9 năm trở lên."
    )
    click(page, "button", "Trình lãnh đạo duyệt")
    assert "Chờ lãnh đạo duyệt" in page.locator("main").inner_text()
    page.context.clear_cookies()

    log_in(page, "leader", PERSONA_PASSWORD)
    page.goto(f"/feedback/{item.pk}/")
    check_page(page)
    click(page, "button", "Duyệt và gửi trả lời")
    assert "Đã công bố trên cổng." in page.locator("main").inner_text()
    page.goto("/feedback/thong-ke/")
    check_page(page)

    page.goto("/phan-anh/")
    page.get_by_label("Tìm kiếm").fill("nang ngach chuyen vien")
    click(page, "button", "Tìm")
    click(page, "link", "Điều kiện xét nâng ngạch chuyên viên chính")
    text = page.locator("main").inner_text()
    assert "9 năm trở lên" in text and "Nguyễn V. A." in text
    assert "Nguyễn Văn An" not in text and "an.nguyen@example.com" not in text
    check_page(page)
