"""Reconciliation report: the platform's mailbox records against the tables Postfix and
Dovecot read; each difference's fix is a reviewed *resync* change."""

from __future__ import annotations

import datetime as dt
import imaplib
import smtplib
import uuid
from email.message import EmailMessage

import pytest
from django.urls import reverse

from egov.lib.errors import ActionError
from egov.mail import actions
from egov.mail.choices import ChangeKind, ChangeState, MailboxState, ResyncProblem
from egov.mail.models import Mailbox, MailboxChange, VirtualUser
from egov.mail.reconcile import discrepancies_for
from egov.organisations import actions as org_actions
from egov.organisations.choices import StaffEventKind

DAY = dt.date(2026, 3, 2)
PASSWORD = "Thu-Cong-Vu-2026!"


def _hire(world, name, unit):
    person = org_actions.hire_person(
        actor=world.admin, full_name=name, unit=unit, effective_date=DAY
    )
    return Mailbox.objects.get(person=person)


def _approve(box):
    for change in MailboxChange.objects.pending().filter(mailbox=box).order_by("pk"):
        actions.approve_change(actor=None, change=change, skip_access_check=True)
    box.refresh_from_db()
    return box


def _drifted_world(world):
    """Four mailboxes whose server rows someone changed by hand, and a stray server row."""
    missing = _approve(_hire(world, "Trần Văn Mất", world.home_affairs))
    locked = _approve(_hire(world, "Lê Thị Khóa", world.home_affairs))
    suspended = _approve(_hire(world, "Võ Văn Nghỉ", world.finance))
    org_actions.end_employment(
        actor=world.admin, person=suspended.person, kind=StaffEventKind.RETIRE,
        effective_date=DAY.replace(month=6),
    )  # fmt: skip
    suspended = _approve(suspended)
    pending = _hire(world, "Đỗ Văn Chờ", world.finance)  # not approved: not on the server
    fine = _approve(_hire(world, "Ngô Thị Khớp", world.home_affairs))
    VirtualUser.objects.filter(address=missing.address).delete()
    VirtualUser.objects.filter(address=locked.address).update(active=False)
    VirtualUser.objects.filter(address=suspended.address).update(active=True)
    VirtualUser.objects.create(
        address=pending.address, domain="angiang.gov.vn", maildir="angiang.gov.vn/x/"
    )
    VirtualUser.objects.create(
        address="la@angiang.gov.vn", domain="angiang.gov.vn", maildir="angiang.gov.vn/la/"
    )
    return missing, locked, suspended, pending, fine


@pytest.mark.django_db
def test_the_report_names_each_difference_with_the_server(world):
    missing, locked, suspended, pending, fine = _drifted_world(world)
    found = {d.address: d for d in discrepancies_for(world.admin)}
    assert {address: d.problem for address, d in found.items()} == {
        missing.address: ResyncProblem.MISSING,
        locked.address: ResyncProblem.SHOULD_BE_ACTIVE,
        suspended.address: ResyncProblem.SHOULD_BE_SUSPENDED,
        pending.address: ResyncProblem.EXTRA,
        "la@angiang.gov.vn": ResyncProblem.UNKNOWN,
    }
    assert fine.address not in found
    # The pending mailbox's provisioning waits for review: no second change is offered.
    assert found[pending.address].pending and not found[pending.address].fixable
    assert found[missing.address].fixable
    assert not found["la@angiang.gov.vn"].fixable  # never ours: not removed from here


@pytest.mark.django_db
def test_an_agency_administrator_sees_only_the_agency_and_no_unknown_addresses(world):
    missing, locked, _suspended, _pending, _fine = _drifted_world(world)
    found = {d.address for d in discrepancies_for(world.unit_admin)}
    assert found == {missing.address, locked.address}


@pytest.mark.django_db
def test_a_fix_is_a_reviewed_change_that_makes_the_server_agree(world):
    missing, locked, suspended, _pending, _fine = _drifted_world(world)
    change = actions.request_resync(actor=world.admin, mailbox=missing)
    assert (change.kind, change.state, change.reason) == (
        ChangeKind.RESYNC,
        ChangeState.PENDING,
        ResyncProblem.MISSING,
    )
    assert not VirtualUser.objects.filter(address=missing.address).exists()  # not yet
    with pytest.raises(ActionError) as twice:
        actions.request_resync(actor=world.admin, mailbox=missing)
    assert twice.value.code == "change_pending"

    for box in (missing, locked, suspended):
        if box is not missing:
            actions.request_resync(actor=world.admin, mailbox=box)
        _approve(box)

    assert VirtualUser.objects.get(address=missing.address).active
    assert VirtualUser.objects.get(address=locked.address).active
    server = VirtualUser.objects.get(address=suspended.address)
    assert not server.active and server.nologin_reason
    assert suspended.state == MailboxState.SUSPENDED  # the record itself never moves
    left = {d.address for d in discrepancies_for(world.admin)}
    assert not left & {missing.address, locked.address, suspended.address}


