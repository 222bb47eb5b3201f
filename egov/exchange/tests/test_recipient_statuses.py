"""Recipients' statuses set for a batch at once: as one at a time would, in three
statements whatever the batch's size, and never backwards."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from egov.documents.actions.delivery import set_recipient_statuses
from egov.documents.choices import RecipientStatus
from egov.documents.models import OutgoingTransition, Recipient

from .test_internal_delivery import issued_to_finance

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_a_batch_moves_each_recipient_forward_once_per_change_in_three_statements(office):
    first = Recipient.objects.get(document=issued_to_finance(office))
    second = Recipient.objects.get(document=issued_to_finance(office))
    Recipient.objects.filter(pk=second.pk).update(status=RecipientStatus.DONE)
    before = OutgoingTransition.objects.filter(action="recipient").count()
    now = timezone.now()

    with CaptureQueriesContext(connection) as queries:
        moved = set_recipient_statuses(
            [
                (first.pk, RecipientStatus.SENT, now),
                (second.pk, RecipientStatus.SENT, now),  # behind DONE: ignored
                (first.pk, RecipientStatus.RECEIVED, now),
            ]
        )

    assert moved == 2
    assert len(queries) == 3
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (RecipientStatus.RECEIVED, RecipientStatus.DONE)
    notes = list(
        OutgoingTransition.objects.filter(action="recipient")
        .order_by("pk")
        .values_list("document_id", "note")[before:]
    )
    assert [document for document, _note in notes] == [first.document_id] * 2
    assert notes[1][1].endswith(f"{RecipientStatus.SENT.label} → {RecipientStatus.RECEIVED.label}")
