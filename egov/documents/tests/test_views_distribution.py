"""The "change recipients" form of an issued document: only the issuing agency's clerk sees
and posts it; a refusal shows the error linked to its field; a change is in the history."""

import pytest

from egov.documents.choices import RecipientStatus
from egov.documents.models import OutgoingTransition, Recipient

from .test_views_outgoing import issued, url

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_the_clerk_adds_and_withdraws_recipients_with_a_reason(client_for, office, world):
    document = issued(office)
    finance = Recipient.objects.get(document=document)
    client = client_for(office.clerk)

    page = client.get(url("outgoing_detail", document.pk)).content.decode()
    assert 'id="distribution"' in page and "Rút khỏi nơi nhận" in page

    response = client.post(
        url("outgoing_distribution", document.pk),
        {
            "distribution-units": [world.office.pk],
            "distribution-remove": [finance.pk],
            "distribution-reason": "Gửi nhầm Sở Tài chính",
        },
        follow=True,
    )

    assert "Đã cập nhật nơi nhận: thêm 1, rút 1." in response.content.decode()
    finance.refresh_from_db()
    assert finance.status == RecipientStatus.REMOVED
    assert Recipient.objects.filter(document=document, unit=world.office).exists()
    [change] = OutgoingTransition.objects.filter(document=document, action="distribution")
    assert "Gửi nhầm Sở Tài chính" in change.note
    history = client.get(url("outgoing_detail", document.pk)).content.decode()
    assert "Cập nhật nơi nhận" in history and "Đã rút khỏi nơi nhận" in history


def test_a_refusal_is_shown_on_its_field_and_nothing_changes(client_for, office):
    document = issued(office)
    finance = Recipient.objects.get(document=document)
    client = client_for(office.clerk)

    no_reason = client.post(
        url("outgoing_distribution", document.pk), {"distribution-remove": [finance.pk]}
    ).content.decode()
    last_one = client.post(
        url("outgoing_distribution", document.pk),
        {"distribution-remove": [finance.pk], "distribution-reason": "Rút hết"},
    ).content.decode()

    assert '<a href="#id_distribution-reason">Hãy ghi lý do cập nhật nơi nhận.</a>' in no_reason
    assert "Văn bản phải còn ít nhất một nơi nhận" in last_one
    assert 'href="#id_distribution-remove' in last_one
    finance.refresh_from_db()
    assert finance.status != RecipientStatus.REMOVED
    assert not OutgoingTransition.objects.filter(document=document, action="distribution")


def test_only_the_issuing_clerk_may_change_the_recipients(client_for, office):
    document = issued(office)
    for user in (office.specialist, office.leader):
        client = client_for(user)
        assert (
            'id="distribution"'
            not in client.get(url("outgoing_detail", document.pk)).content.decode()
        )
        response = client.post(
            url("outgoing_distribution", document.pk), {"distribution-reason": "x"}
        )
        assert response.status_code == 404
