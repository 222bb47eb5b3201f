"""Reading an agency's official mailbox over IMAP from the real Dovecot, mail delivered by
the real Postfix: each message taken once, nothing marked read, documents wait for the
clerk, citizens' messages become feedback, bad input becomes a clear record."""

from __future__ import annotations

import pytest
from django.urls import reverse

from egov.documents.choices import Channel
from egov.documents.testing import doc_type, make_pdf
from egov.mail import testing
from egov.mail.actions import inbound as inbound_actions
from egov.mail.actions import ingest
from egov.mail.choices import DkimResult, InboundKind, InboundState
from egov.mail.harness import EICAR
from egov.mail.models import FolderCursor, InboundMail
from egov.mail.testing import message

pytestmark = [pytest.mark.mail, pytest.mark.django_db(transaction=True)]
PDF = make_pdf("Cong van so 12 ve viec bao cao", pages=1)
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


def _deliver(stack, box, raw: bytes, sender: str = "vanthu@sotc.dongthap.gov.vn") -> None:
    testing.deliver(stack, sender=sender, recipients=[box.address], raw=raw)


def test_each_message_becomes_one_clear_record_and_the_mailbox_is_left_unread(
    office, mail_traffic, client_for
):
    box = testing.agency_mailbox(office.home_affairs, "vt.ingest")
    doc_id, document_mail = message(
        sender="Sở Tài chính Đồng Tháp <vanthu@sotc.dongthap.gov.vn>",
        to=box.address,
        subject="Công văn số 12/STC-NS về báo cáo quyết toán",
        attachments=[("cv-12.pdf", "application/pdf", PDF)],
    )
    citizen_id, citizen_mail = message(
        sender="Nguyễn Văn An <an.nguyen@gmail.com>",
        to=box.address,
        subject="Hỏi về thủ tục cấp phép xây dựng",
        body="Kính gửi Sở, tôi muốn hỏi hồ sơ gồm những gì?",
    )
    _tcvn, tcvn_mail = message(
        sender="vanthu@ubnd.chauphu.angiang.gov.vn",
        to=box.address,
        raw_subject="=?x-viet-tcvn3?Q?Gi=CAy_m=EAi_h=E4p?=",
    )
    _vni, vni_mail = message(
        sender="old.client@yahoo.com", to=box.address, raw_subject="=?VNI?Q?Gia=F9y_mo=F6i?="
    )
    _lying, lying_mail = message(
        sender="vanthu@sotc.dongthap.gov.vn",
        to=box.address,
        subject="Báo cáo (tệp giả PDF)",
        attachments=[("bao-cao.pdf", "application/pdf", PNG)],
    )
    _spoof, spoofed_mail = message(
        sender="Giám đốc Sở <giamdoc@angiang.gov.vn>",
        to=box.address,
        subject="Chuyển khoản gấp",
        body="Anh chuyển giúp tôi khoản này.",
    )
    for raw in (document_mail, citizen_mail, tcvn_mail, vni_mail, lying_mail):
        _deliver(mail_traffic, box, raw)
    _deliver(mail_traffic, box, spoofed_mail, sender="attacker@evil.example")
    _deliver(mail_traffic, box, citizen_mail)  # the same message again (same Message-ID)
    testing.wait_for_count(mail_traffic, box.address, 7)

    report = ingest.ingest_mailbox(box)

    assert report.error == ""
    assert (report.imported, report.duplicates, report.failed) == (6, 1, 0)
    document = InboundMail.objects.get(message_id=doc_id)
    assert (document.kind, document.state) == (InboundKind.DOCUMENT, InboundState.WAITING)
    assert document.attachments[0]["sniffed"] == "application/pdf"
    assert document.raw_sha256 and document.dkim == DkimResult.NONE
    citizen = InboundMail.objects.get(message_id=citizen_id)
    assert (citizen.kind, citizen.state) == (InboundKind.FEEDBACK, InboundState.OPEN)
    assert citizen.from_name == "Nguyễn Văn An"
    legacy = InboundMail.objects.get(flags__contains=["legacy_subject"])
    assert legacy.subject == "Giấy mời họp"
    undecoded = InboundMail.objects.get(flags__contains=["undecoded_subject"])
    assert undecoded.subject == "Giaùy moöi"  # shown as received, flagged for a person
    lying = InboundMail.objects.get(flags__contains=["lying_type"])
    assert lying.kind == InboundKind.OTHER and lying.attachments[0]["sniffed"] == "image/png"
    spoofed = InboundMail.objects.get(subject="Chuyển khoản gấp")
    assert {"spoofed", "from_mismatch"} <= set(spoofed.flags)
    assert spoofed.return_path == "attacker@evil.example"

    # Taken once: a second pass finds nothing new; the cursor holds UIDVALIDITY and UID.
    again = ingest.ingest_mailbox(box)
    assert (again.imported, again.duplicates) == (0, 0)
    cursor = FolderCursor.objects.get(mailbox=box)
    assert cursor.uidvalidity > 0 and cursor.last_uid == 7
    # Nothing was marked read.
    client = testing.imap_as(mail_traffic, box.address)
    client.select("INBOX", readonly=True)
    _status, unseen = client.search(None, "UNSEEN")
    client.logout()
    assert len(unseen[0].split()) == 7

    # The clerk registers the document: an incoming document of the agency, by mail,
    # arrived when the server received it, its PDF kept.
    incoming = inbound_actions.register_from_mail(
        actor=office.clerk,
        inbound=document,
        document_type=doc_type("cong-van"),
        subject=document.subject,
        issuer_name="Sở Tài chính Đồng Tháp",
        code_number="12",
        code_notation="STC-NS",
    )
    assert incoming.channel == Channel.MAIL and incoming.unit == office.home_affairs
    assert incoming.arrived_at == document.internal_date
    [attachment] = incoming.attachments.select_related("file")
    assert attachment.name == "cv-12.pdf" and attachment.file.size == len(PDF)
    document.refresh_from_db()
    assert document.state == InboundState.REGISTERED and document.incoming_document == incoming

    # Screens: the clerk's list and the message page say what each message is.
    page = client_for(office.clerk).get(reverse("mail:inbox") + "?tab=all").content.decode()
    assert "Hỏi về thủ tục cấp phép xây dựng" in page
    assert "Mạo danh tên miền của tỉnh" in page
    assert "Tiêu đề mã cũ không đọc chắc chắn được" in page
    detail = client_for(office.clerk).get(reverse("mail:inbound_detail", args=[lying.pk]))
    assert "không đúng loại khai báo" in detail.content.decode()
    assert (
        client_for(office.world.outsider)
        .get(reverse("mail:inbound_detail", args=[lying.pk]))
        .status_code
        == 404
    )


