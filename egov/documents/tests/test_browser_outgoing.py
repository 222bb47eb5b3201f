"""An outgoing document's whole life in real Chromium: a specialist drafts a reply with a PDF,
submits it to the head of division then the director as signer; the head returns it with a
comment; version 2 goes round again; both approve; the clerk issues it to a unit and sees its
number. axe-core runs on every page, and a 375px-wide phone never scrolls sideways."""

import pytest

from egov.documents.models import OutgoingDocument
from egov.documents.testing import make_pdf
from egov.documents.tests.test_views_outgoing import assigned_to_specialist
from egov.lib.testing.browser import assert_accessible, log_in
from egov.organisations.testing import PERSONA_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SUBJECT = "Về việc báo cáo biên chế công chức năm 2025"
PHONE = {"width": 375, "height": 800}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def check_page(page):
    """axe on the page as it is, then the same page on a phone: no sideways scrolling."""
    assert_accessible(page)
    page.set_viewport_size(PHONE)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px at 375px"
    page.set_viewport_size(DESKTOP)


def log_out(page):
    page.get_by_role("button", name="Đăng xuất").click()
    page.wait_for_load_state("networkidle")


def open_document(page, username, document):
    log_in(page, username, PERSONA_PASSWORD)
    page.goto(f"/documents/outgoing/{document.pk}/")
    assert page.get_by_role("heading", level=1).inner_text() == SUBJECT


def test_a_reply_is_drafted_returned_revised_approved_and_issued(page, office, tmp_path):
    incoming = assigned_to_specialist(office)
    first = tmp_path / "du-thao-v1.pdf"
    first.write_bytes(make_pdf("Bao cao bien che - du thao 1"))
    second = tmp_path / "du-thao-v2.pdf"
    second.write_bytes(make_pdf("Bao cao bien che - du thao 2"))
    page.set_viewport_size(DESKTOP)

    # The specialist drafts the reply.
    log_in(page, "specialist", PERSONA_PASSWORD)
    page.goto("/documents/outgoing/")
    check_page(page)
    page.goto(f"/documents/outgoing/new/?reply_to={incoming.pk}")
    check_page(page)
    assert page.get_by_label("Trả lời văn bản đến").input_value() == str(incoming.pk)
    doc_type = page.get_by_label("Loại văn bản", exact=True)
    legal = page.get_by_label("Là văn bản quy phạm pháp luật")
    doc_type.select_option(label="Quyết định")
    assert legal.is_visible()  # offered only for the types that may be legal-normative
    doc_type.select_option(label="Công văn")
    assert not legal.is_visible()
    page.get_by_label("Trích yếu nội dung").fill(SUBJECT)
    page.get_by_label("Tệp dự thảo").set_input_files(str(first))
    page.get_by_role("button", name="Tạo dự thảo").click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_role("heading", level=1).inner_text() == SUBJECT
    assert "Đã tạo dự thảo, phiên bản 1." in page.get_by_role("status").inner_text()
    document = OutgoingDocument.objects.get()
    assert document.in_reply_to == incoming
    check_page(page)

    # ... and submits it: the head of division, then the director signs.
    submit = page.locator("#submit")
    submit.get_by_label("Người cho ý kiến thứ 1").select_option(str(office.division_head.pk))
    submit.get_by_label("Người ký").select_option(str(office.leader.pk))
    submit.get_by_role("button", name="Trình duyệt").click()
    page.wait_for_load_state("networkidle")
    assert "đang chờ ý kiến của Bùi Văn Trưởng" in page.get_by_role("status").inner_text()
    log_out(page)

    # The head returns it; a return without a comment is refused first.
    open_document(page, "divhead", document)
    review = page.locator("#review")
    review.get_by_label("Trả lại người soạn thảo để sửa").check()
    review.get_by_role("button", name="Gửi ý kiến").click()
    page.wait_for_load_state("networkidle")
    summary = page.get_by_role("alert")
    assert "Hãy ghi ý kiến khi trả lại dự thảo." in summary.inner_text()
    check_page(page)
    summary.get_by_role("link").first.click()
    assert page.evaluate("document.activeElement.id") == "id_review-comment"
    page.locator("#review").get_by_label("Ý kiến", exact=True).fill(
        "Bổ sung số liệu biên chế giao năm 2025"
    )
    page.locator("#review").get_by_role("button", name="Gửi ý kiến").click()
    page.wait_for_load_state("networkidle")
    assert "Đã trả lại dự thảo" in page.get_by_role("status").inner_text()
    log_out(page)

    # The specialist reads the comment, uploads version 2 and resubmits the same chain.
    open_document(page, "specialist", document)
    assert "Bổ sung số liệu biên chế giao năm 2025" in page.locator("main").inner_text()
    version = page.locator("#add-version")
    version.get_by_label("Tệp dự thảo").set_input_files(str(second))
    version.get_by_label("Nội dung thay đổi").fill("Đã bổ sung số liệu")
    version.get_by_role("button", name="Thêm phiên bản").click()
    page.wait_for_load_state("networkidle")
    assert "Đã thêm phiên bản 2 của dự thảo." in page.get_by_role("status").inner_text()
    submit = page.locator("#submit")
    assert submit.get_by_label("Người ký").input_value() == str(office.leader.pk)
    submit.get_by_role("button", name="Trình duyệt").click()
    page.wait_for_load_state("networkidle")
    log_out(page)

    # The head approves version 2, the director approves it for signature.
    for username, choice in [
        ("divhead", "Đồng ý, chuyển bước sau"),
        ("leader", "Đồng ý, duyệt ký ban hành"),
    ]:
        open_document(page, username, document)
        review = page.locator("#review")
        assert "Đang xem xét phiên bản 2." in review.inner_text()
        check_page(page)
        review.get_by_label(choice).check()
        review.get_by_role("button", name="Gửi ý kiến").click()
        page.wait_for_load_state("networkidle")
        assert "Đã ghi ý kiến đồng ý." in page.get_by_role("status").inner_text()
        log_out(page)

    # The clerk issues it to the Department of Finance and sees its number.
    open_document(page, "clerk", document)
    issue = page.locator("#issue")
    assert "Loại “Công văn”: Chỉ gửi điện tử." in issue.inner_text()
    check_page(page)
    issue.get_by_label("Sở Tài chính").check()
    issue.get_by_role("button", name="Cấp số và phát hành").click()
    page.wait_for_load_state("networkidle")
    assert "Đã cấp số 01/SNV-CCVC và phát hành văn bản." in page.get_by_role("status").inner_text()
    assert page.get_by_test_id("notation").inner_text() == "Số: 01/SNV-CCVC"
    assert "Sở Tài chính" in page.locator("main").inner_text()
    check_page(page)

    document.refresh_from_db()
    assert document.number_and_notation == "01/SNV-CCVC"
    assert [v.number for v in document.versions.all()] == [1, 2]
    assert document.review_steps.filter(round=1, decision="returned").count() == 1
    assert document.review_steps.filter(round=2, decision="approved").count() == 2

    # The search page finds it without diacritics.
    page.goto("/documents/search/?kind=outgoing&q=bao+cao+bien+che")
    assert SUBJECT in page.locator("main").inner_text()
    check_page(page)
