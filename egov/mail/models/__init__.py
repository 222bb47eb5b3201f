from egov.mail.models.mailboxes import (
    Alias,
    Mailbox,
    MailboxChange,
    MailboxChangeTransition,
    MailDomain,
)
from egov.mail.models.messages import (
    FolderCursor,
    InboundMail,
    MailboxArchive,
    OutboundMail,
)
from egov.mail.models.server import LastLogin, VirtualAlias, VirtualDomain, VirtualUser

__all__ = [
    "Alias",
    "FolderCursor",
    "InboundMail",
    "LastLogin",
    "MailDomain",
    "Mailbox",
    "MailboxArchive",
    "MailboxChange",
    "MailboxChangeTransition",
    "OutboundMail",
    "VirtualAlias",
    "VirtualDomain",
    "VirtualUser",
]
