"""Mailboxes for new hires are written set-based: one hire costs a fixed number of
statements, a staff file of many hires costs the same few statements (plus the audit
events), and the result is the same as hiring one by one."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from egov.audit.models import AuditEvent
from egov.mail.choices import ChangeState, MailboxState
from egov.mail.models import Alias, Mailbox, MailboxChange, VirtualAlias, VirtualUser
from egov.organisations import actions as org_actions
from egov.organisations.importing import import_staff
from egov.organisations.importing.testing import STAFF_HEADERS, xlsx_upload

pytestmark = pytest.mark.django_db

DAY = dt.date(2026, 3, 2)


_codes = iter(range(1, 10_000))


def _row(name: str, email: str = "", unit: str = "000.00.02.H01") -> list[Any]:
    return [name, f"MT{next(_codes):04d}", email, "", unit, "", "", "01/07/2025", "", ""]


def _statements(ctx: CaptureQueriesContext) -> int:
    """Statements that reach the server, savepoints included."""
    return len(ctx.captured_queries)


def test_one_hire_without_review_costs_a_fixed_number_of_statements(world, settings):
    settings.EGOV_MAIL_REVIEW_CHANGES = False
    org_actions.hire_person(
        actor=None, full_name="Lê Văn Đầu", unit=world.finance, effective_date=DAY,
        skip_access_check=True,
    )  # fmt: skip
    with CaptureQueriesContext(connection) as ctx:
        person = org_actions.hire_person(
            actor=None, full_name="Lê Thị Hai", unit=world.finance, effective_date=DAY,
            skip_access_check=True,
        )  # fmt: skip
    mailbox = Mailbox.objects.get(person=person)
    assert mailbox.state == MailboxState.ACTIVE
    assert VirtualUser.objects.get(address=mailbox.address).active
    # 44 before the set-based rewrite (decision 0014): 10 of the staff action, 6 of the
    # two mail audit events, 12 of the mailbox and its server row.
    assert _statements(ctx) <= 28


def test_a_staff_file_provisions_every_mailbox_in_one_batch(world, settings):
    settings.EGOV_MAIL_REVIEW_CHANGES = False
    small = [STAFF_HEADERS] + [_row(f"Phạm Văn Một {n}") for n in range(2)]
    with CaptureQueriesContext(connection) as ctx_small:
        assert import_staff(actor=world.admin, file=xlsx_upload(small)).ok
    large = [STAFF_HEADERS] + [_row(f"Phạm Văn Hai {n}") for n in range(12)]
    with CaptureQueriesContext(connection) as ctx_large:
        assert import_staff(actor=world.admin, file=xlsx_upload(large)).ok
    mail_writes = [
        [q["sql"] for q in ctx.captured_queries if '"mail_' in q["sql"]]
        for ctx in (ctx_small, ctx_large)
    ]
    # The mailbox part does not grow with the number of rows.
    assert len(mail_writes[0]) == len(mail_writes[1])
    boxes = Mailbox.objects.filter(person__full_name__startswith="Phạm Văn Hai")
    assert boxes.count() == 12
    assert set(boxes.values_list("state", flat=True)) == {MailboxState.ACTIVE}
    assert (
        VirtualUser.objects.filter(address__in=boxes.values("address"), active=True).count() == 12
    )


def test_namesakes_in_one_file_get_numbered_addresses(world):
    rows = [STAFF_HEADERS, _row("Hồ Văn Lợi"), _row("Hồ Văn Lợi", unit="000.00.03.H01")]
    org_actions.hire_person(
        actor=world.admin, full_name="Hà Văn Lợi", unit=world.finance, effective_date=DAY
    )
    report = import_staff(actor=world.admin, file=xlsx_upload(rows))
    assert report.ok, report.errors
    addresses = sorted(
        Mailbox.objects.filter(person__full_name="Hồ Văn Lợi").values_list("address", flat=True)
    )
    # loihv is Hà Văn Lợi's already.
    assert addresses == ["loihv2@angiang.gov.vn", "loihv3@angiang.gov.vn"]
    changes = MailboxChange.objects.filter(mailbox__address__in=addresses)
    assert set(changes.values_list("state", flat=True)) == {ChangeState.PENDING}
    for change in changes:
        assert [(t.from_state, t.to_state) for t in change.transitions.all()] == [("", "pending")]
    assert (
        AuditEvent.objects.filter(
            action="mail.mailbox.request", object_id__in=[str(c.pk) for c in changes]
        ).count()
        == 2
    )


def test_a_group_address_or_a_removed_mailbox_is_never_handed_out(world, settings):
    from egov.mail import actions

    settings.EGOV_MAIL_REVIEW_CHANGES = False
    actions.create_group_alias(
        actor=None, unit=world.finance, local_part="loihv", skip_access_check=True
    )
    rows = [STAFF_HEADERS, _row("Hồ Văn Lợi", unit="000.00.03.H01")]
    assert import_staff(actor=world.admin, file=xlsx_upload(rows)).ok
    box = Mailbox.objects.get(person__full_name="Hồ Văn Lợi")
    assert box.address == "loihv2@angiang.gov.vn"
    group = Alias.objects.get(address="loihv@angiang.gov.vn")
    # The new official joined the group list of the unit in the same batch.
    goto = VirtualAlias.objects.get(ref=f"alias:{group.pk}").goto.split(",")
    assert "loihv2@angiang.gov.vn" in goto


def test_a_name_used_past_the_checked_candidates_still_gets_a_free_address(world):
    from egov.mail.actions.provisioning import CANDIDATES

    for _n in range(CANDIDATES + 1):
        org_actions.hire_person(
            actor=world.admin, full_name="Trần Văn Tư", unit=world.finance, effective_date=DAY
        )
    addresses = set(
        Mailbox.objects.filter(person__full_name="Trần Văn Tư").values_list("address", flat=True)
    )
    expected = {"tutv@angiang.gov.vn"} | {
        f"tutv{n}@angiang.gov.vn" for n in range(2, CANDIDATES + 2)
    }
    assert addresses == expected
