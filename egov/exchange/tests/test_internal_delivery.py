"""Inside one installation: an issued document reaches the other agency's clerk as a
received electronic document; registering and handling it send 01, 03, 04, 05, 06 back."""

import hashlib
import json

import pytest
from django.core.exceptions import PermissionDenied

from egov.audit.models import AuditEvent
from egov.documents.actions import handling, issuing, outgoing
from egov.documents.actions.delivery import DESTROYED_SUBJECT
from egov.documents.actions.handling import Instruction, Target
from egov.documents.actions.issuing import RecipientSpec
from egov.documents.choices import RecipientKind
from egov.documents.models import Attachment, Recipient
from egov.documents.testing import doc_type, make_pdf, upload
from egov.exchange.actions import reception
from egov.exchange.actions.delivery import deliver_due
from egov.exchange.choices import InboxState, OutboxState
from egov.exchange.models import InboxMessage, OutboxMessage
from egov.lib.errors import ActionError

pytestmark = pytest.mark.django_db
PDF = make_pdf("Ke hoach tuyen dung cong chuc nam 2026", pages=2)


def issue_letter(*, drafter, drafting_unit, reviewers, signer, clerk, to, **draft):
    """Draft, review by ``reviewers`` then ``signer``, issue to the unit ``to``."""
    draft.setdefault("uploads", [upload("van-ban.pdf", PDF)])
    document = outgoing.create_draft(actor=drafter, drafting_unit=drafting_unit, **draft)
    outgoing.submit_for_review(actor=drafter, document=document, reviewers=reviewers, signer=signer)
    for reviewer in [*reviewers, signer]:
        outgoing.review(actor=reviewer, document=document, decision="approved")
    document.refresh_from_db()
    return issuing.issue(
        actor=clerk,
        document=document,
        recipients=[RecipientSpec(kind=RecipientKind.INTERNAL, unit=to)],
    )


def issued_to_finance(office, *, secrecy=0):
    return issue_letter(
        drafter=office.specialist,
        drafting_unit=office.civil_service_division,
        reviewers=[office.division_head],
        signer=office.leader,
        clerk=office.clerk,
        to=office.finance,
        document_type=doc_type("ke-hoach"),
        subject="Kế hoạch tuyển dụng công chức năm 2026",
        uploads=[upload("ke-hoach.pdf", PDF)],
        secrecy=secrecy,
    )


def drain():
    total = 0
    while (n := deliver_due()) > 0:
        total += n
    return total


def recipient_status(document):
    return Recipient.objects.get(document=document).status


def test_issuing_puts_one_signed_package_per_electronic_recipient_in_the_outbox(office):
    document = issued_to_finance(office)
    [message] = OutboxMessage.objects.all()
    assert message.state == OutboxState.PENDING and message.to_code == "000.00.03.H01"
    assert message.from_code == "000.00.02.H01" and b"Signature" in bytes(message.body)
    assert message.document_id.endswith(document.number_and_notation)


def test_the_package_arrives_as_a_received_document_and_01_comes_back(office, receiver):
    document = issued_to_finance(office)
    drain()
    received = InboxMessage.objects.get(kind="edoc")
    assert received.state == InboxState.WAITING and received.unit == office.finance
    assert received.subject == "Kế hoạch tuyển dụng công chức năm 2026"
    assert recipient_status(document) == "01"
    from egov.accounts.models import Notification

    assert Notification.objects.filter(user=receiver.clerk, url__contains=str(received.pk)).exists()


def test_registering_needs_no_typing_and_sends_03(office, receiver):
    document = issued_to_finance(office)
    drain()
    message = InboxMessage.objects.get(kind="edoc")
    incoming = reception.register(actor=receiver.clerk, message=message)
    assert incoming.unit == office.finance and incoming.arrival_number == 1
    assert incoming.subject == document.subject
    assert incoming.code_notation == document.code_notation
    assert incoming.issuer_code == "000.00.02.H01" and incoming.channel == "electronic"
    stored = incoming.attachments.get().file
    assert stored.sha256 == hashlib.sha256(PDF).hexdigest() and stored.page_count == 2
    drain()
    assert recipient_status(document) == "03"


def test_assignment_progress_and_completion_flow_back_as_04_05_06(office, receiver):
    document = issued_to_finance(office)
    drain()
    incoming = reception.register(
        actor=receiver.clerk, message=InboxMessage.objects.get(kind="edoc")
    )
    presented = handling.present(actor=receiver.clerk, document=incoming, leader=receiver.leader)
    [lead] = handling.assign(
        actor=receiver.leader,
        parent=presented,
        instruction=Instruction(lead=Target(user=receiver.specialist), text="Tham mưu"),
    )
    drain()
    assert recipient_status(document) == "04"
    handling.start(actor=receiver.specialist, assignment=lead)
    drain()
    assert recipient_status(document) == "05"
    handling.finish(actor=receiver.specialist, assignment=lead, result="Đã tham mưu")
    drain()
    assert recipient_status(document) == "06"
    codes = list(
        InboxMessage.objects.filter(kind="status")
        .order_by("pk")
        .values_list("status_code", flat=True)
    )
    assert codes == ["01", "03", "04", "05", "06"]


def test_a_refusal_needs_a_reason_and_sends_02(office, receiver):
    document = issued_to_finance(office)
    drain()
    message = InboxMessage.objects.get(kind="edoc")
    with pytest.raises(ActionError) as caught:
        reception.refuse(actor=receiver.clerk, message=message, reason="  ")
    assert caught.value.code == "reason_required"
    reception.refuse(actor=receiver.clerk, message=message, reason="Gửi nhầm cơ quan")
    drain()
    assert recipient_status(document) == "02"
    assert InboxMessage.objects.get(kind="status", status_code="02").note == "Gửi nhầm cơ quan"


