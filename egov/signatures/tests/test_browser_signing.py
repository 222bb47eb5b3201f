"""The two signatures in real Chromium: the director signs the approved text (a wrong
password refused first), the clerk numbers and issues it, then applies the organisation's
signature, downloads the sealed PDF and signs an electronic copy of it; the clerk of a
commune registers that PDF as an incoming document and reads "valid, signed by …". axe-core
runs on every page, and on a 375px-wide phone nothing scrolls sideways."""

import pytest

from egov.documents.actions.copies import make_copy
from egov.documents.models import IncomingDocument, OutgoingDocument
from egov.documents.tests.test_browser_incoming import DESKTOP, check_page, log_out
from egov.lib.testing.browser import log_in
from egov.organisations.testing import PERSONA_PASSWORD
from egov.signatures.choices import Outcome
from egov.signatures.models import Signature
from egov.signatures.testing import PASSWORD, organisation_key, personal_key
from egov.signatures.tests.helpers import approved

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def status_text(page):
    return page.get_by_role("status").inner_text()


def test_the_signer_signs_the_clerk_seals_and_the_recipient_sees_it_valid(
    page, office, pki, tmp_path
):
    personal_key(office.leader, pki)
    organisation_key(office.clerk, office.home_affairs, pki)
    document = approved(office)
    page.set_viewport_size(DESKTOP)

    # The director signs; a wrong password is refused first and nothing is signed.
    log_in(page, "leader", PERSONA_PASSWORD)
    page.goto(f"/documents/outgoing/{document.pk}/")
    panel = page.get_by_test_id("signature-panel")
    assert "Chưa ký số" in panel.inner_text()
    check_page(page)
    panel.get_by_label("Mã PIN hoặc mật khẩu khóa ký số").fill("sai-mat-khau")
    panel.get_by_role("button", name="Ký số văn bản").click()
    page.wait_for_load_state("networkidle")
    assert "Mật khẩu của tệp khóa không đúng." in page.locator("main").inner_text()
    assert not Signature.objects.exists()
    panel = page.get_by_test_id("signature-panel")
    panel.get_by_label("Mã PIN hoặc mật khẩu khóa ký số").fill(PASSWORD)
    panel.get_by_role("button", name="Ký số văn bản").click()
    page.wait_for_load_state("networkidle")
    assert "Đã ký số văn bản." in status_text(page)
    assert "Đã ký số: Nguyễn Văn Lãnh" in page.get_by_test_id("signer-signature").inner_text()
    check_page(page)
    log_out(page)

    # The clerk numbers and issues it, then signs for the organisation.
    log_in(page, "clerk", PERSONA_PASSWORD)
    page.goto(f"/documents/outgoing/{document.pk}/")
    issue = page.locator("#issue")
    issue.get_by_label("Sở Tài chính").check()
    issue.get_by_role("button", name="Cấp số và phát hành").click()
    page.wait_for_load_state("networkidle")
    assert "Đã cấp số 01/SNV-CCVC" in status_text(page)
    panel = page.get_by_test_id("signature-panel")
    panel.get_by_label("Mã PIN hoặc mật khẩu khóa ký số").fill(PASSWORD)
    panel.get_by_role("button", name="Ký số của cơ quan").click()
    page.wait_for_load_state("networkidle")
    assert "Đã ký số của cơ quan" in status_text(page)
    assert (
        "Đã ký số của cơ quan: Phạm Thị Thư"
        in page.get_by_test_id("organisation-signature").inner_text()
    )
    check_page(page)
    with page.expect_download() as download:
        page.get_by_test_id("organisation-signature").get_by_role("link").first.click()
    sealed = tmp_path / "cong-van-da-ky.pdf"
    download.value.save_as(sealed)

    # ... and an electronic copy of it (sao y), signed with the copy's own line.
    make_copy(
        actor=office.clerk,
        unit=office.home_affairs,
        form="SY",
        outgoing=OutgoingDocument.objects.get(pk=document.pk),
    )
    page.reload()
    copies = page.get_by_test_id("copy-seal-panel")
    copies.get_by_label("Mã PIN hoặc mật khẩu khóa ký số").fill(PASSWORD)
    copies.get_by_role("button", name="Ký số bản sao").click()
    page.wait_for_load_state("networkidle")
    assert "Đã ký số bản sao điện tử." in status_text(page)
    assert ".sy-01.pdf" in page.get_by_test_id("copy-seal-panel").inner_text()
    check_page(page)
    log_out(page)

    # The commune's clerk registers the sealed PDF and reads the verdict.
    log_in(page, "communeclerk", PERSONA_PASSWORD)
    page.goto("/documents/incoming/new/")
    page.get_by_label("Loại văn bản").select_option(label="Công văn")
    page.get_by_label("Số", exact=True).fill("01")
    page.get_by_label("Ký hiệu").fill("SNV-CCVC")
    page.get_by_label("Cơ quan ban hành", exact=True).fill("Sở Nội vụ")
    page.get_by_label("Trích yếu nội dung").fill("Về việc tuyển dụng công chức năm 2026")
    page.get_by_label("Điện tử (tải lên)").check()
    page.get_by_label("Tệp văn bản").set_input_files(str(sealed))
    page.get_by_role("button", name="Vào sổ", exact=True).click()
    page.wait_for_load_state("networkidle")
    assert "Đã vào sổ văn bản đến" in status_text(page)
    verdict = page.get_by_test_id("verification-panel").inner_text()
    assert "Chữ ký số hợp lệ, ký bởi Nguyễn Văn Ký, UBND tỉnh thử nghiệm." in verdict
    check_page(page)
    received = IncomingDocument.objects.get()
    assert received.signature_checks.get().outcome == Outcome.VALID