def test_an_infected_attachment_is_quarantined_and_never_reaches_a_document(office, mail_traffic):
    box = testing.agency_mailbox(office.home_affairs, "vt.virus")
    infected_id, infected = message(
        sender="vanthu@sotc.dongthap.gov.vn",
        to=box.address,
        subject="Công văn khẩn",
        attachments=[
            ("cv.pdf", "application/pdf", PDF),
            ("eicar.com", "application/octet-stream", EICAR),
        ],
    )
    _deliver(mail_traffic, box, infected)
    testing.wait_for_count(mail_traffic, box.address, 1)

    ingest.ingest_mailbox(box)

    record = InboundMail.objects.get(message_id=infected_id)
    assert record.state == InboundState.QUARANTINED and "infected" in record.flags
    assert "eicar.com: Egov.Test.EICAR" in record.error
    with pytest.raises(Exception) as refused:
        inbound_actions.register_from_mail(
            actor=office.clerk,
            inbound=record,
            document_type=doc_type("cong-van"),
            subject="Công văn khẩn",
            issuer_name="Sở Tài chính Đồng Tháp",
        )
    assert getattr(refused.value, "code", "") == "not_waiting"
    assert not record.mailbox.unit.incoming_documents.exists()


def test_a_message_that_cannot_be_imported_stays_reported_and_is_imported_later(
    office, mail_traffic, settings
):
    box = testing.agency_mailbox(office.home_affairs, "vt.retry")
    message_id, raw = message(
        sender="vanthu@sotc.dongthap.gov.vn",
        to=box.address,
        subject="Báo cáo tháng",
        attachments=[("bc.pdf", "application/pdf", PDF)],
    )
    _deliver(mail_traffic, box, raw)
    testing.wait_for_count(mail_traffic, box.address, 1)
    scanner = settings.EGOV_MAIL_CLAMD_SOCKET
    settings.EGOV_MAIL_CLAMD_SOCKET = "/nonexistent/clamd.sock"  # antivirus down

    report = ingest.ingest_mailbox(box)

    assert report.failed == 1
    failed = InboundMail.objects.get(message_id=message_id)
    assert failed.state == InboundState.FAILED and "antivirus unavailable" in failed.error
    settings.EGOV_MAIL_CLAMD_SOCKET = scanner
    again = inbound_actions.retry(actor=office.world.admin, inbound=failed)
    assert (again.kind, again.state) == (InboundKind.DOCUMENT, InboundState.WAITING)
    assert InboundMail.objects.filter(message_id=message_id).count() == 1


def test_a_huge_message_is_recorded_without_its_body_and_left_in_the_mailbox(
    office, mail_traffic, settings
):
    box = testing.agency_mailbox(office.home_affairs, "vt.huge")
    _id, raw = message(sender="someone@example.org", to=box.address, subject="Tệp rất lớn")
    _deliver(mail_traffic, box, raw)
    testing.wait_for_count(mail_traffic, box.address, 1)
    settings.EGOV_MAIL_MAX_MESSAGE_MB = 0

    ingest.ingest_mailbox(box)

    [record] = InboundMail.objects.all()
    assert record.state == InboundState.FAILED and record.flags == ["huge"]
    assert record.raw_sha256 == "" and record.size > len(raw)  # as stored, with Return-Path
    assert record.error.startswith(f"message of {record.size} bytes")


def test_a_renumbered_folder_is_read_again_without_importing_anything_twice(office, mail_traffic):
    box = testing.agency_mailbox(office.home_affairs, "vt.uidvalidity")
    for n in range(2):
        _id, raw = message(sender=f"dan{n}@example.org", to=box.address, subject=f"Hỏi {n}")
        _deliver(mail_traffic, box, raw, sender=f"dan{n}@example.org")
    testing.wait_for_count(mail_traffic, box.address, 2)
    assert ingest.ingest_mailbox(box).imported == 2
    # The server renumbered the folder (a restore, a migration): UIDVALIDITY differs.
    FolderCursor.objects.filter(mailbox=box).update(uidvalidity=1)

    again = ingest.ingest_mailbox(box)

    assert (again.imported, again.duplicates) == (0, 2)
    assert InboundMail.objects.filter(mailbox=box).count() == 2
    cursor = FolderCursor.objects.get(mailbox=box)
    assert cursor.uidvalidity != 1 and cursor.last_uid == 2
