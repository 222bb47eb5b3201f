"""The mail screens in real Chromium on the demo's mail (no mail server needed): the
clerk finds a document that came by mail and registers it, reads a citizen's message and a
forged one; the public directory works without login and shows no plain address; the
administrator sees usage with its chart. axe-core on every page; nothing scrolls sideways
at 375px."""

import io

import pytest

from egov.documents.testing import doc_type
from egov.documents.tests.test_browser_incoming import DESKTOP, check_page, log_out
from egov.lib.testing.browser import give_totp_device, log_in
from egov.mail import actions, demo
from egov.mail.models import Mailbox
from egov.organisations.testing import PERSONA_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_the_clerk_registers_mail_and_the_public_sees_the_directory(page, world):
    doc_type("cong-van")  # the catalogue (a flushed database has lost its data migration)
    demo.load(io.StringIO())
    leader = Mailbox.objects.get(person__user=world.leader)
    actions.set_public_role(actor=world.admin, mailbox=leader, role="Người phát ngôn")
    page.set_viewport_size(DESKTOP)

    log_in(page, "clerk", PERSONA_PASSWORD)
    page.get_by_role("link", name="Thư đến của cơ quan").click()
    page.wait_for_load_state("networkidle")
    check_page(page)
    page.get_by_role(
        "link", name="Công văn 1024/VP-TH về báo cáo sử dụng thư điện tử công vụ"
    ).click()
    page.wait_for_load_state("networkidle")
    check_page(page)
    page.get_by_label("Loại văn bản").select_option(label="Công văn")
    page.get_by_label("Cơ quan ban hành").fill("Văn phòng UBND tỉnh An Giang")
    page.get_by_role("button", name="Vào sổ", exact=True).click()
    page.wait_for_load_state("networkidle")
    assert "/documents/incoming/" in page.url
    assert "cv-1024-vp.pdf" in page.content()

    page.goto("/mail/inbox/?tab=all")
    page.get_by_role("link", name="Chuyển khoản gấp trong hôm nay").click()
    page.wait_for_load_state("networkidle")
    assert "Mạo danh tên miền của tỉnh" in page.content()
    check_page(page)
    log_out(page)

    page.goto("/mail/directory/")
    page.wait_for_load_state("networkidle")
    links = page.get_by_role("link", name="leader@angiang.gov.vn")
    assert links.count() == 1  # assembled by the script from the encoded form
    assert links.get_attribute("href") == "mailto:leader@angiang.gov.vn"
    check_page(page)

    give_totp_device(world.admin)
    log_in(page, "admin", PERSONA_PASSWORD)
    page.goto("/mail/usage/")
    page.wait_for_load_state("networkidle")
    assert page.locator("#mail-usage-data").count() == 1
    check_page(page)


def test_the_administrator_reconciles_the_server_and_approves_the_fix(page, world):
    import datetime as dt

    from egov.mail.models import VirtualUser
    from egov.organisations import actions as org_actions

    person = org_actions.hire_person(
        actor=world.admin,
        full_name="Trần Văn Lệch",
        unit=world.home_affairs,
        effective_date=dt.date(2026, 3, 2),
    )
    box = Mailbox.objects.get(person=person)
    for change in box.changes.all():
        actions.approve_change(actor=None, change=change, skip_access_check=True)
    VirtualUser.objects.filter(address=box.address).delete()  # someone edited the server
    page.set_viewport_size(DESKTOP)
    give_totp_device(world.admin)
    log_in(page, "admin", PERSONA_PASSWORD)
    page.goto("/mail/")
    page.get_by_role("link", name="Đối chiếu với máy chủ thư").click()
    page.wait_for_load_state("networkidle")
    assert "Máy chủ thư không có hộp thư này" in page.content()
    check_page(page)
    page.get_by_role("button", name=f"Đề nghị đồng bộ lại {box.address}").click()
    page.wait_for_load_state("networkidle")
    assert "Đã đề nghị đồng bộ lại" in page.content(), page.inner_text("main")
    check_page(page)
    assert box.changes.filter(kind="resync", state="pending").exists()
    page.goto("/mail/changes/")
    row = page.get_by_role("row").filter(has_text=box.address)
    assert "Đồng bộ lại máy chủ thư" in row.inner_text()
    check_page(page)
    row.get_by_role("button", name="Duyệt").click()
    page.wait_for_load_state("networkidle")
    assert VirtualUser.objects.filter(address=box.address, active=True).exists()
    page.goto("/mail/reconcile/")
    assert box.address not in page.content()
