"""Leaders answer an assignment notice by mail: “đồng ý” starts the work, “hoàn thành:
…” closes it, through the e-office's handling actions; only from the assignee's own
official mailbox, as the province's server delivered and signed it."""

from __future__ import annotations

import pytest

from egov.documents.actions import handling, incoming
from egov.documents.choices import AssignmentStatus, IncomingStatus
from egov.documents.testing import doc_type, upload
from egov.mail import dkim, testing
from egov.mail.actions import ingest
from egov.mail.actions.commands import ACCEPT, DONE, recognise
from egov.mail.choices import InboundKind, InboundState
from egov.mail.models import InboundMail, OutboundMail
from egov.mail.testing import message

pytestmark = [pytest.mark.mail, pytest.mark.django_db(transaction=True)]


def test_commands_are_recognised_in_vietnamese_and_english_without_accents():
    assert recognise("Đồng ý.\n> Giao xử lý") == (ACCEPT, "")
    assert recognise("dong y") == (ACCEPT, "")
    assert recognise("> quoted\nHoàn thành: đã trả lời Sở Tài chính") == (
        DONE,
        "đã trả lời Sở Tài chính",
    )
    assert recognise("Done - sent") == (DONE, "sent")
    assert recognise("Tôi sẽ xem sau") == ("", "")


@pytest.fixture
def notice(office, mail_traffic):
    box = testing.agency_mailbox(office.home_affairs, "vt.giaoviec")
    testing.approve_pending()  # the leader's own mailbox, from the staff register
    document = incoming.register_incoming(
        actor=office.clerk,
        unit=office.home_affairs,
        document_type=doc_type("cong-van"),
        subject="Đề nghị báo cáo tình hình sử dụng thư điện tử",
        issuer_name="Sở Thông tin và Truyền thông",
        uploads=[upload()],
    )
    # Presenting the document to the leader mails them a notice (documents.hooks.on_assign).
    assignment = handling.present(actor=office.clerk, document=document, leader=office.leader)
    sent = OutboundMail.objects.get(assignment=assignment, kind="assignment")
    return box, assignment, sent


def _reply(stack, box, sent, *, sender, envelope, body, sign=True):
    _id, raw = message(
        sender=sender,
        to=box.address,
        subject="Re: " + sent.subject,
        body=body,
        in_reply_to=sent.message_id,
    )
    if sign:
        raw = dkim.sign(raw)  # what the province's server does to its users' mail
    testing.deliver(stack, sender=envelope, recipients=[box.address], raw=raw)


def test_the_leader_accepts_then_finishes_by_replying_from_the_official_mailbox(
    office, mail_traffic, notice
):
    box, assignment, sent = notice
    leader_address = sent.to_addresses[0]
    assert leader_address == "leader@angiang.gov.vn"
    testing.wait_for_header(mail_traffic, leader_address, "Message-ID", sent.message_id)

    _reply(mail_traffic, box, sent, sender=leader_address, envelope=leader_address, body="Đồng ý")
    testing.wait_for_count(mail_traffic, box.address, 1)
    ingest.ingest_mailbox(box)
    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.IN_PROGRESS
    accepted = InboundMail.objects.get(kind=InboundKind.COMMAND)
    assert accepted.state == InboundState.APPLIED and accepted.decided_by == office.leader

    _reply(
        mail_traffic,
        box,
        sent,
        sender=leader_address,
        envelope=leader_address,
        body="Hoàn thành: đã giao Văn phòng tổng hợp, lưu tham khảo.",
    )
    testing.wait_for_count(mail_traffic, box.address, 2)
    ingest.ingest_mailbox(box)
    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.DONE
    assert assignment.result == "đã giao Văn phòng tổng hợp, lưu tham khảo."
    assert assignment.document.status == IncomingStatus.FILED


def test_a_forged_or_unsigned_reply_changes_nothing(office, mail_traffic, notice):
    box, assignment, sent = notice
    leader_address = sent.to_addresses[0]
    # From the leader's address, but the server delivered it from elsewhere.
    _reply(mail_traffic, box, sent, sender=leader_address, envelope="x@evil.example", body="Đồng ý")
    # From the leader's mailbox, but not signed by the province's server.
    _reply(
        mail_traffic,
        box,
        sent,
        sender=leader_address,
        envelope=leader_address,
        body="Đồng ý",
        sign=False,
    )
    # Signed and from the right mailbox, but no command in it.
    _reply(
        mail_traffic, box, sent, sender=leader_address, envelope=leader_address, body="Để tôi xem"
    )
    testing.wait_for_count(mail_traffic, box.address, 3)

    ingest.ingest_mailbox(box)

    notes = sorted(
        InboundMail.objects.filter(kind=InboundKind.COMMAND).values_list("state", "note")
    )
    assert [state for state, _note in notes] == [InboundState.REFUSED] * 3
    text = " | ".join(note for _state, note in notes)
    assert "Thư không gửi từ hộp thư công vụ leader@angiang.gov.vn" in text
    assert "DKIM" in text
    assert "Không nhận ra lệnh" in text
    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.PENDING