def test_only_a_clerk_of_the_receiving_agency_registers(office, receiver):
    issued_to_finance(office)
    drain()
    message = InboxMessage.objects.get(kind="edoc")
    with pytest.raises(PermissionDenied):
        reception.register(actor=office.clerk, message=message)
    assert message.__class__.objects.get(pk=message.pk).state == InboxState.WAITING


def test_a_package_delivered_twice_is_stored_once(office, receiver):
    issued_to_finance(office)
    [package] = OutboxMessage.objects.all()
    from egov.exchange.actions import inbox

    first = inbox.accept(bytes(package.body))
    again = inbox.accept(bytes(package.body))
    assert first.pk == again.pk
    assert InboxMessage.objects.filter(kind="edoc").count() == 1
    assert OutboxMessage.objects.filter(kind="status").count() == 1  # one 01, not two


def test_secret_documents_never_enter_the_exchange(office, receiver):
    from egov.documents.actions.registers import grant_clearance

    for user in (office.specialist, office.division_head, office.leader, office.clerk):
        grant_clearance(
            actor=None, user=user, unit=office.home_affairs, level=1, skip_access_check=True
        )
    issued_to_finance(office, secrecy=1)
    assert not OutboxMessage.objects.exists()


def test_a_recall_freezes_the_registered_copy_and_15_comes_back(office, receiver):
    document = issued_to_finance(office)
    drain()
    incoming = reception.register(
        actor=receiver.clerk, message=InboxMessage.objects.get(kind="edoc")
    )
    drain()
    issuing.recall(actor=office.clerk, document=document, reason="Sai thời hạn")
    drain()
    incoming.refresh_from_db()
    assert incoming.status == "recalled"
    assert InboxMessage.objects.filter(kind="status", status_code="15").exists()
    # The receiver destroys its copy (Điều 18.4.b): files, subject and package go; the
    # recall's record stays; the sender's own copy (the same bytes) is untouched.
    assert incoming.subject == DESTROYED_SUBJECT and not incoming.attachments.exists()
    assert incoming.search_vector is None
    assert incoming.transitions.filter(action="recalled_by_sender", note="Sai thời hạn").exists()
    received = InboxMessage.objects.get(kind="edoc", business_type=0)
    assert received.body_file == "" and received.sha256 and received.state == "recalled"
    sender_copy = Attachment.objects.get(file__sha256=hashlib.sha256(PDF).hexdigest())
    assert sender_copy.incoming_id is None and sender_copy.file.content.read()[:5] == b"%PDF-"
    event = AuditEvent.objects.filter(action="documents.incoming.recalled_by_sender").get()
    assert event.after is not None
    assert event.after["files_destroyed"] == [hashlib.sha256(PDF).hexdigest()]
    assert "Kế hoạch" not in json.dumps(event.after, ensure_ascii=False)


def test_a_replacement_freezes_the_replaced_copy_and_waits_for_the_clerk(office, receiver):
    first = issued_to_finance(office)
    drain()
    old_copy = reception.register(
        actor=receiver.clerk, message=InboxMessage.objects.get(kind="edoc")
    )
    issue_letter(
        drafter=office.specialist,
        drafting_unit=office.civil_service_division,
        reviewers=[],
        signer=office.leader,
        clerk=office.clerk,
        to=office.finance,
        document_type=doc_type("ke-hoach"),
        subject="Kế hoạch tuyển dụng công chức năm 2026 (thay thế)",
        uploads=[upload("ke-hoach-moi.pdf", PDF)],
        replaces=first,
        change_reason="Sửa chỉ tiêu tuyển dụng",
    )
    drain()
    new = InboxMessage.objects.get(kind="edoc", business_type=3)
    assert new.state == InboxState.WAITING and new.replaces.endswith(first.number_and_notation)
    old_copy.refresh_from_db()
    assert old_copy.status == "recalled"
    assert InboxMessage.objects.get(pk=old_copy.exchange_message.pk).state == InboxState.RECALLED
    assert InboxMessage.objects.filter(kind="status", status_code="15").exists()


def test_a_reply_names_the_document_it_answers(client_for, office, receiver):
    from django.urls import reverse

    asked = issued_to_finance(office)
    drain()
    incoming = reception.register(
        actor=receiver.clerk, message=InboxMessage.objects.get(kind="edoc")
    )
    issue_letter(
        drafter=receiver.specialist,
        drafting_unit=office.finance,
        reviewers=[],
        signer=receiver.leader,
        clerk=receiver.clerk,
        to=office.home_affairs,
        document_type=doc_type("cong-van"),
        subject="Báo cáo chỉ tiêu tuyển dụng",
        in_reply_to=incoming,
    )
    drain()
    answer = InboxMessage.objects.get(kind="edoc", unit=office.home_affairs)
    assert answer.response_for.endswith(asked.number_and_notation)
    page = client_for(office.clerk).get(reverse("exchange:inbox_detail", args=[answer.pk]))
    assert reverse("documents:outgoing_detail", args=[asked.pk]) in page.content.decode()


def test_each_recipient_status_change_is_a_row_of_the_documents_history(office, receiver):
    document = issued_to_finance(office)
    drain()
    reception.register(actor=receiver.clerk, message=InboxMessage.objects.get(kind="edoc"))
    drain()
    notes = list(
        document.transitions.filter(action="recipient")
        .order_by("pk")
        .values_list("note", flat=True)
    )
    assert notes == [
        "Sở Tài chính: Chờ gửi → Đã gửi",
        "Sở Tài chính: Đã gửi → Đã đến",
        "Sở Tài chính: Đã đến → Đã tiếp nhận",
    ]