@pytest.mark.django_db
def test_a_record_that_agrees_is_not_fixed(world):
    box = _approve(_hire(world, "Phạm Văn Đúng", world.home_affairs))
    with pytest.raises(ActionError) as consistent:
        actions.request_resync(actor=world.admin, mailbox=box)
    assert consistent.value.code == "already_consistent"
    assert not MailboxChange.objects.filter(kind=ChangeKind.RESYNC).exists()


@pytest.mark.django_db
def test_the_screen_lists_and_requests_fixes_for_its_administrators_only(world, client_for):
    missing, *_rest = _drifted_world(world)
    url = reverse("mail:reconcile")
    outsider = client_for(world.outsider)
    assert outsider.get(url).status_code == 404
    assert outsider.post(reverse("mail:request_fix", args=[missing.pk])).status_code == 404
    client = client_for(world.unit_admin)
    page = client.get(url).content.decode()
    assert missing.address in page and "la@angiang.gov.vn" not in page
    assert "Máy chủ thư không có hộp thư này" in page
    response = client.post(reverse("mail:request_fix", args=[missing.pk]))
    assert response.status_code == 302
    change = MailboxChange.objects.get(mailbox=missing, kind=ChangeKind.RESYNC)
    assert change.requested_by == world.unit_admin
    changes_page = client.get(reverse("mail:changes")).content.decode()
    assert "Đồng bộ lại máy chủ thư" in changes_page


def _send(stack, to):
    message = EmailMessage()
    message["From"] = "vanthu@example.org"
    message["To"] = to
    message["Subject"] = f"Đối chiếu {uuid.uuid4().hex}"
    message.set_content("Thư thử.")
    with smtplib.SMTP("127.0.0.1", stack.smtp_port, timeout=10) as smtp:
        smtp.send_message(message)


@pytest.mark.mail
@pytest.mark.django_db(transaction=True)
def test_postfix_and_dovecot_follow_the_fix(world, mail_stack):
    box = _approve(_hire(world, "Hồ Thị Đồng", world.home_affairs))
    actions.set_mailbox_password(actor=world.admin, mailbox=box, password=PASSWORD)
    VirtualUser.objects.filter(address=box.address).update(active=False)  # drift on the server
    with pytest.raises(smtplib.SMTPRecipientsRefused):
        _send(mail_stack, box.address)
    with pytest.raises(imaplib.IMAP4.error):
        imaplib.IMAP4("127.0.0.1", mail_stack.imap_port, timeout=10).login(box.address, PASSWORD)

    actions.request_resync(actor=world.admin, mailbox=box)
    _approve(box)

    _send(mail_stack, box.address)  # Postfix accepts it again
    client = imaplib.IMAP4("127.0.0.1", mail_stack.imap_port, timeout=10)
    client.login(box.address, PASSWORD)  # and the password the server kept still works
    client.logout()


@pytest.mark.django_db
def test_a_system_administrator_sees_changes_that_join_no_unit(world):
    from egov.mail import queries

    box = _approve(_hire(world, "Lý Văn Về", world.finance))
    org_actions.end_employment(
        actor=world.admin, person=box.person, kind=StaffEventKind.RETIRE,
        effective_date=DAY.replace(month=6),
    )  # fmt: skip
    suspend = MailboxChange.objects.get(mailbox=box, kind=ChangeKind.SUSPEND)
    assert suspend.to_unit is None
    assert suspend in queries.pending_changes_for(world.admin)
    assert suspend not in queries.pending_changes_for(world.unit_admin)  # Sở Tài chính


@pytest.mark.django_db
def test_the_report_reads_in_a_bounded_number_of_queries(world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _drifted_world(world)
    discrepancies_for(world.admin)  # the administrator's scope is cached after this
    with CaptureQueriesContext(connection) as few:
        small = discrepancies_for(world.admin)
    for n in range(6):
        box = _approve(_hire(world, f"Mai Văn Thêm {n}", world.finance))
        VirtualUser.objects.filter(address=box.address).delete()
    with CaptureQueriesContext(connection) as more:
        large = discrepancies_for(world.admin)
    assert len(large) == len(small) + 6
    assert len(more.captured_queries) == len(few.captured_queries) <= 4
