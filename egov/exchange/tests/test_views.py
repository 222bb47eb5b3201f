"""Who may open the exchange's screens, and what they do: the receiving clerk's queue and
its actions, the operators' dashboard and dead letters, each object checked on the server."""

import pytest
from django.urls import reverse

from egov.exchange.choices import InboxState, OutboxState
from egov.exchange.models import InboxMessage, OutboxMessage

from .test_internal_delivery import drain, issued_to_finance

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def received(office, receiver):
    document = issued_to_finance(office)
    drain()
    return document, InboxMessage.objects.get(kind="edoc")


def test_anonymous_visitors_are_sent_to_the_login_page(client, received):
    _document, message = received
    for url in (
        reverse("exchange:inbox"),
        reverse("exchange:inbox_detail", args=[message.pk]),
        reverse("exchange:dashboard"),
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_receiving_clerk_sees_the_document_and_nobody_else_does(
    client_for, received, office, receiver
):
    _document, message = received
    detail = reverse("exchange:inbox_detail", args=[message.pk])
    page = client_for(receiver.clerk).get(reverse("exchange:inbox")).content.decode()
    assert "Kế hoạch tuyển dụng công chức năm 2026" in page
    assert client_for(receiver.clerk).get(detail).status_code == 200
    for outsider in (office.clerk, receiver.specialist, office.outsider):
        client = client_for(outsider)
        assert client.get(detail).status_code == 404
        assert "Kế hoạch tuyển dụng" not in client.get(reverse("exchange:inbox")).content.decode()
        download = reverse("exchange:inbox_download", args=[message.pk])
        assert client.get(download).status_code == 404


def test_the_clerk_registers_from_the_screen_and_lands_on_the_new_document(
    client_for, received, receiver
):
    _document, message = received
    client = client_for(receiver.clerk)
    response = client.post(
        reverse("exchange:inbox_detail", args=[message.pk]), {"action": "register"}
    )
    message.refresh_from_db()
    assert message.state == InboxState.REGISTERED
    assert response.status_code == 302
    assert response["Location"] == reverse("documents:incoming_detail", args=[message.incoming_id])


def test_a_refusal_without_reason_is_explained_in_vietnamese_and_nothing_changes(
    client_for, received, receiver
):
    _document, message = received
    client = client_for(receiver.clerk)
    page = client.post(
        reverse("exchange:inbox_detail", args=[message.pk]), {"action": "refuse", "reason": ""}
    ).content.decode()
    assert "Hãy ghi lý do từ chối." in page
    message.refresh_from_db()
    assert message.state == InboxState.WAITING
    assert not OutboxMessage.objects.filter(status_code="02").exists()


def test_the_package_downloads_as_edxml_for_the_clerk(client_for, received, receiver):
    _document, message = received
    response = client_for(receiver.clerk).get(reverse("exchange:inbox_download", args=[message.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/xml"
    assert response.content == message.body


def test_only_system_administrators_open_the_dashboard(client_for, received, office, receiver):
    assert client_for(office.admin).get(reverse("exchange:dashboard")).status_code == 200
    for user in (office.clerk, office.leader, receiver.clerk, office.outsider):
        assert client_for(user).get(reverse("exchange:dashboard")).status_code == 403


def test_a_dead_letter_is_listed_and_resent_by_an_administrator_with_an_audit_event(
    client_for, office
):
    from egov.audit.models import AuditEvent

    issued_to_finance(office)
    message = OutboxMessage.objects.get()
    message.state = OutboxState.DEAD
    message.last_error = "unknown_recipient: test"
    message.save()
    resend = reverse("exchange:resend", args=[message.pk])
    assert client_for(office.clerk).post(resend).status_code == 403
    admin = client_for(office.admin)  # the same test client, now as the administrator
    assert "unknown_recipient: test" in admin.get(reverse("exchange:dashboard")).content.decode()
    admin.post(resend)
    message.refresh_from_db()
    assert message.state == OutboxState.PENDING
    assert AuditEvent.objects.filter(action="exchange.outbox.resend").exists()


def test_an_issued_document_exports_as_one_signed_edxml_file(client_for, office):
    from egov.exchange import edxml

    document = issued_to_finance(office)
    url = reverse("exchange:outgoing_edxml", args=[document.pk])
    response = client_for(office.clerk).get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/xml"
    package = edxml.parse_edoc(response.content).package
    assert [o.organ_id for o in package.message_header.to] == ["000.00.03.H01"]
    assert package.message_header.subject == document.subject
    assert client_for(office.outsider).get(url).status_code == 404


def test_a_clerk_imports_an_edxml_file_into_the_reception_queue(client_for, office, receiver):
    from django.core.files.uploadedfile import SimpleUploadedFile

    document = issued_to_finance(office)
    exported = (
        client_for(office.clerk).get(reverse("exchange:outgoing_edxml", args=[document.pk])).content
    )
    client = client_for(receiver.clerk)
    bad = client.post(
        reverse("exchange:inbox_import"),
        {"package": SimpleUploadedFile("x.edxml", b"<edXML>not signed</edXML>")},
    )
    assert bad.status_code == 400 and "Gói tin bị từ chối" in bad.content.decode()
    assert InboxMessage.objects.get(kind="edoc").state == InboxState.REJECTED  # recorded
    response = client.post(
        reverse("exchange:inbox_import"),
        {"package": SimpleUploadedFile("van-ban.edxml", exported)},
    )
    message = InboxMessage.objects.get(kind="edoc", state=InboxState.WAITING)
    assert response["Location"] == reverse("exchange:inbox_detail", args=[message.pk])
    assert message.unit == office.finance


def test_only_clerks_may_import_packages(client_for, office):
    assert client_for(office.specialist).get(reverse("exchange:inbox_import")).status_code == 403
