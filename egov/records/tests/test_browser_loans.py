"""The clerk lends an archived copy in real Chromium: from the document's page to the lending
form, a refused permitter shown in the error summary, the loan recorded, taken back, the
register printed, and the handling slip opened; axe-core on every page, nothing scrolls
sideways on a 375px phone."""

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from egov.lib.dates import local_today
from egov.lib.testing.browser import assert_accessible, log_in
from egov.organisations.testing import PERSONA_PASSWORD
from egov.records.actions.loans import lend_copy
from egov.records.models import CopyLoan
from egov.records.testing import received

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 800}
DESKTOP = {"width": 1280, "height": 900}


def check_page(page):
    assert_accessible(page)
    page.set_viewport_size(PHONE)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px at 375px"
    page.set_viewport_size(DESKTOP)


def click(page, role, name, scope=None):
    (scope or page).get_by_role(role, name=name, exact=True).first.click()
    page.wait_for_load_state("networkidle")


def test_a_clerk_lends_a_copy_takes_it_back_and_prints_the_register(page, office):
    today = local_today()
    document = received(office, "Về việc kiểm tra công tác cải cách hành chính")
    lend_copy(
        actor=office.clerk,
        unit=office.home_affairs,
        borrower=office.leader,
        permitted_by=office.leader,
        lent_on=today - dt.timedelta(days=9),
        due_on=today - dt.timedelta(days=2),
        incoming=received(office, "Kế hoạch quá hạn trả"),
    )
    page.set_viewport_size(DESKTOP)
    log_in(page, "clerk", PERSONA_PASSWORD)

    page.goto(f"/documents/incoming/{document.pk}/")
    page.wait_for_load_state("networkidle")
    check_page(page)
    click(page, "link", "Cho sử dụng bản lưu")
    assert (
        "Về việc kiểm tra công tác cải cách hành chính"
        in page.locator("#lent-document").inner_text()
    )
    assert "Quá hạn" in page.locator("#copies-out tbody tr").first.inner_text()
    check_page(page)

    page.locator("#id_borrower").select_option(value=str(office.specialist.pk))
    page.locator("#id_permitted_by").select_option(value=str(office.clerk.pk))
    page.get_by_label("Hạn trả").fill((today - dt.timedelta(days=1)).isoformat())
    click(page, "button", "Ghi vào sổ")
    assert "Hạn trả không được trước ngày" in page.locator(".error-summary").inner_text()
    assert not CopyLoan.objects.filter(incoming=document).exists()
    check_page(page)

    page.get_by_label("Hạn trả").fill((today + dt.timedelta(days=7)).isoformat())
    page.get_by_label("Ghi chú").fill("Phục vụ kiểm tra")
    click(page, "button", "Ghi vào sổ")
    rows = page.locator("#copies-out tbody tr")
    assert rows.count() == 2
    assert "Kế hoạch quá hạn trả" in rows.first.inner_text()  # overdue first
    assert "Võ Minh Chuyên" in rows.nth(1).inner_text()
    check_page(page)

    click(page, "button", "Đã trả Võ Minh Chuyên")
    assert page.locator("#copies-out tbody tr").count() == 1
    assert CopyLoan.objects.get(incoming=document).returned_on == today
    check_page(page)

    with page.expect_download() as download:
        page.get_by_role("link", name="In sổ sử dụng bản lưu (PDF)").click()
    register = PdfReader(io.BytesIO(download.value.path().read_bytes()))
    text = " ".join(" ".join(p.extract_text().split()) for p in register.pages)
    assert "SỔ SỬ DỤNG BẢN LƯU" in text and "Võ Minh Chuyên" in text
    assert "In bởi Phạm Thị Thư" in text

    slip = page.request.get(f"/records/slips/incoming/{document.pk}.pdf")
    assert slip.ok and slip.headers["content-type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(slip.body()))
    assert "PHIẾU GIẢI QUYẾT VĂN BẢN ĐẾN" in reader.pages[0].extract_text()
