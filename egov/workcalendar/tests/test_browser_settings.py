"""An administrator sets up the working calendar and a document type, in real Chromium."""

import pytest

from egov.documents.models import DocumentType
from egov.lib.testing.browser import assert_accessible, give_totp_device, log_in
from egov.organisations.testing import PERSONA_PASSWORD
from egov.workcalendar.models import DayOverride

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_administrator_adds_a_working_saturday_and_edits_a_type(page, world):
    from egov.documents.actions.catalogue import ensure_document_types

    ensure_document_types()
    give_totp_device(world.admin)
    log_in(page, "admin", PERSONA_PASSWORD)
    page.get_by_role("link", name="Lịch làm việc").click()
    assert_accessible(page)
    page.get_by_role("button", name="Lưu điều chỉnh").click()
    assert page.get_by_role("alert").is_visible()  # the error summary
    assert_accessible(page)
    page.get_by_label("Ngày", exact=True).fill("2026-03-07")
    page.get_by_label("Ngày làm việc (làm bù)").check()
    page.get_by_label("Lý do").fill("Làm bù cho ngày nghỉ 02/01")
    page.get_by_role("button", name="Lưu điều chỉnh").click()
    assert page.get_by_role("cell", name="Làm bù cho ngày nghỉ 02/01").is_visible()
    assert DayOverride.objects.filter(is_working_day=True).count() == 1

    page.get_by_role("link", name="Loại văn bản").click()
    assert_accessible(page)
    page.get_by_role("link", name="Giấy mời").click()
    page.get_by_label("Gửi điện tử và bản giấy").check()
    assert_accessible(page)
    page.get_by_role("button", name="Lưu").click()
    assert page.get_by_text("Đã lưu loại văn bản “Giấy mời”.").is_visible()
    assert DocumentType.objects.get(code="giay-moi").delivery_rule == "parallel"
