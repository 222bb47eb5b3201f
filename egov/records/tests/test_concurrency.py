"""Two clerks opening a file with the same code at the same moment, and adding the same
document to a file at once: one wins, the other gets the specific refusal, nothing doubles."""

import threading

import pytest
from django.db import connection

from egov.lib.errors import ActionError
from egov.records.actions import files
from egov.records.models import CaseFile, CaseFileItem
from egov.records.testing import received

pytestmark = pytest.mark.django_db(transaction=True)


def race(calls):
    """Run each call in its own thread (own connection), released together."""
    barrier = threading.Barrier(len(calls))
    outcomes: list[object] = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait()
            outcomes[index] = call()
        except Exception as error:  # the outcome is what the test inspects
            outcomes[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return outcomes


def test_one_of_two_simultaneous_openings_with_the_same_code_wins(office):
    def open_it():
        return files.open_case_file(
            actor=office.clerk,
            unit=office.home_affairs,
            code="01.TCCB",
            title="Hồ sơ tuyển dụng",
            owner=office.clerk,
            retention_years=None,
        )

    outcomes = race([open_it, open_it, open_it])
    opened = [o for o in outcomes if isinstance(o, CaseFile)]
    refused = [o for o in outcomes if isinstance(o, ActionError)]
    assert len(opened) == 1 and len(refused) == 2
    assert {e.code for e in refused} == {"code_taken"}
    assert CaseFile.objects.filter(code="01.TCCB").count() == 1


def test_a_document_added_twice_at_once_sits_in_the_file_once(office):
    case_file = files.open_case_file(
        actor=office.clerk,
        unit=office.home_affairs,
        code="02.HC",
        title="Hồ sơ hành chính",
        owner=office.clerk,
        retention_years=5,
    )
    document = received(office)

    def add():
        return files.add_document(actor=office.clerk, case_file=case_file, incoming=document)

    outcomes = race([add, add])
    assert sum(isinstance(o, CaseFileItem) for o in outcomes) == 1
    assert [o.code for o in outcomes if isinstance(o, ActionError)] == ["already_in_file"]
    assert CaseFileItem.objects.filter(case_file=case_file).count() == 1


def test_one_copy_lent_twice_at_once_goes_out_once(office):
    from egov.lib.dates import local_today
    from egov.records.actions.loans import lend_copy
    from egov.records.models import CopyLoan

    document = received(office)

    def lend():
        return lend_copy(
            actor=office.clerk,
            unit=office.home_affairs,
            borrower=office.specialist,
            permitted_by=office.leader,
            lent_on=local_today(),
            incoming=document,
        )

    outcomes = race([lend, lend, lend])
    assert sum(isinstance(o, CopyLoan) for o in outcomes) == 1
    assert [o.code for o in outcomes if isinstance(o, ActionError)] == ["already_out"] * 2
    assert CopyLoan.objects.filter(incoming=document).count() == 1
