"""``manage.py audit_verify``: exit 0 on an intact chain; non-zero, naming the event, when a
row was edited or removed behind the application's back."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from egov.audit.models import AuditEvent
from egov.audit.tests.helpers import probe, tamper

pytestmark = pytest.mark.django_db


def _verify() -> tuple[int, str, str]:
    """Run the command; return the status ``manage.py`` exits with (``run_from_argv`` exits
    with a ``CommandError``'s ``returncode``), its output and its error output."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("audit_verify", stdout=out, stderr=err)
    except CommandError as failure:
        return failure.returncode, out.getvalue(), f"{err.getvalue()}{failure}"
    return 0, out.getvalue(), err.getvalue()


def _chain(length: int = 5) -> list[AuditEvent]:
    return [probe(object_repr=f"mục {n}", after={"n": n}) for n in range(length)]


def test_it_exits_zero_and_counts_the_events_of_an_intact_chain():
    _chain()
    status, out, _ = _verify()
    assert status == 0
    assert "audit chain intact" in out


def test_it_names_the_event_whose_content_was_edited():
    events = _chain()
    tamper("UPDATE audit_auditevent SET note = %s WHERE id = %s", ["sửa lén", events[2].pk])
    status, _, err = _verify()
    assert status != 0
    assert f"event {events[2].pk}: content does not match its hash" in err


def test_it_names_the_event_after_a_removed_row():
    events = _chain()
    tamper("DELETE FROM audit_auditevent WHERE id = %s", [events[2].pk])
    status, _, err = _verify()
    assert status != 0
    assert f"event {events[3].pk}: previous-hash link broken after event {events[1].pk}" in err


def test_a_forged_hash_breaks_both_the_row_and_the_link_from_the_next_row():
    events = _chain()
    tamper("UPDATE audit_auditevent SET hash = %s WHERE id = %s", ["f" * 64, events[1].pk])
    status, _, err = _verify()
    assert status != 0
    assert f"event {events[1].pk}: content does not match its hash" in err
    assert f"event {events[2].pk}: previous-hash link broken" in err
    assert "broken in 2 place(s)" in err
