"""The incoming list in real Chromium: a document whose signed PDF was altered after signing
carries the "Chữ ký số không đạt" badge on its row, which links to the document; axe-core on
the list, and nothing scrolls sideways on a 375px phone."""

import pytest

from egov.documents.tests.test_browser_incoming import DESKTOP, check_page
from egov.lib.testing.browser import log_in
from egov.organisations.testing import PERSONA_PASSWORD
from egov.signatures.tests.test_incoming_list_flag import altered, received
from egov.signatures.tests.test_verify import signed_by

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_the_clerk_sees_the_failing_signature_flag_on_the_incoming_list(page, office, pki):
    received(office, "Về việc văn bản ký hợp lệ", signed_by(pki))
    received(office, "Về việc văn bản bị sửa sau khi ký", altered(pki))
    page.set_viewport_size(DESKTOP)
    log_in(page, "clerk", PERSONA_PASSWORD)
    page.get_by_role("link", name="Văn bản đến", exact=True).first.click()
    page.wait_for_load_state("networkidle")
    flagged = page.get_by_role("row").filter(has_text="Về việc văn bản bị sửa sau khi ký")
    assert flagged.locator(".badge--flag").inner_text() == "Chữ ký số không đạt"
    valid = page.get_by_role("row").filter(has_text="Về việc văn bản ký hợp lệ")
    assert valid.locator(".badge--flag").count() == 0
    check_page(page)
    flagged.get_by_role("link", name="Về việc văn bản bị sửa sau khi ký").click()
    page.wait_for_load_state("networkidle")
    assert "không hợp lệ" in page.locator("#kiem-tra-chu-ky").inner_text().lower()
