"""Mail the platform sent and read: documents and notices out, agencies' mail in.

An :class:`OutboundMail` is one message handed to the province's MTA (a document sent by
e-mail, an assignment notice, an answer to a citizen). An :class:`InboundMail` is one
message read from an agency's official mailbox over IMAP; the mailbox keeps the message
(the platform never deletes, moves or marks it read), the platform keeps its raw bytes, what
it made of it, and why not when it could not.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from egov.mail.choices import DkimResult, InboundKind, InboundState, OutboundKind


class OutboundMail(models.Model):
    """One message the platform submitted to the MTA, DKIM-signed. ``message_id`` is ours,
    so replies (``In-Reply-To``/``References``) lead back to what was sent."""

    kind = models.CharField(_("loại thư"), max_length=12, choices=OutboundKind.choices)
    message_id = models.CharField(max_length=250, unique=True)
    unit = models.ForeignKey(
        "organisations.OrgUnit",
        verbose_name=_("cơ quan gửi"),
        on_delete=models.PROTECT,
        related_name="outbound_mail",
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người gửi"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    from_address = models.CharField(_("địa chỉ gửi"), max_length=254)
    to_addresses = models.JSONField(_("nơi nhận"), default=list)
    subject = models.CharField(_("tiêu đề"), max_length=500)
    outgoing_document = models.ForeignKey(
        "documents.OutgoingDocument",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="mail_sends",
    )
    assignment = models.ForeignKey(
        "documents.Assignment",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="mail_notices",
    )
    answers = models.ForeignKey(
        "mail.InboundMail",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="answers",
    )
    attachment_names = models.JSONField(default=list)
    size = models.PositiveIntegerField(default=0)
    dkim_selector = models.CharField(max_length=63, blank=True)
    sent_at = models.DateTimeField(_("gửi lúc"))
    accepted = models.BooleanField(_("máy chủ đã nhận"), default=False)
    error = models.TextField(blank=True)

    class Meta:
        verbose_name = _("thư đã gửi")
        verbose_name_plural = _("thư đã gửi")
        ordering = ["-sent_at", "-pk"]
        indexes = [
            models.Index(fields=["unit", "sent_at"], name="mail_out_unit_sent"),
            models.Index(fields=["sender", "sent_at"], name="mail_out_sender_sent"),
        ]

    def __str__(self) -> str:
        return self.subject[:80]


class FolderCursor(models.Model):
    """How far the worker read one folder of one mailbox: the folder's UIDVALIDITY and the
    highest UID taken. A new UIDVALIDITY means the server renumbered the folder: the worker
    reads it again from the start and relies on Message-ID to skip what it has."""

    mailbox = models.ForeignKey("mail.Mailbox", on_delete=models.CASCADE, related_name="cursors")
    folder = models.CharField(max_length=200, default="INBOX")
    uidvalidity = models.PositiveBigIntegerField(default=0)
    last_uid = models.PositiveBigIntegerField(default=0)
    last_run_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["mailbox", "folder"], name="mail_cursor_folder")
        ]

    def __str__(self) -> str:
        return f"{self.mailbox_id}/{self.folder}: {self.uidvalidity}:{self.last_uid}"


class InboundMail(models.Model):
    """One message read from an agency's official mailbox. Its raw bytes are kept under
    their SHA-256 (the evidential copy); ``flags`` says what was wrong with it
    (``legacy_subject``, ``undecoded_subject``, ``lying_type``, ``from_mismatch``,
    ``dkim_fail``, ``huge``, ``malformed``, ``infected``) and ``state`` what became of it."""

    mailbox = models.ForeignKey(
        "mail.Mailbox", on_delete=models.PROTECT, related_name="inbound_mail"
    )
    folder = models.CharField(max_length=200, default="INBOX")
    uidvalidity = models.PositiveBigIntegerField()
    uid = models.PositiveBigIntegerField()
    message_id = models.CharField(max_length=250, blank=True)
    in_reply_to = models.CharField(max_length=250, blank=True)
    internal_date = models.DateTimeField(_("máy chủ nhận lúc"))
    header_date = models.DateTimeField(null=True, blank=True)
    from_address = models.CharField(_("người gửi"), max_length=254, blank=True)
    from_name = models.CharField(max_length=200, blank=True)
    return_path = models.CharField(max_length=254, blank=True)
    subject = models.CharField(_("tiêu đề"), max_length=500, blank=True)
    body_text = models.TextField(blank=True)
    kind = models.CharField(_("loại"), max_length=12, choices=InboundKind.choices)
    state = models.CharField(_("tình trạng"), max_length=12, choices=InboundState.choices)
    dkim = models.CharField(max_length=10, choices=DkimResult.choices, default=DkimResult.NONE)
    dkim_domain = models.CharField(max_length=253, blank=True)
    spf = models.CharField(max_length=20, blank=True)
    flags = models.JSONField(default=list)
    attachments = models.JSONField(default=list)
    raw = models.FileField(upload_to="mail/raw/", max_length=200, blank=True)
    raw_sha256 = models.CharField(max_length=64, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    error = models.TextField(blank=True)
    incoming_document = models.ForeignKey(
        "documents.IncomingDocument",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="mail_sources",
    )
    outbound = models.ForeignKey(
        OutboundMail,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="replies",
        help_text="The message of ours this one answers (In-Reply-To).",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    note = models.TextField(blank=True)
    answered_at = models.DateTimeField(_("trả lời lúc"), null=True, blank=True)
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("thư nhận")
        verbose_name_plural = _("thư nhận")
        ordering = ["-internal_date", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["mailbox", "folder", "uidvalidity", "uid"], name="mail_inbound_uid"
            ),
            models.UniqueConstraint(
                fields=["mailbox", "message_id"],
                condition=~Q(message_id=""),
                name="mail_inbound_message_id",
            ),
        ]
        indexes = [
            models.Index(fields=["mailbox", "state"], name="mail_in_box_state"),
            models.Index(fields=["kind", "internal_date"], name="mail_in_kind_date"),
        ]

    def __str__(self) -> str:
        return self.subject[:80] or self.message_id


class MailboxArchive(models.Model):
    """The content of a mailbox exported before its removal: every folder as mbox, in one
    gzipped tar in the default storage, with its SHA-256. Removal refuses without one."""

    mailbox = models.ForeignKey("mail.Mailbox", on_delete=models.PROTECT, related_name="archives")
    content = models.FileField(upload_to="mail/archive/", max_length=200)
    sha256 = models.CharField(max_length=64)
    size = models.PositiveBigIntegerField()
    messages = models.PositiveIntegerField()
    folders = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("bản lưu hộp thư")
        verbose_name_plural = _("bản lưu hộp thư")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.mailbox_id}: {self.sha256[:12]}"
