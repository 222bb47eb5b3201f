from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from egov.signatures.choices import KeyKind, Outcome, SignatureRole


class SigningKey(models.Model):
    """A signing key and its certificate: a person's own (``owner``), or an organisation's
    (``unit``: used by whoever holds the clerk's role there). The PKCS#12 file stays encrypted
    under its password, which is never stored; a PKCS#11 key stays on its token, opened with
    the PIN typed at signing time. ``image`` is the appearance (Phụ lục I): the handwritten
    signature in blue for a person, the seal in red for an organisation."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="signing_keys",
    )
    unit = models.ForeignKey(
        "organisations.OrgUnit",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="signing_keys",
    )
    kind = models.CharField(_("loại khóa"), max_length=10, choices=KeyKind.choices)
    label = models.CharField(_("tên gọi"), max_length=200)
    pkcs12 = models.BinaryField(blank=True, default=b"")
    pkcs11_module = models.CharField(max_length=300, blank=True)
    pkcs11_token = models.CharField(max_length=100, blank=True)
    pkcs11_key = models.CharField(max_length=100, blank=True)
    certificate_pem = models.TextField()
    subject = models.CharField(_("chủ thể chứng thư"), max_length=500)
    serial = models.CharField(max_length=80)
    not_before = models.DateTimeField(_("hiệu lực từ"))
    not_after = models.DateTimeField(_("hiệu lực đến"))
    image = models.BinaryField(blank=True, default=b"")
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("khóa ký số")
        verbose_name_plural = _("khóa ký số")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(owner__isnull=False, unit__isnull=True)
                | models.Q(owner__isnull=True, unit__isnull=False),
                name="signing_key_person_or_unit",
            ),
            models.UniqueConstraint(
                fields=["owner"],
                condition=models.Q(active=True, owner__isnull=False),
                name="one_active_key_per_person",
            ),
            models.UniqueConstraint(
                fields=["unit"],
                condition=models.Q(active=True, unit__isnull=False),
                name="one_active_key_per_unit",
            ),
        ]

    def __str__(self) -> str:
        return self.label


class Signature(models.Model):
    """A signature this system applied to an outgoing document's file: the signed bytes are a
    new stored file, the input stays as it was."""

    document = models.ForeignKey(
        "documents.OutgoingDocument", on_delete=models.CASCADE, related_name="signatures"
    )
    role = models.CharField(max_length=15, choices=SignatureRole.choices)
    name = models.CharField(_("tên tệp"), max_length=255)
    source = models.ForeignKey("documents.StoredFile", on_delete=models.PROTECT, related_name="+")
    signed = models.ForeignKey("documents.StoredFile", on_delete=models.PROTECT, related_name="+")
    version = models.ForeignKey(
        "documents.DraftVersion", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    key = models.ForeignKey(SigningKey, on_delete=models.PROTECT, related_name="signatures")
    certificate_subject = models.CharField(max_length=500)
    signed_at = models.DateTimeField()
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["signed_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "role", "source"], name="signature_once_per_file_and_role"
            )
        ]

    def __str__(self) -> str:
        return f"{self.document_id} {self.role} {self.name}"


class Verification(models.Model):
    """The check of a received file's signatures: recorded once per file of an incoming
    document, shown on the document; a failing one flags it."""

    incoming = models.ForeignKey(
        "documents.IncomingDocument",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="signature_checks",
    )
    file = models.ForeignKey("documents.StoredFile", on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("tên tệp"), max_length=255)
    outcome = models.CharField(_("kết quả"), max_length=20, choices=Outcome.choices)
    summary = models.TextField(_("tóm tắt"))
    details = models.JSONField(default=dict)
    checked_at = models.DateTimeField()

    class Meta:
        ordering = ["checked_at", "pk"]
        indexes = [models.Index(fields=["outcome"], name="verification_outcome")]

    def __str__(self) -> str:
        return f"{self.name}: {self.outcome}"

    @property
    def failed(self) -> bool:
        return self.outcome in (Outcome.INVALID, Outcome.UNTRUSTED, Outcome.UNREADABLE)


class ScanReading(models.Model):
    """The OCR of a scanned paper document: the scan as received, the copy with a text layer
    (the scan itself is never rewritten), the text and the suggested registration fields;
    ``confirmed`` holds what the clerk registered, for measuring the suggestions."""

    scan = models.ForeignKey("documents.StoredFile", on_delete=models.PROTECT, related_name="+")
    text_layer = models.ForeignKey(
        "documents.StoredFile", on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("tên tệp"), max_length=255)
    text = models.TextField(blank=True)
    suggestions = models.JSONField(default=dict)
    confirmed = models.JSONField(default=dict, blank=True)
    seconds = models.FloatField()
    pages = models.PositiveIntegerField()
    incoming = models.ForeignKey(
        "documents.IncomingDocument",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="scan_readings",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "pk"]

    def __str__(self) -> str:
        return self.name


class CopySeal(models.Model):
    """The organisation's signature on an electronic copy (bản sao điện tử, Phụ lục I box
    14): the copied document's main file signed anew, with no image and a text line (form of
    copy, copying agency, the copy's number, signing time in ISO 8601). The source file is
    not modified."""

    copy = models.OneToOneField(
        "documents.DocumentCopy", on_delete=models.PROTECT, related_name="seal"
    )
    source = models.ForeignKey("documents.StoredFile", on_delete=models.PROTECT, related_name="+")
    signed = models.ForeignKey("documents.StoredFile", on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("tên tệp"), max_length=255)
    key = models.ForeignKey(SigningKey, on_delete=models.PROTECT, related_name="copy_seals")
    line = models.CharField(max_length=300)
    signed_at = models.DateTimeField()
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    def __str__(self) -> str:
        return self.name
