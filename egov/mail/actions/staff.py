"""What the staff register's events do to mailboxes. Registered with
``egov.organisations.hooks`` and called inside the staff action's transaction: the access
check was the staff action's."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from egov.mail import queries
from egov.mail.actions.changes import request_change
from egov.mail.actions.mailboxes import provision_personal_mailbox
from egov.mail.actions.provisioning import provision_new_hires
from egov.mail.choices import ChangeKind, MailboxState
from egov.organisations.models import OrgUnit, Person


def on_hires(hires: Sequence[tuple[Person, dt.date]], *, actor: Any) -> None:
    """One hire, or every hire of a staff file at once (``hooks.hiring_in_bulk``)."""
    provision_new_hires(actor=actor, hires=hires)


def on_transfer(
    person: Person, *, actor: Any, old_unit: OrgUnit | None, effective_date: dt.date
) -> None:
    if old_unit is not None and person.unit_id == old_unit.pk:
        return  # a change of post only: the mailbox stays as it is
    mailbox = queries.live_mailbox_of(person)
    if mailbox is None:
        provision_personal_mailbox(
            actor=actor, person=person, effective_date=effective_date, skip_access_check=True
        )
        return
    request_change(
        actor=actor,
        mailbox=mailbox,
        kind=ChangeKind.TRANSFER,
        effective_date=effective_date,
        from_unit=old_unit,
        to_unit=person.unit,
    )


def on_leave(person: Person, *, actor: Any, kind: str, effective_date: dt.date) -> None:
    mailbox = queries.live_mailbox_of(person)
    if mailbox is None or mailbox.state == MailboxState.REMOVED:
        return
    request_change(
        actor=actor,
        mailbox=mailbox,
        kind=ChangeKind.SUSPEND,
        effective_date=effective_date,
        reason=kind,
    )


def on_return(person: Person, *, actor: Any, effective_date: dt.date) -> None:
    mailbox = queries.live_mailbox_of(person)
    if mailbox is None:
        return
    request_change(
        actor=actor, mailbox=mailbox, kind=ChangeKind.REACTIVATE, effective_date=effective_date
    )
