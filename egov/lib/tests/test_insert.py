"""``insert_unless_exists``: one statement, the row once, defaults as ``save()`` sets them."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from egov.exchange.choices import InboxState, Kind
from egov.exchange.models import InboxMessage
from egov.lib.insert import insert_unless_exists

pytestmark = pytest.mark.django_db


def _message(key: str, subject: str) -> InboxMessage:
    return InboxMessage(
        dedupe_key=key,
        kind=Kind.EDOC,
        document_id="d-1",
        from_code="000.00.00.H41",
        to_code="000.00.12.H01",
        subject=subject,
        size=0,
        state=InboxState.WAITING,
        received_at=timezone.now(),
    )


def test_it_inserts_a_new_row_in_one_statement_and_sets_its_key():
    message = _message("k-1", "first")

    with CaptureQueriesContext(connection) as queries:
        inserted = insert_unless_exists(message, ["dedupe_key"])

    assert inserted is True
    assert len(queries) == 1
    stored = InboxMessage.objects.get(pk=message.pk)
    assert stored.subject == "first"
    assert stored.warnings == []  # the field's default, as save() would set it
    assert message._state.adding is False


def test_a_second_row_with_the_same_key_is_not_inserted_and_the_first_is_unchanged():
    insert_unless_exists(_message("k-2", "first"), ["dedupe_key"])
    twin = _message("k-2", "second")

    assert insert_unless_exists(twin, ["dedupe_key"]) is False
    assert twin.pk is None
    subjects = InboxMessage.objects.filter(dedupe_key="k-2").values_list("subject", flat=True)
    assert list(subjects) == ["first"]
