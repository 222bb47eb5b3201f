"""Staff changes in real Chromium: an administrator passes the TOTP step, records a transfer
(a refused date first), with axe-core on every page."""

import pytest

from egov.lib.testing.browser import assert_accessible, give_totp_device, log_in
from egov.organisations import actions
from egov.organisations.choices import UnitKind
from egov.organisations.models import Employment
from egov.organisations.testing import PERSONA_PASSWORD, START, person_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_administrator_passes_the_totp_step_at_each_login(page, world):
    give_totp_device(world.admin)
    for _ in range(2):  # the second login reuses no code the device has already accepted
        log_in(page, "admin", PERSONA_PASSWORD)
        assert page.url.endswith("/")
        assert page.get_by_role("button", name="Đăng xuất").is_visible()
        page.get_by_role("button", name="Đăng xuất").click()
        page.wait_for_load_state("networkidle")


def test_a_unit_administrator_transfers_a_specialist_after_fixing_the_date(page, world):
    staffing = actions.create_unit(
        actor=world.admin,
        parent=world.home_affairs,
        name="Phòng Tổ chức, biên chế",
        kind=UnitKind.DIVISION,
        valid_from=START,
    )
    specialist = person_of(world.specialist)
    give_totp_device(world.unit_admin)
    log_in(page, "unitadmin", PERSONA_PASSWORD)

    page.goto(f"/org/staff/{specialist.pk}/")
    assert page.get_by_role("heading", level=1).inner_text() == "Võ Minh Chuyên"
    assert_accessible(page)

    form = page.locator("#staff-event")
    form.get_by_label("Điều động, luân chuyển").check()
    form.get_by_label("Đơn vị chuyển đến").select_option(label="Phòng Tổ chức, biên chế")
    form.get_by_label("Ngày hiệu lực").fill("2020-01-01")
    form.get_by_label("Căn cứ").fill("125/QĐ-SNV")
    form.get_by_role("button", name="Ghi nhận biến động").click()

    summary = page.get_by_role("alert")
    assert "Chưa ghi nhận được biến động" in summary.inner_text()
    assert "phải sau ngày bắt đầu công tác hiện tại (01/01/2020)" in summary.inner_text()
    assert_accessible(page)
    summary.get_by_role("link").first.click()
    assert page.evaluate("document.activeElement.id") == "id_event-effective_date"
    # The choices made before the refusal are kept.
    assert form.get_by_label("Điều động, luân chuyển").is_checked()
    assert form.get_by_label("Căn cứ").input_value() == "125/QĐ-SNV"

    form.get_by_label("Ngày hiệu lực").fill("2025-07-01")
    form.get_by_role("button", name="Ghi nhận biến động").click()
    status = page.get_by_role("status")
    assert (
        "Đã ghi nhận điều động Võ Minh Chuyên sang Phòng Tổ chức, biên chế từ ngày 01/07/2025."
        in status.inner_text()
    )
    history = page.get_by_role("table").first
    assert "Phòng Tổ chức, biên chế" in history.inner_text()
    assert_accessible(page)

    current = Employment.objects.get(person=specialist, valid_to__isnull=True)
    assert current.unit == staffing
