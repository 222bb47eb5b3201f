"""The staff register's events become reviewed mailbox changes; applying them moves the
mailbox and the server's tables."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from egov.lib.errors import ActionError
from egov.mail import actions, passwords
from egov.mail.choices import AliasKind, ChangeKind, ChangeState, MailboxState
from egov.mail.models import (
    Alias,
    Mailbox,
    MailboxArchive,
    MailboxChange,
    VirtualAlias,
    VirtualUser,
)
from egov.organisations import actions as org_actions
from egov.organisations.choices import StaffEventKind, UnitKind
from egov.organisations.testing import person_of

DAY = dt.date(2026, 3, 2)


def _hire(world, name, unit, **extra):
    return org_actions.hire_person(
        actor=world.admin, full_name=name, unit=unit, effective_date=DAY, **extra
    )


def test_hiring_reserves_an_address_and_waits_for_review(world):
    person = _hire(world, "Nguyễn Văn Lãnh", world.home_affairs)
    mailbox = Mailbox.objects.get(person=person)
    assert mailbox.address == "lanhnv@angiang.gov.vn"
    assert mailbox.state == MailboxState.PENDING
    change = MailboxChange.objects.get(mailbox=mailbox)
    assert (change.kind, change.state) == (ChangeKind.PROVISION, ChangeState.PENDING)
    assert [(t.from_state, t.to_state) for t in change.transitions.all()] == [("", "pending")]
    assert not VirtualUser.objects.filter(address=mailbox.address).exists()


def test_a_second_official_of_the_same_name_gets_a_numbered_address(world):
    _hire(world, "Nguyễn Văn Lãnh", world.home_affairs)
    second = _hire(world, "Nguyễn Văn Lãnh", world.finance)
    assert Mailbox.objects.get(person=second).address == "lanhnv2@angiang.gov.vn"


def test_a_recorded_official_address_on_the_domain_is_kept(world):
    person = _hire(world, "Trần Thị B", world.finance, email="tranthib@angiang.gov.vn")
    assert Mailbox.objects.get(person=person).address == "tranthib@angiang.gov.vn"


def test_approval_applies_the_change_on_the_server(world, approve_all):
    person = _hire(world, "Võ Văn Kiệt", world.finance)
    change = MailboxChange.objects.get(mailbox__person=person)
    actions.approve_change(actor=world.admin, change=change)
    change.refresh_from_db()
    mailbox = change.mailbox
    mailbox.refresh_from_db()
    assert change.state == ChangeState.APPLIED
    assert change.decided_by == world.admin
    assert [t.to_state for t in change.transitions.all()] == ["pending", "applied"]
    assert mailbox.state == MailboxState.ACTIVE
    assert mailbox.activated_at is not None
    server = VirtualUser.objects.get(address=mailbox.address)
    assert server.active
    assert server.maildir == "angiang.gov.vn/kietvv/"
    assert server.password == ""  # no login until a password is set


def test_without_review_changes_apply_at_once(world, settings):
    settings.EGOV_MAIL_REVIEW_CHANGES = False
    person = _hire(world, "Đỗ Thị Mai", world.finance)
    mailbox = Mailbox.objects.get(person=person)
    assert mailbox.state == MailboxState.ACTIVE
    assert VirtualUser.objects.get(address=mailbox.address).active


def test_changes_of_one_mailbox_apply_in_order(world):
    person = _hire(world, "Hồ Văn An", world.finance)
    org_actions.end_employment(
        actor=world.admin,
        person=person,
        kind=StaffEventKind.LEAVE,
        effective_date=DAY.replace(day=9),
    )
    suspend = MailboxChange.objects.get(mailbox__person=person, kind=ChangeKind.SUSPEND)
    with pytest.raises(ActionError) as error:
        actions.approve_change(actor=world.admin, change=suspend)
    assert error.value.code == "earlier_change_pending"
    assert "trước" in error.value.messages[0]


def test_a_transfer_moves_the_mailbox_changes_group_lists_and_adds_a_forward(
    world, approve_all, settings
):
    settings.EGOV_MAIL_FORWARD_DAYS = 30
    actions.provision_shared_mailbox(actor=world.admin, unit=world.home_affairs, local_part="snv")
    snv_group = actions.create_group_alias(
        actor=world.admin, unit=world.home_affairs, local_part="canbo.snv"
    )
    stc_group = actions.create_group_alias(
        actor=world.admin, unit=world.finance, local_part="canbo.stc"
    )
    person = _hire(world, "Phan Minh Trí", world.civil_service_division)
    approve_all()
    address = "tripm@angiang.gov.vn"
    assert address in VirtualAlias.objects.get(ref=f"alias:{snv_group.pk}").goto

    org_actions.transfer_person(
        actor=world.admin, person=person, unit=world.finance, effective_date=DAY.replace(month=4)
    )
    change = MailboxChange.objects.get(mailbox__person=person, kind=ChangeKind.TRANSFER)
    assert change.from_unit == world.civil_service_division
    assert change.to_unit == world.finance
    approve_all()

    mailbox = Mailbox.objects.get(person=person)
    assert mailbox.address == address
    assert mailbox.unit == world.finance
    assert address not in VirtualAlias.objects.get(ref=f"alias:{snv_group.pk}").goto
    assert address in VirtualAlias.objects.get(ref=f"alias:{stc_group.pk}").goto
    forward = Alias.objects.get(kind=AliasKind.FORWARD, mailbox=mailbox)
    assert forward.forward_to is not None
    assert forward.forward_to.address == "snv@angiang.gov.vn"
    assert forward.unit == world.home_affairs
    expected_end = timezone.now() + dt.timedelta(days=30)
    assert forward.valid_until is not None
    assert abs((forward.valid_until - expected_end).total_seconds()) < 60
    server = VirtualAlias.objects.get(ref=f"alias:{forward.pk}")
    assert server.goto.split(",") == [address, "snv@angiang.gov.vn"]
    assert server.valid_until == forward.valid_until


def test_a_change_of_post_in_the_same_unit_leaves_the_mailbox_alone(world, approve_all):
    person = person_of(world.clerk)
    approve_all()
    assert person.unit is not None
    org_actions.transfer_person(
        actor=world.admin,
        person=person,
        unit=person.unit,
        title="Văn thư chính",
        effective_date=DAY,
    )
    assert not MailboxChange.objects.filter(kind=ChangeKind.TRANSFER).exists()


def test_retirement_suspends_then_the_retention_period_ends_in_removal(
    world, approve_all, settings
):
    settings.EGOV_MAIL_RETENTION_DAYS = 90
    person = _hire(world, "Lê Văn Tám", world.finance)
    approve_all()
    retired_on = DAY.replace(month=6)
    org_actions.end_employment(
        actor=world.admin, person=person, kind=StaffEventKind.RETIRE, effective_date=retired_on
    )
    approve_all()
    mailbox = Mailbox.objects.get(person=person)
    assert mailbox.state == MailboxState.SUSPENDED
    assert mailbox.remove_after == retired_on + dt.timedelta(days=90)
    server = VirtualUser.objects.get(address=mailbox.address)
    assert not server.active
    assert server.nologin_reason

    assert (
        actions.request_removals_due(actor=None, today=mailbox.remove_after - dt.timedelta(days=1))
        == []
    )
    due = actions.request_removals_due(actor=None, today=mailbox.remove_after)
    assert [c.mailbox for c in due] == [mailbox]
    # The content was exported first (test_retention.py exports a real one).
    MailboxArchive.objects.create(
        mailbox=mailbox, content="mail/archive/x.tar.gz", sha256="0" * 64, size=1, messages=0
    )
    approve_all()
    mailbox.refresh_from_db()
    assert mailbox.state == MailboxState.REMOVED
    assert mailbox.removed_at is not None
    assert not VirtualUser.objects.filter(address=mailbox.address).exists()


def test_leave_suspends_without_removal_date_and_return_reactivates(world, approve_all):
    person = _hire(world, "Mai Văn Hè", world.finance)
    approve_all()
    org_actions.end_employment(
        actor=world.admin,
        person=person,
        kind=StaffEventKind.LEAVE,
        effective_date=DAY.replace(month=4),
    )
    approve_all()
    mailbox = Mailbox.objects.get(person=person)
    assert (mailbox.state, mailbox.remove_after) == (MailboxState.SUSPENDED, None)
    org_actions.return_from_leave(
        actor=world.admin, person=person, effective_date=DAY.replace(month=5)
    )
    approve_all()
    mailbox.refresh_from_db()
    assert mailbox.state == MailboxState.ACTIVE
    assert VirtualUser.objects.get(address=mailbox.address).active


def test_the_password_reaches_the_server_only_as_a_dovecot_argon2_hash(world, approve_all):
    person = _hire(world, "Ngô Thị Lan", world.finance)
    approve_all()
    mailbox = Mailbox.objects.get(person=person)
    actions.set_mailbox_password(actor=world.admin, mailbox=mailbox, password="Bau-Troi-Xanh-2026")
    stored = VirtualUser.objects.get(address=mailbox.address).password
    assert stored.startswith("{ARGON2ID}$argon2id$v=19$m=65536,t=3,p=1$")
    assert "Bau-Troi-Xanh-2026" not in stored
    assert passwords.verify(stored, "Bau-Troi-Xanh-2026")
    assert not passwords.verify(stored, "Bau-Troi-Xanh-2027")
    mailbox.refresh_from_db()
    assert mailbox.password_set_at is not None
    assert not any(f.name == "password" for f in Mailbox._meta.get_fields())


def test_rejecting_needs_a_reason_and_records_it(world):
    person = _hire(world, "Lý Thị Hoa", world.finance)
    change = MailboxChange.objects.get(mailbox__person=person)
    with pytest.raises(ActionError) as error:
        actions.reject_change(actor=world.admin, change=change, note="  ")
    assert error.value.code == "reason_required"
    actions.reject_change(actor=world.admin, change=change, note="Sai họ tên")
    change.refresh_from_db()
    assert change.state == ChangeState.REJECTED
    assert [t.note for t in change.transitions.all()][-1] == "Sai họ tên"


def test_a_transfer_to_a_unit_that_no_longer_exists_is_refused_and_the_mailbox_stays(
    world, approve_all
):
    person = _hire(world, "Đoàn Thị Hạnh", world.civil_service_division)
    approve_all()
    before = (MailboxChange.objects.count(), Mailbox.objects.get(person=person).unit_id)
    board = org_actions.create_unit(
        actor=None,
        parent=world.province,
        name="Ban Quản lý dự án đầu tư xây dựng",
        kind=UnitKind.AGENCY,
        valid_from=DAY.replace(month=1),
        abbreviation="BQLDA",
        skip_access_check=True,
    )
    org_actions.dissolve_unit(
        actor=world.admin,
        unit=board,
        effective_date=DAY.replace(month=3, day=20),
        skip_access_check=True,
    )

    with pytest.raises(ActionError) as refused:
        org_actions.transfer_person(
            actor=world.admin, person=person, unit=board, effective_date=DAY.replace(month=4)
        )

    assert refused.value.code == "unit_dissolved"
    assert "đã giải thể hoặc sáp nhập" in str(refused.value)
    assert (MailboxChange.objects.count(), Mailbox.objects.get(person=person).unit_id) == before
