"""Documents by mail, end to end on the real Postfix and Dovecot: an issued document leaves
the agency's official mailbox DKIM-signed with its PDF, arrives in the recipient's IMAP
mailbox, and the send is recorded on the document; secret documents never leave."""

from __future__ import annotations

import email
import email.policy

import pytest
from django.urls import reverse

from egov.audit.models import AuditEvent
from egov.documents.models import Clearance
from egov.documents.testing import doc_type, make_pdf, upload
from egov.exchange.tests.test_internal_delivery import issue_letter
from egov.lib.errors import ActionError
from egov.mail import dkim, testing
from egov.mail.actions import sending
from egov.mail.choices import DkimResult, OutboundKind
from egov.mail.models import OutboundMail

pytestmark = [pytest.mark.mail, pytest.mark.django_db(transaction=True)]
PDF = make_pdf("Giay moi hop giao ban thang 3", pages=1)


def _issue(office, *, code="giay-moi", secrecy=0):
    if secrecy:
        for user in (office.specialist, office.division_head, office.leader, office.clerk):
            Clearance.objects.get_or_create(
                user=user, unit=office.home_affairs, defaults={"level": secrecy}
            )
    return issue_letter(
        drafter=office.specialist,
        drafting_unit=office.civil_service_division,
        reviewers=[office.division_head],
        signer=office.leader,
        clerk=office.clerk,
        to=office.finance,
        document_type=doc_type(code),
        subject="Mời dự họp giao ban tháng 3",
        uploads=[upload("giay-moi.pdf", PDF)],
        secrecy=secrecy,
    )


def test_an_issued_invitation_reaches_the_recipients_mailbox_signed_with_its_pdf(
    office, mail_traffic
):
    sender_box = testing.agency_mailbox(office.home_affairs, "snv")
    finance_box = testing.agency_mailbox(office.finance, "stc")
    document = _issue(office)

    sent = sending.send_document_by_mail(
        actor=office.clerk, document=document, addresses="STC@angiang.gov.vn; stc@angiang.gov.vn"
    )

    assert sent.kind == OutboundKind.DOCUMENT and sent.accepted
    assert sent.to_addresses == [finance_box.address]
    assert sent.from_address == sender_box.address
    assert sent.message_id.endswith("@angiang.gov.vn>") and f"vb{document.pk}" in sent.message_id
    raw = testing.wait_for_header(mail_traffic, finance_box.address, "Message-ID", sent.message_id)
    assert dkim.verify(raw).result == DkimResult.PASS
    assert dkim.verify(raw).domain == "angiang.gov.vn"
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert document.number_and_notation in message["Subject"]
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == "giay-moi.pdf"
    assert attachment.get_content() == PDF
    event = AuditEvent.objects.get(action="mail.document.send")
    assert event.object_id == str(document.pk)
    assert event.after is not None and event.after["message_id"] == sent.message_id

    # A message altered on the way no longer verifies.
    tampered = raw.replace(b"Subject: [", b"Subject: [FWD ", 1)
    assert dkim.verify(tampered).result == DkimResult.FAIL


def test_a_secret_document_is_refused_and_nothing_is_sent(office, mail_traffic):
    testing.agency_mailbox(office.home_affairs, "snv")
    document = _issue(office, secrecy=1)

    with pytest.raises(ActionError) as refused:
        sending.send_document_by_mail(
            actor=office.clerk, document=document, addresses="stc@angiang.gov.vn"
        )

    assert refused.value.code == "secret_document"
    assert not OutboundMail.objects.exists()
    assert not AuditEvent.objects.filter(action="mail.document.send").exists()


def test_types_outside_the_directive_and_bad_addresses_are_refused_with_reasons(
    office, mail_traffic
):
    testing.agency_mailbox(office.home_affairs, "snv")
    report = _issue(office, code="to-trinh")
    with pytest.raises(ActionError) as refused:
        sending.send_document_by_mail(actor=office.clerk, document=report, addresses="a@b.vn")
    assert refused.value.code == "type_not_mailable"

    invitation = _issue(office)
    with pytest.raises(ActionError) as bad:
        sending.send_document_by_mail(
            actor=office.clerk, document=invitation, addresses="stc@angiang.gov.vn, not-an-address"
        )
    assert bad.value.code == "invalid_address"
    assert "not-an-address" in bad.value.messages[0]
    with pytest.raises(ActionError) as unknown:
        sending.send_document_by_mail(
            actor=office.clerk, document=invitation, addresses="nobody@angiang.gov.vn"
        )
    assert unknown.value.code == "mail_server_unavailable"  # Postfix: 550 user unknown
    assert not OutboundMail.objects.exists()


def test_the_document_page_shows_the_sends_and_the_form_to_the_clerk(
    office, mail_traffic, client_for
):
    testing.agency_mailbox(office.home_affairs, "snv")
    finance_box = testing.agency_mailbox(office.finance, "stc")
    document = _issue(office)
    url = reverse("documents:outgoing_detail", args=[document.pk])

    page = client_for(office.clerk).post(
        reverse("mail:send_document", args=[document.pk]),
        {"addresses": finance_box.address, "note": "Kính mời đúng giờ."},
        follow=True,
    )
    assert page.status_code == 200
    html = client_for(office.clerk).get(url).content.decode()
    assert "Gửi qua thư điện tử" in html
    assert finance_box.address in html
    assert OutboundMail.objects.filter(outgoing_document=document).count() == 1

    # The specialist sees the record but not the form; secret documents show no form.
    html = client_for(office.specialist).get(url).content.decode()
    assert 'name="addresses"' not in html
