"""Reconciliation report: the platform's mailbox records against what the mail server holds
(for the ``pgsql`` adapter, the ``mail_virtual_users`` table Postfix and Dovecot read).

Read only. The fixes are pending changes of kind *resync*
(:func:`egov.mail.actions.reconcile.request_resync`), reviewed like every other change.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from egov.mail.adapters import get_adapter
from egov.mail.adapters.base import ServerAccount
from egov.mail.choices import ChangeState, MailboxState, ResyncProblem
from egov.mail.models import Mailbox, MailboxChange
from egov.organisations import access as org_access


@dataclass(frozen=True)
class Discrepancy:
    address: str
    problem: str
    mailbox: Mailbox | None
    account: ServerAccount | None
    #: A change of this mailbox is already waiting for review: no second fix is offered.
    pending: bool = False

    @property
    def description(self) -> str:
        return str(ResyncProblem(self.problem).label)

    @property
    def fixable(self) -> bool:
        return self.mailbox is not None and not self.pending


def problem_of(box: Mailbox, account: ServerAccount | None) -> str | None:
    """What is wrong between the record and the server's account, or ``None``."""
    if box.state in (MailboxState.PENDING, MailboxState.REMOVED):
        return ResyncProblem.EXTRA if account is not None else None
    if account is None:
        return ResyncProblem.MISSING
    if box.state == MailboxState.ACTIVE and not account.active:
        return ResyncProblem.SHOULD_BE_ACTIVE
    if box.state == MailboxState.SUSPENDED and account.active:
        return ResyncProblem.SHOULD_BE_SUSPENDED
    return None


def server_accounts() -> dict[str, ServerAccount]:
    return {account.address: account for account in get_adapter().accounts()}


def discrepancies_for(user: Any) -> list[Discrepancy]:
    """Every difference among the mailboxes ``user`` administers, then (for system
    administrators) the server's addresses no record has. Three queries and one read of the
    server's accounts."""
    accounts = server_accounts()
    boxes = list(Mailbox.objects.visible_to(user).select_related("unit").order_by("address"))
    pending = set(
        MailboxChange.objects.filter(
            state=ChangeState.PENDING, mailbox__in=[box.pk for box in boxes]
        ).values_list("mailbox_id", flat=True)
    )
    found: list[Discrepancy] = []
    for box in boxes:
        account = accounts.get(box.address)
        problem = problem_of(box, account)
        if problem is not None:
            found.append(Discrepancy(box.address, problem, box, account, pending=box.pk in pending))
    if org_access.is_system_admin(user):
        known = set(
            Mailbox.objects.filter(address__in=list(accounts)).values_list("address", flat=True)
        )
        found.extend(
            Discrepancy(address, ResyncProblem.UNKNOWN, None, account)
            for address, account in sorted(accounts.items())
            if address not in known
        )
    return found
