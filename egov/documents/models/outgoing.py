from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.utils.translation import gettext_lazy as _

from egov.documents.choices import (
    OutgoingStatus,
    RecipientKind,
    RecipientStatus,
    ReviewDecision,
)
from egov.documents.models._base import DocumentFields, TransitionFields


class OutgoingDocument(DocumentFields):
    """A document the agency issues (văn bản đi): drafted with versions, reviewed by an
    ordered chain, approved by the signer, then numbered and issued by the clerk."""

    unit = models.ForeignKey(
        "organisations.OrgUnit",
        verbose_name=_("cơ quan ban hành"),
        on_delete=models.PROTECT,
        related_name="outgoing_documents",
    )
    drafting_unit = models.ForeignKey(
        "organisations.OrgUnit",
        verbose_name=_("đơn vị soạn thảo"),
        on_delete=models.PROTECT,
        related_name="drafted_documents",
    )
    is_legal = models.BooleanField(_("văn bản quy phạm pháp luật"), default=False)
    drafter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người soạn thảo"),
        on_delete=models.PROTECT,
        related_name="drafted_documents",
    )
    signer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người ký"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="documents_to_sign",
    )
    authority_marker = models.CharField(
        _("thẩm quyền ký"),
        max_length=5,
        blank=True,
        help_text=_("TM., KT., Q., TL., TUQ. trước chức vụ người ký."),
    )
    status = models.CharField(
        _("trạng thái"), max_length=12, choices=OutgoingStatus.choices, default=OutgoingStatus.DRAFT
    )
    register = models.ForeignKey(
        "documents.Register", null=True, blank=True, on_delete=models.PROTECT
    )
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    number = models.PositiveIntegerField(_("số"), null=True, blank=True)
    issued_at = models.DateTimeField(_("thời điểm ban hành"), null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    electronic = models.BooleanField(_("gửi điện tử"), default=True)
    on_paper = models.BooleanField(_("gửi bản giấy"), default=False)
    in_reply_to = models.ForeignKey(
        "documents.IncomingDocument",
        verbose_name=_("trả lời văn bản đến"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replies",
    )
    replaces = models.ForeignKey(
        "self",
        verbose_name=_("thay thế văn bản"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="replaced_by",
    )
    change_reason = models.TextField(_("lý do thu hồi, thay thế"), blank=True)
    review_round = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("văn bản đi")
        verbose_name_plural = _("văn bản đi")
        constraints = [
            models.UniqueConstraint(
                fields=["register", "year", "number"], name="outgoing_number_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(number__isnull=True)
                | models.Q(register__isnull=False, year__isnull=False),
                name="outgoing_number_has_register",
            ),
        ]
        indexes = [
            models.Index(fields=["unit", "status", "-issued_at"], name="outgoing_unit_status"),
            models.Index(fields=["drafter", "status"], name="outgoing_drafter_status"),
            GinIndex(fields=["search_vector"], name="outgoing_search"),
        ]

    def __str__(self) -> str:
        return self.number_and_notation or self.subject[:60]


class DraftVersion(models.Model):
    """One version of the draft text; files hang off it as attachments."""

    document = models.ForeignKey(
        OutgoingDocument, on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveSmallIntegerField()
    note = models.TextField(_("nội dung thay đổi"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="draft_version_number")
        ]

    def __str__(self) -> str:
        return f"{self.document_id} v{self.number}"


class ReviewStep(models.Model):
    """One reviewer's turn in a round of the approval chain; the signer's step is last."""

    document = models.ForeignKey(
        OutgoingDocument, on_delete=models.CASCADE, related_name="review_steps"
    )
    round = models.PositiveSmallIntegerField()
    order = models.PositiveSmallIntegerField()
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="review_steps"
    )
    is_signer = models.BooleanField(default=False)
    decision = models.CharField(
        max_length=10, choices=ReviewDecision.choices, default=ReviewDecision.WAITING
    )
    comment = models.TextField(_("ý kiến"), blank=True)
    version = models.ForeignKey(DraftVersion, null=True, on_delete=models.SET_NULL)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["round", "order"]
        constraints = [
            models.UniqueConstraint(fields=["document", "round", "order"], name="review_step_order")
        ]
        indexes = [models.Index(fields=["reviewer", "decision"], name="review_reviewer_decision")]

    def __str__(self) -> str:
        return f"{self.document_id} r{self.round}.{self.order}: {self.decision}"


class Recipient(models.Model):
    """Where an issued document goes (nơi nhận), and how far it got there."""

    document = models.ForeignKey(
        OutgoingDocument, on_delete=models.CASCADE, related_name="recipients"
    )
    kind = models.CharField(max_length=10, choices=RecipientKind.choices)
    unit = models.ForeignKey(
        "organisations.OrgUnit", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    organ_code = models.CharField(max_length=35, blank=True)
    name = models.CharField(_("nơi nhận"), max_length=200)
    email = models.EmailField(blank=True)
    electronic = models.BooleanField(default=True)
    on_paper = models.BooleanField(default=False)
    status = models.CharField(
        max_length=10, choices=RecipientStatus.choices, default=RecipientStatus.WAITING
    )
    status_at = models.DateTimeField(null=True, blank=True)
    for_information = models.BooleanField(_("để biết"), default=False)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name


class OutgoingTransition(TransitionFields):
    document = models.ForeignKey(
        OutgoingDocument, on_delete=models.CASCADE, related_name="transitions"
    )

    class Meta(TransitionFields.Meta):
        verbose_name = _("lịch sử văn bản đi")
