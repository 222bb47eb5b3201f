"""A document travels between two agencies of one installation, in real Chromium: Sở Tài
chính's clerk finds it under "Văn bản điện tử đến", first tries to refuse it without a reason
(refused, in Vietnamese), then registers it without typing anything; the sender's document
shows "Đã tiếp nhận" for that recipient; the administrator sees the traffic on the exchange
dashboard. axe-core on every page; nothing scrolls sideways at 375px."""

import pytest

from egov.documents.tests.test_browser_incoming import DESKTOP, check_page, log_out
from egov.lib.testing.browser import give_totp_device, log_in
from egov.organisations.testing import PERSONA_PASSWORD

from .test_internal_delivery import drain, issued_to_finance

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_the_receiving_clerk_registers_an_electronic_document_and_the_sender_sees_it(
    page, office, receiver
):
    document = issued_to_finance(office)
    drain()
    page.set_viewport_size(DESKTOP)

    log_in(page, "fin.clerk", PERSONA_PASSWORD)
    page.get_by_role("link", name="Văn bản điện tử đến").click()
    page.wait_for_load_state("networkidle")
    check_page(page)
    page.get_by_role("link", name="Kế hoạch tuyển dụng công chức năm 2026").click()
    page.wait_for_load_state("networkidle")
    check_page(page)
    assert "ke-hoach.pdf" in page.content()

    page.get_by_role("button", name="Từ chối tiếp nhận").click()
    page.wait_for_load_state("networkidle")
    assert "Hãy ghi lý do từ chối." in page.get_by_role("alert").inner_text()
    check_page(page)

    page.get_by_role("button", name="Vào sổ văn bản đến").click()
    page.wait_for_load_state("networkidle")
    assert "/documents/incoming/" in page.url
    assert "Kế hoạch tuyển dụng công chức năm 2026" in page.content()
    check_page(page)
    log_out(page)
    drain()

    log_in(page, "clerk", PERSONA_PASSWORD)
    page.goto(f"/documents/outgoing/{document.pk}/")
    page.wait_for_load_state("networkidle")
    recipients = page.get_by_role("region", name="Nơi nhận", exact=True).inner_text()
    assert "Đã tiếp nhận" in recipients
    check_page(page)
    log_out(page)

    give_totp_device(office.admin)
    log_in(page, "admin", PERSONA_PASSWORD)
    page.goto("/exchange/dashboard/")
    page.wait_for_load_state("networkidle")
    assert page.locator("#chart-traffic-data").count() == 1
    check_page(page)


def test_the_sender_withdraws_one_recipient_and_adds_another_and_the_receiver_sees_it(
    page, world, office, receiver
):
    document = issued_to_finance(office)
    drain()
    page.set_viewport_size(DESKTOP)

    log_in(page, "clerk", PERSONA_PASSWORD)
    page.goto(f"/documents/outgoing/{document.pk}/")
    page.wait_for_load_state("networkidle")
    form = page.get_by_role("region", name="Cập nhật nơi nhận")
    form.get_by_role("button", name="Cập nhật nơi nhận").click()
    page.wait_for_load_state("networkidle")
    assert "Hãy ghi lý do cập nhật nơi nhận." in page.get_by_role("alert").inner_text()
    check_page(page)

    form = page.get_by_role("region", name="Cập nhật nơi nhận")
    form.get_by_label(world.office.name, exact=True).check()
    form.get_by_label("Sở Tài chính (Đã đến)").check()
    form.get_by_label("Lý do cập nhật nơi nhận").fill("Gửi nhầm Sở Tài chính")
    form.get_by_role("button", name="Cập nhật nơi nhận").click()
    page.wait_for_load_state("networkidle")
    assert "Đã cập nhật nơi nhận: thêm 1, rút 1." in page.content()
    recipients = page.get_by_role("region", name="Nơi nhận", exact=True).inner_text()
    assert "Đã rút khỏi nơi nhận" in recipients
    check_page(page)
    log_out(page)
    drain()

    log_in(page, "fin.clerk", PERSONA_PASSWORD)
    page.get_by_role("link", name="Văn bản điện tử đến").click()
    page.wait_for_load_state("networkidle")
    listing = page.get_by_role("main").inner_text()
    assert "Kế hoạch tuyển dụng công chức năm 2026\tSở Tài chính\tBên gửi đã thu hồi" in listing
    assert "Đã cập nhật" in listing
    check_page(page)
