from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.db.models import F
from django.db.models.functions import Upper
from django.utils.translation import gettext_lazy as _

from egov.documents import constants as c
from egov.documents.choices import (
    AssignmentRole,
    AssignmentStatus,
    Channel,
    ExtensionStatus,
    IncomingStatus,
)
from egov.documents.models._base import DocumentFields, TransitionFields


class IncomingDocument(DocumentFields):
    """A received document (văn bản đến), registered in one agency's register with its
    arrival number (số đến), then presented, assigned and handled."""

    unit = models.ForeignKey(
        "organisations.OrgUnit",
        verbose_name=_("cơ quan nhận"),
        on_delete=models.PROTECT,
        related_name="incoming_documents",
    )
    register = models.ForeignKey(
        "documents.Register", verbose_name=_("sổ"), on_delete=models.PROTECT
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    arrival_number = models.PositiveIntegerField(_("số đến"))  # ArrivalNumber
    arrived_at = models.DateTimeField(_("thời điểm đến"))  # ArrivalDate
    channel = models.CharField(_("hình thức nhận"), max_length=12, choices=Channel.choices)
    issuer_name = models.CharField(_("cơ quan ban hành"), max_length=c.ORGAN_NAME_MAX)  # OrganName
    issuer_code = models.CharField(_("mã định danh cơ quan ban hành"), max_length=35, blank=True)
    organ_document_id = models.CharField(
        _("mã định danh văn bản"),
        max_length=100,
        blank=True,
        help_text=_("Mã văn bản do hệ thống gửi cấp (liên thông)."),
    )
    to_places = models.CharField(
        _("đơn vị hoặc người nhận"), max_length=c.TO_PLACES_MAX, blank=True
    )
    status = models.CharField(
        _("trạng thái"),
        max_length=20,
        choices=IncomingStatus.choices,
        default=IncomingStatus.REGISTERED,
    )
    done_at = models.DateTimeField(_("hoàn thành lúc"), null=True, blank=True)
    reply = models.ForeignKey(
        "documents.OutgoingDocument",
        verbose_name=_("văn bản trả lời"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="answers",
    )
    source_outgoing = models.ForeignKey(
        "documents.OutgoingDocument",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="deliveries",
        help_text="The outgoing document this arrived from, when sent inside the platform.",
    )

    class Meta:
        verbose_name = _("văn bản đến")
        verbose_name_plural = _("văn bản đến")
        constraints = [
            models.UniqueConstraint(
                fields=["register", "year", "arrival_number"], name="incoming_arrival_number_unique"
            )
        ]
        indexes = [
            models.Index(fields=["unit", "-arrived_at"], name="incoming_unit_arrived"),
            models.Index(fields=["unit", "status"], name="incoming_unit_status"),
            models.Index(
                fields=["issuer_code", "code_number", "code_notation"], name="incoming_dupe"
            ),
            # The duplicate warning: same agency, number and notation (any case).
            models.Index(
                F("unit"), F("code_number"), Upper("code_notation"), name="incoming_dupe_unit"
            ),
            models.Index(fields=["organ_document_id"], name="incoming_organ_doc_id"),
            GinIndex(fields=["search_vector"], name="incoming_search"),
        ]

    def __str__(self) -> str:
        return f"{self.arrival_number}/{self.year}: {self.subject[:60]}"


class Assignment(models.Model):
    """One link of the handling chain: who gave what to whom, in which part, by when.

    The clerk presents a document to a leader (``present``); the leader's instruction (bút
    phê) gives it to a lead unit or person and supporting ones; the head of a unit passes
    it on to a specialist (a child assignment). Either ``assignee_unit`` (a unit, handled by
    its leaders) or ``assignee_user`` (a person) is set."""

    document = models.ForeignKey(
        IncomingDocument, on_delete=models.CASCADE, related_name="assignments"
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    role = models.CharField(_("vai trò"), max_length=10, choices=AssignmentRole.choices)
    assignee_unit = models.ForeignKey(
        "organisations.OrgUnit",
        verbose_name=_("đơn vị nhận"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    assignee_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người nhận"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="document_assignments",
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    instruction = models.TextField(_("ý kiến chỉ đạo"), blank=True)
    due_date = models.DateField(_("hạn xử lý"), null=True, blank=True)
    status = models.CharField(
        _("trạng thái"),
        max_length=12,
        choices=AssignmentStatus.choices,
        default=AssignmentStatus.PENDING,
    )
    result = models.TextField(_("kết quả xử lý"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    urgency = models.PositiveSmallIntegerField(default=0, help_text="Copied from the document.")
    reminded_on = models.DateField(null=True, blank=True, help_text="Last deadline reminder.")
    overdue_notified = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("phân công xử lý")
        verbose_name_plural = _("phân công xử lý")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(assignee_unit__isnull=False)
                | models.Q(assignee_user__isnull=False),
                name="assignment_has_assignee",
            )
        ]
        indexes = [
            models.Index(fields=["assignee_user", "status"], name="assignment_user_status"),
            models.Index(fields=["assignee_unit", "status"], name="assignment_unit_status"),
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()} #{self.document_id}"

    @property
    def is_open(self) -> bool:
        return self.status in (AssignmentStatus.PENDING, AssignmentStatus.IN_PROGRESS)


class IncomingTransition(TransitionFields):
    document = models.ForeignKey(
        IncomingDocument, on_delete=models.CASCADE, related_name="transitions"
    )
    assignment = models.ForeignKey(
        Assignment, null=True, blank=True, on_delete=models.CASCADE, related_name="transitions"
    )

    class Meta(TransitionFields.Meta):
        verbose_name = _("lịch sử xử lý văn bản đến")


class Comment(models.Model):
    """A remark on the handling of an incoming document (ý kiến xử lý)."""

    document = models.ForeignKey(
        IncomingDocument, on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    text = models.TextField(_("ý kiến"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:60]


class ExtensionRequest(models.Model):
    """A request to move an assignment's deadline (gia hạn), decided by whoever assigned it."""

    assignment = models.ForeignKey(
        Assignment, on_delete=models.CASCADE, related_name="extension_requests"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    current_due = models.DateField(_("hạn hiện tại"), null=True)
    requested_due = models.DateField(_("xin gia hạn đến"))
    reason = models.TextField(_("lý do"))
    status = models.CharField(
        max_length=10, choices=ExtensionStatus.choices, default=ExtensionStatus.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["assignment"],
                condition=models.Q(status="pending"),
                name="extension_one_pending_per_assignment",
            )
        ]

    def __str__(self) -> str:
        return f"{self.assignment_id} → {self.requested_due}"
