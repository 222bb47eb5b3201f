"""The transactional outbox, the idempotent inbox and, on the hub, the members' mailboxes."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from egov.exchange.choices import InboxState, Kind, MailboxState, OutboxState
from egov.exchange.storage import StoredBody


class Package(StoredBody, models.Model):
    """What every queue row says of its package: kind, document, sender and recipient
    organ codes, status code (for a status), and where its bytes are."""

    kind = models.CharField(max_length=10, choices=Kind.choices)
    document_id = models.CharField(max_length=100)
    from_code = models.CharField(max_length=35)
    to_code = models.CharField(max_length=35)
    status_code = models.CharField(max_length=2, blank=True)
    body_file = models.CharField(max_length=120, blank=True)
    sha256 = models.CharField(max_length=64)
    size = models.PositiveIntegerField()

    class Meta:
        abstract = True


class OutboxMessage(Package):
    """One package to one recipient, written in the same transaction as the change it
    announces; the worker sends it, retrying with back-off, until it is delivered or an
    administrator looks at it (``dead``)."""

    state = models.CharField(
        max_length=10, choices=OutboxState.choices, default=OutboxState.PENDING
    )
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField()
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)
    # What it is about, when it is ours: the recipient row of an issued document.
    recipient = models.ForeignKey(
        "documents.Recipient",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="exchange_messages",
    )

    class Meta:
        verbose_name = _("gói tin đi")
        verbose_name_plural = _("gói tin đi")
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                condition=models.Q(state="pending"),
                name="exchange_outbox_due",
            ),
            models.Index(fields=["state", "-created_at"], name="exchange_outbox_state"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.document_id} → {self.to_code}"


class InboxMessage(Package):
    """A package received, once: ``dedupe_key`` (sender, recipient, document id and, for a
    status, its code and time) is unique, so a package delivered twice is stored once."""

    dedupe_key = models.CharField(max_length=300, unique=True)
    business_type = models.PositiveSmallIntegerField(default=0)
    # The document this one answers (ResponseFor) or replaces (BussinessDocType 3).
    response_for = models.CharField(max_length=100, blank=True)
    replaces = models.CharField(max_length=100, blank=True)
    subject = models.CharField(max_length=500, blank=True)
    signer = models.CharField(max_length=300, blank=True)
    warnings = models.JSONField(default=list, blank=True)
    state = models.CharField(max_length=10, choices=InboxState.choices)
    received_at = models.DateTimeField()
    handled_at = models.DateTimeField(null=True, blank=True)
    handled_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    note = models.TextField(blank=True)
    unit = models.ForeignKey(
        "organisations.OrgUnit", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    incoming = models.OneToOneField(
        "documents.IncomingDocument",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="exchange_message",
    )

    class Meta:
        verbose_name = _("gói tin đến")
        verbose_name_plural = _("gói tin đến")
        indexes = [
            models.Index(fields=["unit", "state", "-received_at"], name="exchange_inbox_unit"),
            models.Index(fields=["document_id", "from_code"], name="exchange_inbox_document"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.document_id} ← {self.from_code}"


class HubMailbox(Package):
    """On the hub: a package waiting for the member that serves its recipient, until that
    member has it and says so (transport status ``done``), as on the national axis."""

    peer = models.ForeignKey("exchange.Peer", on_delete=models.PROTECT, related_name="mailbox")
    sender = models.ForeignKey(
        "exchange.Peer", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    state = models.CharField(
        max_length=10, choices=MailboxState.choices, default=MailboxState.INBOX
    )
    received_at = models.DateTimeField()
    fetched_at = models.DateTimeField(null=True, blank=True)
    # Listed to one of the member's workers until then ("processing" on the national axis):
    # several workers poll without taking the same package; a crashed one's lease runs out.
    leased_until = models.DateTimeField(null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("hộp thư trên trục")
        verbose_name_plural = _("hộp thư trên trục")
        constraints = [
            models.UniqueConstraint(fields=["peer", "sha256"], name="exchange_mailbox_once")
        ]
        indexes = [
            models.Index(
                fields=["peer", "id"],
                condition=models.Q(state="inbox"),
                name="exchange_mailbox_due",
            ),
            models.Index(fields=["sender", "-id"], name="exchange_mailbox_sent"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.document_id} → {self.to_code}"
