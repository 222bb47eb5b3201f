"""Issuing from eight OS processes at once: numbers stay gap-free and unique per register and
year, and the audit chain holds.

Each process is started with the ``spawn`` context, so it imports Django afresh, points the
default connection at this test's database (the name pytest-django gave it: the
``EGOV_TEST_DB_NAME`` setting, ``_gwN`` appended under xdist) and calls the real
``issuing.issue`` action for its share of the documents. The approved documents are prepared
with ``bulk_create``; only the act under test goes through the action.

This module keeps its imports of Django models inside functions: a spawned process imports
it to find its worker before Django is set up.
"""

from __future__ import annotations

import multiprocessing
import os
import traceback
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import pytest

PROCESSES = 8
PER_REGISTER = 1000  # two registers: 2,000 documents in all
#: Seconds a worker may take to start before the test gives up on it.
START_TIMEOUT = 120


def _load_document_types() -> None:
    """The document types of migration 0002, as that migration writes them (idempotent)."""
    from importlib import import_module

    from django.apps import apps

    import_module("egov.documents.migrations.0002_document_types").load(apps, None)


@pytest.fixture(scope="module")
def document_types_kept(django_db_setup: None, django_db_blocker: Any) -> Iterator[None]:
    """A transactional test ends by emptying every table, the document types written by a
    data migration included; put them back afterwards for the tests that run next on this
    (reused) database. Module scope: this teardown runs after the test's flush."""
    yield
    with django_db_blocker.unblock():
        _load_document_types()


def _issue_worker(
    database: str,
    document_ids: list[int],
    clerk_id: int,
    recipient_unit_id: int,
    start: Any,
    results: Any,
) -> None:
    """One OS process: set Django up on ``database``, wait for the others, then issue
    ``document_ids`` one by one as the clerk. Reports (pk, register, year, number) rows, or
    the traceback."""
    try:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "egov.settings")
        from django.conf import settings

        settings.DATABASES["default"]["NAME"] = database
        import django

        django.setup()
        from django.contrib.auth import get_user_model

        from egov.documents.actions import issuing
        from egov.documents.choices import RecipientKind
        from egov.documents.models import OutgoingDocument
        from egov.organisations.models import OrgUnit

        clerk = get_user_model().objects.get(pk=clerk_id)
        recipients = [
            issuing.RecipientSpec(
                kind=RecipientKind.INTERNAL, unit=OrgUnit.objects.get(pk=recipient_unit_id)
            )
        ]
        start.wait(timeout=START_TIMEOUT)
        issued = []
        for pk in document_ids:
            document = issuing.issue(
                actor=clerk, document=OutgoingDocument(pk=pk), recipients=recipients
            )
            issued.append((pk, document.register_id, document.year, document.number))
        results.put(("ok", issued))
    except BaseException:
        results.put(("error", traceback.format_exc()))
    finally:
        from django.db import connections

        connections.close_all()


def _approved_documents(office: Any) -> list[int]:
    """``PER_REGISTER`` approved letters (administrative register) and as many approved
    legal-normative decisions (their own register), interleaved."""
    from egov.documents.choices import OutgoingStatus
    from egov.documents.models import DocumentType, OutgoingDocument

    letter = DocumentType.objects.get(code="cong-van")
    decision = DocumentType.objects.get(code="quyet-dinh")
    rows = [
        OutgoingDocument(
            document_type=decision if legal else letter,
            is_legal=legal,
            subject=f"Về việc thử phát hành đồng thời, văn bản {i}",
            unit=office.home_affairs,
            drafting_unit=office.civil_service_division,
            drafter=office.specialist,
            signer=office.leader,
            status=OutgoingStatus.APPROVED,
        )
        for i in range(PER_REGISTER)
        for legal in (False, True)
    ]
    return [row.pk for row in OutgoingDocument.objects.bulk_create(rows, batch_size=1000)]


@pytest.mark.django_db(transaction=True)
def test_eight_processes_issuing_2000_documents_number_each_register_1_to_n(
    document_types_kept,
):
    from django.db import connection

    from egov.audit.models import AuditEvent
    from egov.audit.service import verify_chain
    from egov.documents import audit_names
    from egov.documents.actions.issuing import format_number
    from egov.documents.choices import OutgoingStatus
    from egov.documents.models import OutgoingDocument, Register, RegisterCounter
    from egov.documents.testing import build_office
    from egov.organisations.testing import build_world

    _load_document_types()  # an earlier transactional test may have emptied them
    office = build_office(build_world())
    ids = _approved_documents(office)
    assert len(ids) == 2 * PER_REGISTER
    # The registers are opened by the first issues, concurrently too.
    connection.close()  # nothing of this process's connection is shared with the workers

    context = multiprocessing.get_context("spawn")
    start = context.Barrier(PROCESSES)
    results = context.Queue()
    workers = [
        context.Process(
            target=_issue_worker,
            args=(
                connection.settings_dict["NAME"],
                ids[n::PROCESSES],  # each process gets both kinds, interleaved
                office.clerk.pk,
                office.finance.pk,
                start,
                results,
            ),
        )
        for n in range(PROCESSES)
    ]
    for worker in workers:
        worker.start()
    reports = [results.get(timeout=600) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
    errors = [body for status, body in reports if status == "error"]
    assert errors == [], errors[0] if errors else ""
    assert [worker.exitcode for worker in workers] == [0] * PROCESSES
    issued_rows = [row for _, rows in reports for row in rows]
    assert sorted(pk for pk, *_ in issued_rows) == sorted(ids)

    # Exactly 1..N per register and year: no gap, no duplicate, counted in the database.
    numbers: dict[tuple[int, int], list[int]] = defaultdict(list)
    for document in OutgoingDocument.objects.filter(pk__in=ids).select_related("document_type"):
        register_id, year, number = document.register_id, document.year, document.number
        assert document.status == OutgoingStatus.ISSUED
        assert register_id is not None and year is not None and number is not None
        assert document.code_number == format_number(number)
        assert document.code_notation == (f"{year}/QĐ-SNV" if document.is_legal else "SNV-CCVC")
        numbers[(register_id, year)].append(number)
    registers = Register.objects.in_bulk([register for register, _ in numbers])
    assert sorted(register.kind for register in registers.values()) == ["general", "legal"]
    per_register: dict[int, int] = defaultdict(int)
    for (register_id, year), series in numbers.items():
        # 1..n in every year (a run straddling New Year's midnight starts a second series).
        assert sorted(series) == list(range(1, len(series) + 1)), (registers[register_id], year)
        counter = RegisterCounter.objects.get(register_id=register_id, year=year)
        assert counter.last_number == len(series)
        per_register[register_id] += len(series)
    assert sorted(per_register.values()) == [PER_REGISTER, PER_REGISTER]
    # What each process was told matches what was stored.
    stored = {pk: (register, year, number) for pk, register, year, number in issued_rows}
    assert stored == {
        document.pk: (document.register_id, document.year, document.number)
        for document in OutgoingDocument.objects.filter(pk__in=ids)
    }

    issue_events = AuditEvent.objects.filter(action=audit_names.OUTGOING_ISSUE)
    assert issue_events.count() == 2 * PER_REGISTER
    assert list(verify_chain()) == []
