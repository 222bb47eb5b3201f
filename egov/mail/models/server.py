"""The tables the Postfix + Dovecot servers read (adapter ``pgsql``, iRedMail's design).

Only :mod:`egov.mail.adapters.pgsql` writes them, when a change is applied: what the mail
server sees is what an administrator approved, never a pending request. The mail servers get
a database role with SELECT on these three tables and nothing else (``deploy/mail/README``).
"""

from __future__ import annotations

from django.db import models


class VirtualDomain(models.Model):
    """``mail_virtual_domains``: Postfix ``virtual_mailbox_domains``."""

    domain = models.CharField(max_length=253, unique=True)
    active = models.BooleanField(default=True)

    class Meta:
        db_table = "mail_virtual_domains"

    def __str__(self) -> str:
        return self.domain


class VirtualUser(models.Model):
    """``mail_virtual_users``: Postfix ``virtual_mailbox_maps``, Dovecot passdb and userdb.
    ``password`` is a Dovecot scheme-prefixed hash (``{ARGON2ID}$argon2id$…``) or empty
    (no login until the owner sets one); ``active`` false refuses login and delivery."""

    address = models.CharField(max_length=254, unique=True)
    domain = models.CharField(max_length=253)
    password = models.CharField(max_length=255, blank=True)
    maildir = models.CharField(max_length=320)
    quota_mb = models.PositiveIntegerField(default=0)
    active = models.BooleanField(default=True)
    nologin_reason = models.CharField(max_length=200, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "mail_virtual_users"

    def __str__(self) -> str:
        return self.address


class VirtualAlias(models.Model):
    """``mail_virtual_aliases``: Postfix ``virtual_alias_maps``. Several rows may share an
    address (a group list, forwards); the map query joins their ``goto`` lists. ``ref`` names
    the platform object the row was written for (``alias:<id>``)."""

    ref = models.CharField(max_length=40, unique=True)
    address = models.CharField(max_length=254, db_index=True)
    domain = models.CharField(max_length=253)
    goto = models.TextField()
    active = models.BooleanField(default=True)
    valid_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "mail_virtual_aliases"

    def __str__(self) -> str:
        return f"{self.address} → {self.goto}"


class LastLogin(models.Model):
    """``mail_last_login``: Dovecot's ``last_login`` plugin writes the time (Unix seconds)
    of each user's last IMAP login here through its SQL dict (``deploy/mail/dovecot``).
    The only table the mail server writes."""

    username = models.CharField(max_length=254, unique=True)
    last_login = models.BigIntegerField(default=0)

    class Meta:
        db_table = "mail_last_login"

    def __str__(self) -> str:
        return f"{self.username}: {self.last_login}"
