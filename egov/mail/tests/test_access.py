"""Only system administrators and unit administrators (in their scope) manage mailboxes;
an owner sets the password of their own mailbox. Everything else answers 404."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from egov.mail import actions
from egov.mail.choices import ChangeState, MailboxState
from egov.mail.models import Mailbox, MailboxChange
from egov.organisations import actions as org_actions
from egov.organisations.testing import person_of

DAY = dt.date(2026, 3, 2)


@pytest.fixture
def finance_change(world):
    person = org_actions.hire_person(
        actor=world.admin, full_name="Đinh Văn Tài", unit=world.finance, effective_date=DAY
    )
    return MailboxChange.objects.get(mailbox__person=person)


@pytest.fixture
def snv_change(world):
    person = org_actions.hire_person(
        actor=world.admin,
        full_name="Đoàn Thị Nội",
        unit=world.civil_service_division,
        effective_date=DAY,
    )
    return MailboxChange.objects.get(mailbox__person=person)


def test_a_unit_administrator_approves_inside_the_scope_only(world, finance_change, snv_change):
    actions.approve_change(actor=world.unit_admin, change=snv_change)
    snv_change.refresh_from_db()
    assert snv_change.state == ChangeState.APPLIED
    with pytest.raises(PermissionDenied):
        actions.approve_change(actor=world.unit_admin, change=finance_change)
    with pytest.raises(PermissionDenied):
        actions.reject_change(actor=world.leader, change=snv_change, note="x")


def test_only_administrators_provision_shared_mailboxes(world):
    with pytest.raises(PermissionDenied):
        actions.provision_shared_mailbox(
            actor=world.clerk, unit=world.home_affairs, local_part="snv"
        )
    with pytest.raises(PermissionDenied):
        actions.provision_shared_mailbox(
            actor=world.unit_admin, unit=world.finance, local_part="stc"
        )
    actions.provision_shared_mailbox(
        actor=world.unit_admin, unit=world.home_affairs, local_part="snv"
    )
    assert Mailbox.objects.filter(address="snv@angiang.gov.vn").exists()


@pytest.mark.parametrize(
    ("persona", "status"),
    [("admin", 200), ("unit_admin", 200), ("leader", 404), ("outsider", 404), ("citizen", 404)],
)
def test_the_lists_are_for_administrators(world, client_for, persona, status):
    client = client_for(getattr(world, persona))
    assert client.get(reverse("mail:mailboxes")).status_code == status
    assert client.get(reverse("mail:changes")).status_code == status


def test_anonymous_visitors_are_sent_to_login(client):
    response = client.get(reverse("mail:changes"))
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_the_unit_administrator_sees_only_the_changes_of_the_scope(
    world, client_for, finance_change, snv_change
):
    page = client_for(world.unit_admin).get(reverse("mail:changes")).content.decode()
    assert snv_change.mailbox.address in page
    assert finance_change.mailbox.address not in page
    page = client_for(world.admin).get(reverse("mail:changes")).content.decode()
    assert finance_change.mailbox.address in page


def test_approving_outside_the_scope_is_404_and_changes_nothing(world, client_for, finance_change):
    response = client_for(world.unit_admin).post(reverse("mail:approve", args=[finance_change.pk]))
    assert response.status_code == 404
    finance_change.refresh_from_db()
    assert finance_change.state == ChangeState.PENDING


def test_approving_through_the_screen_applies_the_change(world, client_for, snv_change):
    response = client_for(world.unit_admin).post(reverse("mail:approve", args=[snv_change.pk]))
    assert response.status_code == 302
    snv_change.mailbox.refresh_from_db()
    assert snv_change.mailbox.state == MailboxState.ACTIVE
    page = client_for(world.unit_admin).get(reverse("mail:mailboxes")).content.decode()
    assert snv_change.mailbox.address in page
    assert "Đang hoạt động" in page


def test_rejecting_through_the_screen_records_the_reason(world, client_for, snv_change):
    client_for(world.unit_admin).post(
        reverse("mail:reject", args=[snv_change.pk]), {"note": "Trùng hồ sơ"}
    )
    snv_change.refresh_from_db()
    assert snv_change.state == ChangeState.REJECTED


def test_an_owner_sets_the_own_password_and_nobody_else_without_rights(world, client_for, settings):
    settings.EGOV_MAIL_REVIEW_CHANGES = False
    person = org_actions.hire_person(
        actor=world.admin,
        full_name="Cao Văn Chủ",
        unit=world.finance,
        effective_date=DAY,
        user=None,
    )
    org_actions.link_user(actor=world.admin, person=person, user=world.citizen)
    mailbox = Mailbox.objects.get(person=person)
    url = reverse("mail:password", args=[mailbox.pk])
    assert client_for(world.outsider).get(url).status_code == 404
    assert client_for(world.unit_admin).get(url).status_code == 404
    owner = client_for(world.citizen)
    weak = owner.post(url, {"password": "ngan", "password2": "ngan"})
    assert weak.status_code == 400
    assert "ít nhất 12 ký tự" in weak.content.decode()
    ok = owner.post(url, {"password": "Song-Nuoc-2026!", "password2": "Song-Nuoc-2026!"})
    assert ok.status_code == 302
    mailbox.refresh_from_db()
    assert mailbox.password_set_at is not None


def test_a_personas_mailbox_is_named_after_the_recorded_address(world):
    assert Mailbox.objects.get(person=person_of(world.clerk)).address == "clerk@angiang.gov.vn"
    # "admin" is reserved for the mail system: the convention's proposal instead.
    assert Mailbox.objects.get(person=person_of(world.admin)).address == "tritq@angiang.gov.vn"
