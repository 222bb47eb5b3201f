"""Changing the distribution of an issued document (edXML update, BussinessDocType 2): an
added agency receives it as a new document, a removed one withdraws its copy, and the ones
that keep it hear of the change; each answers 15."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from egov.documents.actions import distribution, issuing
from egov.documents.actions.issuing import RecipientSpec
from egov.documents.choices import RecipientKind
from egov.documents.models import OutgoingTransition, Recipient
from egov.exchange import edxml
from egov.exchange.actions import reception
from egov.exchange.choices import InboxState
from egov.exchange.models import InboxMessage, OutboxMessage
from egov.lib.errors import ActionError

from .test_internal_delivery import drain, issued_to_finance

pytestmark = pytest.mark.django_db


def to_office(world):
    return [RecipientSpec(kind=RecipientKind.INTERNAL, unit=world.office)]


def registered_at_finance(office, receiver):
    document = issued_to_finance(office)
    drain()
    copy = reception.register(actor=receiver.clerk, message=InboxMessage.objects.get(kind="edoc"))
    drain()
    return document, copy


def test_an_added_agency_gets_the_document_and_the_others_hear_of_it(world, office, receiver):
    document, copy = registered_at_finance(office, receiver)

    added, removed = distribution.update_distribution(
        actor=office.clerk, document=document, add=to_office(world), remove=[], reason="Bổ sung"
    )
    drain()

    assert [r.name for r in added] == [world.office.name] and removed == []
    new = InboxMessage.objects.get(kind="edoc", to_code=world.office.organ_code)
    assert new.business_type == edxml.BussinessDocType.NEW and new.state == InboxState.WAITING
    update = InboxMessage.objects.get(kind="edoc", business_type=edxml.BussinessDocType.UPDATE)
    assert update.to_code == world.finance.organ_code and update.state == InboxState.APPLIED
    parsed = edxml.parse_edoc(bytes(update.body)).package.trace_header_list.bussiness
    assert parsed is not None and parsed.bussiness_document_info is not None
    assert [
        (r.receiver_type, r.organ_id) for r in parsed.bussiness_document_info.receiver_list
    ] == [(edxml.ReceiverType.ADDED, world.office.organ_code)]
    assert not edxml.parse_edoc(bytes(update.body)).package.attachments  # names, not carries
    copy.refresh_from_db()
    assert copy.status != "recalled"
    assert copy.transitions.filter(action="updated_by_sender").exists()
    assert InboxMessage.objects.filter(kind="status", status_code="15").count() == 1
    statuses = dict(Recipient.objects.filter(document=document).values_list("name", "status"))
    assert statuses == {world.finance.name: "03", world.office.name: "01"}
    assert OutgoingTransition.objects.filter(document=document, action="distribution").exists()


def test_a_removed_agency_withdraws_its_copy_and_later_statuses_do_not_revive_it(
    client_for, world, office, receiver
):
    document, copy = registered_at_finance(office, receiver)
    finance = Recipient.objects.get(document=document)

    distribution.update_distribution(
        actor=office.clerk,
        document=document,
        add=to_office(world),
        remove=[finance.pk],
        reason="Gửi nhầm nơi nhận",
    )
    drain()

    copy.refresh_from_db()
    assert copy.status == "recalled"
    original = InboxMessage.objects.get(
        kind="edoc", to_code=world.finance.organ_code, business_type=0
    )
    assert original.state == InboxState.RECALLED and "Gửi nhầm" in original.note
    assert original.body_file == ""  # the package is destroyed with the copy
    download = reverse("exchange:inbox_download", args=[original.pk])
    assert client_for(receiver.clerk).get(download).status_code == 404
    finance.refresh_from_db()
    assert finance.status == "removed"
    assert InboxMessage.objects.filter(kind="status", status_code="15").exists()


def test_two_updates_in_a_row_are_both_applied(world, office, receiver):
    document, _copy = registered_at_finance(office, receiver)
    distribution.update_distribution(
        actor=office.clerk, document=document, add=to_office(world), remove=[], reason="Bổ sung"
    )
    office_recipient = Recipient.objects.get(document=document, unit=world.office)
    distribution.update_distribution(
        actor=office.clerk,
        document=document,
        add=[],
        remove=[office_recipient.pk],
        reason="Rút lại",
    )
    drain()

    updates = InboxMessage.objects.filter(
        kind="edoc", business_type=edxml.BussinessDocType.UPDATE, to_code=world.finance.organ_code
    )
    assert updates.count() == 2
    withdrawn = InboxMessage.objects.get(
        kind="edoc", business_type=edxml.BussinessDocType.NEW, to_code=world.office.organ_code
    )
    assert withdrawn.state == InboxState.RECALLED


def test_bad_changes_are_refused_and_nothing_is_written(world, office, receiver):
    document, _copy = registered_at_finance(office, receiver)
    finance = Recipient.objects.get(document=document)
    before = (OutboxMessage.objects.count(), OutgoingTransition.objects.count())

    def refused(**change):
        change.setdefault("actor", office.clerk)
        change.setdefault("add", [])
        change.setdefault("remove", [])
        change.setdefault("reason", "Lý do")
        with pytest.raises(ActionError) as caught:
            distribution.update_distribution(document=document, **change)
        return caught.value.code

    assert refused(reason="  ", add=to_office(world)) == "reason_required"
    assert refused() == "nothing_to_change"
    assert refused(add=[RecipientSpec(kind=RecipientKind.INTERNAL, unit=world.finance)]) == (
        "recipient_already"
    )
    assert refused(remove=[finance.pk]) == "no_recipient_left"
    assert refused(remove=[finance.pk + 999]) == "recipient_unknown"
    with pytest.raises(PermissionDenied):
        distribution.update_distribution(
            actor=receiver.clerk, document=document, add=to_office(world), remove=[], reason="x"
        )
    issuing.recall(actor=office.clerk, document=document, reason="Sai")
    recalled = (OutboxMessage.objects.count(), OutgoingTransition.objects.count())
    assert refused(add=to_office(world)) == "not_issued"
    assert (OutboxMessage.objects.count(), OutgoingTransition.objects.count()) == recalled
    assert recalled[0] == before[0] + 1  # only the recall's own package
    assert Recipient.objects.filter(document=document).count() == 1


def test_an_update_about_a_document_we_never_had_is_answered_16(world, office, receiver):
    document, _copy = registered_at_finance(office, receiver)
    InboxMessage.objects.filter(kind="edoc").delete()

    distribution.update_distribution(
        actor=office.clerk, document=document, add=to_office(world), remove=[], reason="Bổ sung"
    )
    drain()

    answer = InboxMessage.objects.get(kind="status", status_code="16")
    assert "not held" in answer.note
