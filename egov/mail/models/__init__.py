from egov.mail.models.mailboxes import (
    Alias,
    Mailbox,
    MailboxChange,
    MailboxChangeTransition,
    MailDomain,
)
from egov.mail.models.server import VirtualAlias, VirtualDomain, VirtualUser

__all__ = [
    "Alias",
    "MailDomain",
    "Mailbox",
    "MailboxChange",
    "MailboxChangeTransition",
    "VirtualAlias",
    "VirtualDomain",
    "VirtualUser",
]
