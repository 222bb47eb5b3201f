"""End to end on real Postfix and Dovecot: the staff register drives what the servers accept.

The servers read the test database from their own connections, so these tests commit
(``transaction=True``)."""

from __future__ import annotations

import datetime as dt
import imaplib
import smtplib
import time
import uuid
from email.message import EmailMessage

import pytest

from egov.mail import actions
from egov.mail.models import Mailbox
from egov.organisations import actions as org_actions
from egov.organisations.choices import StaffEventKind

pytestmark = [pytest.mark.mail, pytest.mark.django_db(transaction=True)]

PASSWORD = "Thu-Cong-Vu-2026!"
DAY = dt.date(2026, 3, 2)


def _send(stack, to: str) -> str:
    token = uuid.uuid4().hex
    message = EmailMessage()
    message["From"] = "vanthu@example.org"
    message["To"] = to
    message["Subject"] = f"Giấy mời họp {token}"
    message.set_content("Kính mời đồng chí dự họp.")
    with smtplib.SMTP("127.0.0.1", stack.smtp_port, timeout=10) as smtp:
        smtp.send_message(message)
    return token


def _imap(stack, address: str, password: str) -> imaplib.IMAP4:
    client = imaplib.IMAP4("127.0.0.1", stack.imap_port, timeout=10)
    client.login(address, password)
    return client


def _wait_for(stack, address: str, password: str, token: str, timeout: float = 15) -> bytes:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        client = _imap(stack, address, password)
        try:
            client.select("INBOX", readonly=True)
            _status, data = client.search(None, "SUBJECT", token)
            if data and data[0]:
                number = data[0].split()[0]
                _status, fetched = client.fetch(number, "(BODY.PEEK[])")
                raw = fetched[0]
                assert isinstance(raw, tuple)
                return raw[1]
        finally:
            client.logout()
        time.sleep(0.2)
    raise AssertionError(
        f"{token} never reached {address}\n{stack.postfix_log}\n{stack.dovecot_log}"
    )


def _hire(world, name: str, unit):
    return org_actions.hire_person(actor=world.admin, full_name=name, unit=unit, effective_date=DAY)


def test_a_hired_official_receives_mail_through_postfix_and_reads_it_through_dovecot(
    world, mail_stack, approve_all
):
    person = _hire(world, "Nguyễn Thị Hồng Nhung", world.home_affairs)
    mailbox = Mailbox.objects.get(person=person)
    assert mailbox.address == "nhungnth@angiang.gov.vn"
    approve_all()
    actions.set_mailbox_password(actor=world.admin, mailbox=mailbox, password=PASSWORD)

    token = _send(mail_stack, mailbox.address)
    raw = _wait_for(mail_stack, mailbox.address, PASSWORD, token)
    assert b"Delivered-To: nhungnth@angiang.gov.vn" in raw

    with pytest.raises(imaplib.IMAP4.error, match="AUTHENTICATIONFAILED"):
        _imap(mail_stack, mailbox.address, "Sai-Mat-Khau-2026!")


def test_an_official_who_retired_is_refused_login_and_delivery(world, mail_stack, approve_all):
    person = _hire(world, "Lê Văn Tám", world.finance)
    mailbox = Mailbox.objects.get(person=person)
    approve_all()
    actions.set_mailbox_password(actor=world.admin, mailbox=mailbox, password=PASSWORD)
    _imap(mail_stack, mailbox.address, PASSWORD).logout()

    org_actions.end_employment(
        actor=world.admin,
        person=person,
        kind=StaffEventKind.RETIRE,
        effective_date=DAY.replace(month=6),
    )
    # Pending review: the server still accepts the mailbox.
    _imap(mail_stack, mailbox.address, PASSWORD).logout()
    approve_all()

    with pytest.raises(imaplib.IMAP4.error, match="CONTACTADMIN"):
        _imap(mail_stack, mailbox.address, PASSWORD)
    with pytest.raises(smtplib.SMTPRecipientsRefused) as refused:
        _send(mail_stack, mailbox.address)
    code, text = refused.value.recipients[mailbox.address]
    assert code == 550
    assert b"User unknown" in text


def test_a_transfer_keeps_the_address_and_the_agency_left_gets_a_copy(
    world, mail_stack, approve_all
):
    actions.provision_shared_mailbox(actor=world.admin, unit=world.home_affairs, local_part="snv")
    shared = Mailbox.objects.get(address="snv@angiang.gov.vn")
    actions.create_group_alias(actor=world.admin, unit=world.finance, local_part="canbo.stc")
    person = _hire(world, "Phan Minh Trí", world.civil_service_division)
    mailbox = Mailbox.objects.get(person=person)
    approve_all()
    actions.set_mailbox_password(actor=world.admin, mailbox=mailbox, password=PASSWORD)
    actions.set_mailbox_password(actor=world.admin, mailbox=shared, password=PASSWORD)

    org_actions.transfer_person(
        actor=world.admin, person=person, unit=world.finance, effective_date=DAY.replace(month=5)
    )
    approve_all()
    mailbox.refresh_from_db()
    assert mailbox.address == "tripm@angiang.gov.vn"
    assert mailbox.unit == world.finance

    token = _send(mail_stack, mailbox.address)
    _wait_for(mail_stack, mailbox.address, PASSWORD, token)
    _wait_for(mail_stack, shared.address, PASSWORD, token)

    # The new agency's group list now reaches the official.
    group_token = _send(mail_stack, "canbo.stc@angiang.gov.vn")
    _wait_for(mail_stack, mailbox.address, PASSWORD, group_token)
