"""The database refuses to update or delete audit rows (trigger of migration 0002)."""

import pytest
from django.db import DatabaseError, transaction

from egov.audit.models import AuditEvent
from egov.audit.tests.helpers import probe

pytestmark = pytest.mark.django_db


def test_updating_an_event_through_a_queryset_is_refused():
    event = probe(note="original")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(note="rewritten")
    assert AuditEvent.objects.get(pk=event.pk).note == "original"


def test_saving_a_changed_event_is_refused():
    event = probe(note="original")
    event.note = "rewritten"
    with pytest.raises(DatabaseError, match="UPDATE refused"), transaction.atomic():
        event.save()


def test_deleting_an_event_is_refused():
    event = probe()
    with pytest.raises(DatabaseError, match="DELETE refused"), transaction.atomic():
        event.delete()
    with pytest.raises(DatabaseError, match="DELETE refused"), transaction.atomic():
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.filter(pk=event.pk).exists()
