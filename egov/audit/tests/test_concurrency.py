"""Concurrent appends from several connections keep one unbroken chain."""

import threading

import pytest
from django.db import connection
from django.db.models import Count

from egov.audit.models import AuditEvent
from egov.audit.service import verify_chain
from egov.audit.tests.helpers import probe

THREADS = 6
EVENTS_PER_THREAD = 25


@pytest.mark.django_db(transaction=True)
def test_concurrent_records_from_several_connections_keep_one_unbroken_chain():
    start = threading.Barrier(THREADS)
    failures: list[BaseException] = []

    def append_events(worker: int) -> None:
        try:
            start.wait()
            for number in range(EVENTS_PER_THREAD):
                probe(object_type="test.worker", object_id=f"{worker}-{number}")
        except BaseException as failure:
            failures.append(failure)
        finally:
            connection.close()  # each thread has its own connection; give it back

    workers = [threading.Thread(target=append_events, args=(n,)) for n in range(THREADS)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()

    assert failures == []
    assert AuditEvent.objects.filter(object_type="test.worker").count() == (
        THREADS * EVENTS_PER_THREAD
    )
    shared_links = AuditEvent.objects.values("prev_hash").annotate(n=Count("id")).filter(n__gt=1)
    assert list(shared_links) == []
    assert list(verify_chain()) == []
