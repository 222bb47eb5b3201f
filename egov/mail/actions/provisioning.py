"""Mailboxes for new hires, set-based: one hire or a whole staff file costs the same
handful of statements (addresses checked in one query, mailboxes, changes and transitions
written with ``bulk_create``, the server rows in one upsert), plus the audit events, which
are one per change as everywhere else. Called by the staff register's hooks inside the
hiring transaction (``organisations.hooks.on_hires``): the access check was the staff
action's.

Behaviour is :func:`~egov.mail.actions.mailboxes.provision_personal_mailbox`'s: the recorded
official address if it is on our domain and free, otherwise the convention's proposal,
numbered (``lanhnv``, ``lanhnv2``…); never an address a mailbox or group alias has had.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _

from egov.audit.service import record
from egov.lib.errors import ActionError
from egov.mail import audit_names
from egov.mail.actions._common import province_domain, user_or_none
from egov.mail.actions.changes import apply_new_provisions
from egov.mail.addresses import check_local_part, proposed_local_part
from egov.mail.choices import AliasKind, ChangeKind, ChangeState, MailboxKind
from egov.mail.models import Alias, Mailbox, MailboxChange, MailboxChangeTransition, MailDomain
from egov.organisations.models import Person

#: Numbered candidates checked in the one query (``base``, ``base2`` … ``base9``); a name
#: already used that often falls back to asking further one number at a time.
CANDIDATES = 9
#: Addresses per ``IN`` list.
CHUNK = 2000


def taken_addresses(addresses: Iterable[str]) -> set[str]:
    """Which of ``addresses`` a mailbox (live or removed) or a group alias has: one query
    per :data:`CHUNK` addresses."""
    wanted = sorted(set(addresses))
    found: set[str] = set()
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start : start + CHUNK]
        boxes = Mailbox.objects.filter(address__in=chunk).values_list("address", flat=True)
        groups = Alias.objects.filter(kind=AliasKind.GROUP, address__in=chunk).values_list(
            "address", flat=True
        )
        found.update(boxes.union(groups))
    return found


def _own_address(person: Person, domain: MailDomain) -> str | None:
    """The person's recorded e-mail if it is a valid address on our domain."""
    email = (person.email or "").lower()
    local, _sep, host = email.partition("@")
    if host != domain.name:
        return None
    try:
        return f"{check_local_part(local)}@{domain.name}"
    except ActionError:
        return None


def choose_addresses(people: Sequence[Person], domain: MailDomain) -> list[str]:
    """A free address for each person, distinct from each other."""
    options: list[list[str]] = []
    for person in people:
        own = _own_address(person, domain)
        base = proposed_local_part(person.full_name)
        numbered = [base] + [f"{base}{n}" for n in range(2, CANDIDATES + 1)]
        options.append(([own] if own else []) + [f"{local}@{domain.name}" for local in numbered])
    taken = taken_addresses(address for choice in options for address in choice)
    chosen: list[str] = []
    for person, choice in zip(people, options, strict=True):
        address = next((a for a in choice if a not in taken), None)
        if address is None:
            address = _beyond_candidates(proposed_local_part(person.full_name), domain, taken)
        taken.add(address)
        chosen.append(address)
    return chosen


def _beyond_candidates(base: str, domain: MailDomain, taken: set[str]) -> str:
    n = CANDIDATES
    while True:
        n += 1
        address = f"{base}{n}@{domain.name}"
        if address not in taken and not taken_addresses([address]):
            return address


def provision_new_hires(
    *, actor: Any, hires: Sequence[tuple[Person, dt.date]]
) -> list[MailboxChange]:
    """Reserve an address and request provisioning for each newly hired person (the staff
    action has just created them: none has a mailbox). Without review the changes apply at
    once, together. Precondition: inside the hiring transaction; every person has a unit."""
    if not hires:
        return []
    for person, _day in hires:
        if person.unit is None:
            raise ActionError(_("Cán bộ chưa thuộc đơn vị nào."), code="no_unit")
    domain = province_domain()
    people = [person for person, _day in hires]
    addresses = choose_addresses(people, domain)
    boxes = Mailbox.objects.bulk_create(
        [
            Mailbox(
                address=address,
                local_part=address.partition("@")[0],
                domain=domain,
                kind=MailboxKind.PERSONAL,
                person=person,
                unit=person.unit,
                display_name=person.full_name,
                quota_mb=settings.EGOV_MAIL_QUOTA_MB,
            )
            for person, address in zip(people, addresses, strict=True)
        ]
    )
    requester = user_or_none(actor)
    changes = MailboxChange.objects.bulk_create(
        [
            MailboxChange(
                mailbox=box,
                kind=ChangeKind.PROVISION,
                effective_date=day,
                to_unit=box.unit,
                requested_by=requester,
            )
            for box, (_person, day) in zip(boxes, hires, strict=True)
        ]
    )
    MailboxChangeTransition.objects.bulk_create(
        [
            MailboxChangeTransition(
                change=change, from_state="", to_state=ChangeState.PENDING, actor=requester
            )
            for change in changes
        ]
    )
    for change in changes:
        record(
            action=audit_names.MAILBOX_REQUEST,
            actor=actor,
            obj=change,
            unit_id=change.mailbox.unit_id,
            after={"mailbox": change.mailbox.address, "kind": change.kind, "reason": ""},
        )
    if not settings.EGOV_MAIL_REVIEW_CHANGES:
        apply_new_provisions(changes, actor, note=_("Áp dụng ngay (không yêu cầu duyệt)."))
    return changes
