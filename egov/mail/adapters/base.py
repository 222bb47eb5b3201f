"""What the platform asks of a mail server. The platform owns the record (who has which
address, in which state); an adapter makes the server agree with it.

Calls are made while applying an approved change, inside the change's database transaction.
An adapter writing to the platform's own database (``pgsql``) commits with the change; one
talking to a remote directory (LDAP, a vendor API) must be idempotent, because a change that
failed is retried as a whole. Passwords reach an adapter only as hashes.
"""

from __future__ import annotations

import abc
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class MailboxRecord:
    """What a server needs to know about one mailbox."""

    address: str
    local_part: str
    domain: str
    display_name: str
    quota_mb: int


@dataclass(frozen=True)
class ServerAccount:
    """A mailbox as the server holds it (for reconciliation)."""

    address: str
    active: bool
    has_password: bool


class MailServerAdapter(abc.ABC):
    """One implementation per kind of mail server (SQL maps, LDAP directory, vendor API)."""

    name: str = ""

    @abc.abstractmethod
    def ensure_domain(self, domain: str) -> None:
        """The server accepts mail for ``domain``."""

    @abc.abstractmethod
    def provision(self, record: MailboxRecord) -> None:
        """Create the mailbox, or update it if it exists; it can receive mail. Login needs a
        password (:meth:`set_password`)."""

    def provision_many(self, records: Sequence[MailboxRecord]) -> None:
        """:meth:`provision` for several mailboxes (a staff import); adapters that can
        write them together override it."""
        for record in records:
            self.provision(record)

    @abc.abstractmethod
    def suspend(self, address: str, *, reason: str) -> None:
        """Refuse login (with ``reason``) and delivery; keep the content."""

    @abc.abstractmethod
    def reactivate(self, address: str) -> None:
        """Undo :meth:`suspend`."""

    @abc.abstractmethod
    def remove(self, address: str) -> None:
        """The server no longer knows the address (its content was exported before)."""

    @abc.abstractmethod
    def set_password(self, address: str, hashed: str) -> None:
        """Store a scheme-prefixed hash the server verifies (``{ARGON2ID}$argon2id$…``)."""

    @abc.abstractmethod
    def put_alias(
        self,
        ref: str,
        *,
        address: str,
        domain: str,
        targets: Sequence[str],
        valid_until: dt.datetime | None,
    ) -> None:
        """Mail to ``address`` goes to ``targets`` (until ``valid_until``). ``ref`` is the
        platform's key for this alias; putting it again replaces it. No targets: drop it."""

    @abc.abstractmethod
    def drop_alias(self, ref: str) -> None:
        """Forget the alias ``ref``."""

    @abc.abstractmethod
    def accounts(self) -> list[ServerAccount]:
        """Every mailbox the server knows (for the periodic reconciliation report)."""
