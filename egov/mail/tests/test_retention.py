"""A retired official's mailbox past its retention period: its content is exported to the
archive (mbox per folder in a gzipped tar, with its SHA-256, audited) before the server
forgets the address; without an export the removal refuses."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import mailbox as mbox
import tarfile
import tempfile
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command

from egov.audit.models import AuditEvent
from egov.mail import actions, testing
from egov.mail.choices import ChangeState, MailboxState
from egov.mail.models import Mailbox, MailboxChange, VirtualUser
from egov.mail.testing import message
from egov.organisations import actions as org_actions
from egov.organisations.choices import StaffEventKind

pytestmark = [pytest.mark.mail, pytest.mark.django_db(transaction=True)]


def test_the_content_is_archived_before_the_mailbox_is_removed(world, mail_traffic, settings):
    settings.EGOV_MAIL_RETENTION_DAYS = 30
    person = org_actions.hire_person(
        actor=world.admin,
        full_name="Võ Thị Lưu Trữ",
        unit=world.finance,
        effective_date=dt.date(2026, 3, 2),
    )
    testing.approve_pending()
    box = Mailbox.objects.get(person=person)
    for n in range(2):
        _id, raw = message(sender="a@example.org", to=box.address, subject=f"Thư số {n}")
        testing.deliver(mail_traffic, sender="a@example.org", recipients=[box.address], raw=raw)
    testing.wait_for_count(mail_traffic, box.address, 2)
    org_actions.end_employment(
        actor=world.admin,
        person=person,
        kind=StaffEventKind.RETIRE,
        effective_date=dt.date(2026, 6, 1),
    )
    testing.approve_pending()
    box.refresh_from_db()
    assert box.state == MailboxState.SUSPENDED and box.remove_after == dt.date(2026, 7, 1)

    # Removal without an export refuses (the change fails, the mailbox stays).
    actions.request_removals_due(actor=None, today=box.remove_after)
    testing.approve_pending()
    failed = MailboxChange.objects.get(mailbox=box, kind="remove")
    assert failed.state == ChangeState.FAILED and "not archived" in failed.error
    assert VirtualUser.objects.filter(address=box.address).exists()

    out = io.StringIO()
    call_command("mail_retention", today="2026-06-30", stdout=out)
    assert out.getvalue() == ""  # not due yet
    call_command("mail_retention", today="2026-07-01", stdout=out)
    assert f"archived {box.address}: 2 messages" in out.getvalue()

    [archive] = box.archives.all()
    with default_storage.open(str(archive.content.name), "rb") as handle:
        data = handle.read()
    assert hashlib.sha256(data).hexdigest() == archive.sha256 and len(data) == archive.size
    with tempfile.TemporaryDirectory() as tmp, tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(tmp, filter="data")
        inbox = mbox.mbox(str(Path(tmp) / box.address / "INBOX.mbox"))
        subjects = sorted(str(m["Subject"]) for m in inbox)
    assert len(subjects) == 2
    assert AuditEvent.objects.filter(action="mail.mailbox.archive", object_id=str(box.pk)).exists()

    testing.approve_pending()
    box.refresh_from_db()
    assert box.state == MailboxState.REMOVED
    assert not VirtualUser.objects.filter(address=box.address).exists()
