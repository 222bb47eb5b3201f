from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class StoredFile(models.Model):
    """A file's bytes, stored once under their SHA-256 and never modified (a signed original
    stays byte-identical; OCR and stamping work on copies). Documents point at files."""

    sha256 = models.CharField(max_length=64, unique=True)
    content = models.FileField(upload_to="files/", max_length=200)
    size = models.PositiveBigIntegerField()
    media_type = models.CharField(max_length=100)
    page_count = models.PositiveIntegerField(null=True, blank=True)
    text = models.TextField(blank=True, help_text="Text extracted for search.")
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        verbose_name = _("tệp")
        verbose_name_plural = _("tệp")

    def __str__(self) -> str:
        return self.sha256[:12]


class Attachment(models.Model):
    """A file as part of one document (main text or attachment), with the name it came with.
    One StoredFile may sit in several documents without being copied."""

    file = models.ForeignKey(StoredFile, on_delete=models.PROTECT, related_name="uses")
    name = models.CharField(_("tên tệp"), max_length=255)
    is_main = models.BooleanField(_("văn bản chính"), default=False)
    ordering = models.PositiveSmallIntegerField(default=0)
    incoming = models.ForeignKey(
        "documents.IncomingDocument",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    outgoing = models.ForeignKey(
        "documents.OutgoingDocument",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    draft = models.ForeignKey(
        "documents.DraftVersion",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-is_main", "ordering", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(incoming__isnull=False, outgoing__isnull=True, draft__isnull=True)
                    | models.Q(incoming__isnull=True, outgoing__isnull=False, draft__isnull=True)
                    | models.Q(incoming__isnull=True, outgoing__isnull=True, draft__isnull=False)
                ),
                name="attachment_belongs_to_one_document",
            )
        ]

    def __str__(self) -> str:
        return self.name
