"""The only code that writes mailboxes, aliases and the mail server's tables."""

from egov.mail.actions.changes import approve_change, reject_change, request_change
from egov.mail.actions.directory import set_public_role
from egov.mail.actions.mailboxes import (
    create_group_alias,
    provision_personal_mailbox,
    provision_shared_mailbox,
    request_removals_due,
    set_mailbox_password,
)
from egov.mail.actions.reconcile import request_resync

__all__ = [
    "approve_change",
    "create_group_alias",
    "provision_personal_mailbox",
    "provision_shared_mailbox",
    "reject_change",
    "request_change",
    "request_removals_due",
    "request_resync",
    "set_mailbox_password",
    "set_public_role",
]
