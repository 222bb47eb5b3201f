"""Recording events: registered names only, one unbroken chain, bound to the caller's
transaction."""

import itertools

import pytest
from django.db import transaction

from egov.audit.models import GENESIS_HASH, AuditEvent
from egov.audit.service import record, verify_chain
from egov.audit.tests.helpers import PROBE, probe

pytestmark = pytest.mark.django_db


def test_record_refuses_an_action_name_that_was_never_registered():
    with pytest.raises(ValueError, match=r"audit\.test\.typo"):
        record(action="audit.test.typo", actor=None, object_repr="x")
    assert not AuditEvent.objects.filter(action="audit.test.typo").exists()


def test_the_chain_verifies_after_many_records():
    for number in range(300):
        probe(object_type="test.thing", object_id=str(number), after={"n": number})
    events = list(AuditEvent.objects.order_by("id"))
    assert len(events) >= 300
    assert events[0].prev_hash == GENESIS_HASH
    assert all(later.prev_hash == earlier.hash for earlier, later in itertools.pairwise(events))
    assert list(verify_chain(batch_size=64)) == []


def test_an_event_rolled_back_with_its_action_leaves_the_chain_whole():
    kept = probe(object_repr="kept")
    with pytest.raises(RuntimeError), transaction.atomic():
        probe(object_repr="rolled back")
        raise RuntimeError("the action failed after recording")
    following = probe(object_repr="following")
    assert following.prev_hash == kept.hash
    assert list(verify_chain()) == []


def test_the_stored_values_read_back_exactly_as_they_were_hashed():
    event = record(
        action=PROBE,
        actor=None,
        object_repr="Sở Nội vụ",
        before={"tên": "Sở Nội vụ", "ngày": None},
        after={"tên": "Sở Nội vụ tỉnh An Giang", "số": 3},
        note="Quyết định số 12/QĐ-UBND",
    )
    stored = AuditEvent.objects.get(pk=event.pk)
    assert stored.compute_hash() == stored.hash == event.hash
