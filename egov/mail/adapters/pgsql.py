"""Postfix + Dovecot reading virtual domains, users and aliases from PostgreSQL (the design
iRedMail uses). The server's maps and passdb/userdb are in ``deploy/mail/``; this adapter
keeps the three ``mail_virtual_*`` tables in step with the approved state of the platform."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from egov.mail.adapters.base import MailboxRecord, MailServerAdapter, ServerAccount
from egov.mail.models import VirtualAlias, VirtualDomain, VirtualUser


def maildir_of(record: MailboxRecord) -> str:
    """Relative to the server's mail root: ``<domain>/<local part>/`` (Postfix ``%d/%u``)."""
    return f"{record.domain}/{record.local_part}/"


class PostfixDovecotPgsqlAdapter(MailServerAdapter):
    name = "pgsql"

    def ensure_domain(self, domain: str) -> None:
        self._ensure_domains([domain])

    def _ensure_domains(self, domains: Sequence[str]) -> None:
        # One INSERT … ON CONFLICT DO UPDATE (an upsert), not a read then a write.
        VirtualDomain.objects.bulk_create(
            [VirtualDomain(domain=domain, active=True) for domain in sorted(set(domains))],
            update_conflicts=True,
            unique_fields=["domain"],
            update_fields=["active"],
        )

    def provision(self, record: MailboxRecord) -> None:
        self.provision_many([record])

    def provision_many(self, records: Sequence[MailboxRecord]) -> None:
        """Upsert the users (the password, if any, is left as it is)."""
        if not records:
            return
        self._ensure_domains([record.domain for record in records])
        VirtualUser.objects.bulk_create(
            [
                VirtualUser(
                    address=record.address,
                    domain=record.domain,
                    maildir=maildir_of(record),
                    quota_mb=record.quota_mb,
                    active=True,
                    nologin_reason="",
                )
                for record in records
            ],
            update_conflicts=True,
            unique_fields=["address"],
            update_fields=[
                "domain",
                "maildir",
                "quota_mb",
                "active",
                "nologin_reason",
                "updated_at",
            ],
            batch_size=2000,
        )

    def _user(self, address: str) -> VirtualUser:
        return VirtualUser.objects.select_for_update().get(address=address)

    def suspend(self, address: str, *, reason: str) -> None:
        user = self._user(address)
        user.active = False
        user.nologin_reason = reason
        user.save(update_fields=["active", "nologin_reason", "updated_at"])

    def reactivate(self, address: str) -> None:
        user = self._user(address)
        user.active = True
        user.nologin_reason = ""
        user.save(update_fields=["active", "nologin_reason", "updated_at"])

    def remove(self, address: str) -> None:
        VirtualUser.objects.filter(address=address).delete()
        VirtualAlias.objects.filter(address=address).delete()

    def set_password(self, address: str, hashed: str) -> None:
        user = self._user(address)
        user.password = hashed
        user.save(update_fields=["password", "updated_at"])

    def put_alias(
        self,
        ref: str,
        *,
        address: str,
        domain: str,
        targets: Sequence[str],
        valid_until: dt.datetime | None,
    ) -> None:
        if not targets:
            self.drop_alias(ref)
            return
        VirtualAlias.objects.update_or_create(
            ref=ref,
            defaults={
                "address": address,
                "domain": domain,
                "goto": ",".join(targets),
                "active": True,
                "valid_until": valid_until,
            },
        )

    def drop_alias(self, ref: str) -> None:
        VirtualAlias.objects.filter(ref=ref).delete()

    def accounts(self) -> list[ServerAccount]:
        return [
            ServerAccount(address=u.address, active=u.active, has_password=bool(u.password))
            for u in VirtualUser.objects.order_by("address")
        ]
