"""A notification leaves through Django's e-mail API to real Postfix and arrives in the
applicant's Dovecot mailbox (the applicant here is an official with a provincial mailbox).
The servers read the test database from their own connections: these tests commit."""

from __future__ import annotations

import email
import email.policy
import imaplib
import time

import pytest

from egov.mail import actions as mail_actions
from egov.mail.models import Mailbox
from egov.onestop.actions import dossiers
from egov.onestop.testing import make_procedure, pdf, required_doc
from egov.organisations import actions as org_actions

pytestmark = [pytest.mark.mail, pytest.mark.django_db(transaction=True)]

PASSWORD = "Thu-Cong-Dan-2026!"


def _messages(stack, address: str) -> list[email.message.EmailMessage]:
    client = imaplib.IMAP4("127.0.0.1", stack.imap_port, timeout=10)
    client.login(address, PASSWORD)
    try:
        client.select("INBOX", readonly=True)
        _status, data = client.search(None, "ALL")
        found = []
        for number in (data[0] or b"").split():
            _status, fetched = client.fetch(number.decode(), "(BODY.PEEK[])")
            raw = fetched[0]
            assert isinstance(raw, tuple)
            found.append(email.message_from_bytes(raw[1], policy=email.policy.default))
        return found
    finally:
        client.logout()


def test_the_receipt_notice_reaches_the_applicants_mailbox_through_postfix(
    world, mail_stack, approve_all, settings
):
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": mail_stack.smtp_port, "timeout": 10},
        }
    }
    person = org_actions.hire_person(
        actor=world.admin,
        full_name="Trần Thị Người Nộp",
        unit=world.finance,
        effective_date=world.finance.valid_from,
    )
    approve_all()
    mailbox = Mailbox.objects.get(person=person)
    mail_actions.set_mailbox_password(actor=world.admin, mailbox=mailbox, password=PASSWORD)
    procedure = make_procedure(world)
    dossier = dossiers.receive_at_counter(
        actor=world.clerk,
        procedure=procedure,
        unit=world.home_affairs,
        applicant=dossiers.Applicant(name="Trần Thị Người Nộp", email=mailbox.address),
        uploads=[(required_doc(procedure), pdf())],
    )
    deadline = time.monotonic() + 20
    messages: list[email.message.EmailMessage] = []
    while time.monotonic() < deadline and not messages:
        messages = _messages(mail_stack, mailbox.address)
        time.sleep(0.3)
    assert messages, f"nothing arrived\n{mail_stack.postfix_log}"
    assert messages[0]["Subject"] == f"[{dossier.code}] Hồ sơ đã được tiếp nhận"
    body = messages[0].get_body(preferencelist=("plain",))
    assert body is not None
    text = body.get_content()
    assert dossier.code in text and f"?k={dossier.lookup_key}" in text
