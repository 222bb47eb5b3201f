"""The clerk's other screens in real Chromium: registering the agency's key (a wrong password
refused first), then reading a scanned letter, confirming the suggested fields and
registering it. axe-core runs on every page, and on a 375px-wide phone nothing scrolls
sideways."""

import pytest

from egov.documents.models import IncomingDocument
from egov.documents.testing import doc_type
from egov.documents.tests.test_browser_incoming import DESKTOP, check_page
from egov.lib.testing.browser import log_in
from egov.organisations.testing import PERSONA_PASSWORD
from egov.signatures import appearance
from egov.signatures.models import SigningKey
from egov.signatures.scans import make_scans
from egov.signatures.testing import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_the_clerk_registers_the_agency_key_and_a_scanned_letter(page, office, pki, tmp_path):
    doc_type("cong-van")
    page.set_viewport_size(DESKTOP)
    log_in(page, "clerk", PERSONA_PASSWORD)

    # The agency's key: a wrong password first.
    page.get_by_role("link", name="Khóa ký số").click()
    page.wait_for_load_state("networkidle")
    check_page(page)
    seal = tmp_path / "con-dau.png"
    seal.write_bytes(appearance.sample_seal_png())
    page.get_by_label("Tệp khóa PKCS#12 (.p12, .pfx)").set_input_files(
        str(pki.files["organisation"])
    )
    page.get_by_label("Mật khẩu của tệp khóa").fill("sai")
    page.get_by_label("Ảnh chữ ký hoặc con dấu (PNG, nền trong suốt)").set_input_files(str(seal))
    page.get_by_label("Khóa của cơ quan").select_option(label=office.home_affairs.name)
    page.get_by_role("button", name="Đăng ký khóa").click()
    page.wait_for_load_state("networkidle")
    assert "Mật khẩu của tệp khóa không đúng." in page.get_by_role("alert").inner_text()
    check_page(page)
    page.get_by_label("Tệp khóa PKCS#12 (.p12, .pfx)").set_input_files(
        str(pki.files["organisation"])
    )
    page.get_by_label("Mật khẩu của tệp khóa").fill(PASSWORD)
    page.get_by_label("Ảnh chữ ký hoặc con dấu (PNG, nền trong suốt)").set_input_files(str(seal))
    page.get_by_label("Khóa của cơ quan").select_option(label=office.home_affairs.name)
    page.get_by_role("button", name="Đăng ký khóa").click()
    page.wait_for_load_state("networkidle")
    assert "Đã đăng ký khóa ký số." in page.get_by_role("status").inner_text()
    assert SigningKey.objects.get(unit=office.home_affairs).active

    # A scanned letter: read, confirm, register.
    [(truth, data)] = make_scans(1, seed=11)
    scan = tmp_path / "quet.pdf"
    scan.write_bytes(data)
    page.get_by_role("link", name="Đọc văn bản quét").click()
    page.wait_for_load_state("networkidle")
    check_page(page)
    page.get_by_label("Tệp quét (PDF)").set_input_files(str(scan))
    # OCR runs in the request (seconds a page); a busy CI machine needs more than 30 s.
    page.get_by_role("button", name="Đọc tệp quét").click(timeout=180_000)
    page.wait_for_load_state("networkidle", timeout=180_000)
    assert page.get_by_label("Trích yếu nội dung").input_value() == truth.subject
    assert page.get_by_label("Ký hiệu").input_value() == truth.notation
    check_page(page)
    # The suggestions are on the registration form itself, each marked as one to check.
    assert "/documents/incoming/new/" in page.url
    assert page.get_by_test_id("scan-suggestions").is_visible()
    hint = page.locator("#id_subject_helptext").inner_text()
    assert "Gợi ý từ bản quét, độ tin cậy" in hint
    page.get_by_label("Cơ quan ban hành", exact=True).fill(truth.issuer)
    page.get_by_role("button", name="Vào sổ", exact=True).click()
    page.wait_for_load_state("networkidle")
    assert "Đã vào sổ văn bản đến" in page.get_by_role("status").inner_text()
    document = IncomingDocument.objects.get()
    assert (document.code_number, document.issuer_name) == (truth.number, truth.issuer)
    check_page(page)
