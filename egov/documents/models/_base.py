from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from egov.documents import constants as c
from egov.documents.choices import Secrecy, Urgency


class DocumentFields(models.Model):
    """The Phụ lục VI metadata shared by incoming and outgoing documents (edXML names in
    comments), plus what search needs."""

    document_type = models.ForeignKey(
        "documents.DocumentType", verbose_name=_("loại văn bản"), on_delete=models.PROTECT
    )  # TypeName
    code_number = models.CharField(_("số"), max_length=c.CODE_NUMBER_MAX, blank=True)
    code_notation = models.CharField(_("ký hiệu"), max_length=c.CODE_NOTATION_MAX, blank=True)
    issued_date = models.DateField(_("ngày văn bản"), null=True, blank=True)  # IssuedDate
    subject = models.CharField(_("trích yếu"), max_length=c.SUBJECT_MAX)
    signer_position = models.CharField(
        _("chức vụ người ký"), max_length=c.SIGNER_POSITION_MAX, blank=True
    )
    signer_name = models.CharField(_("người ký"), max_length=c.SIGNER_NAME_MAX, blank=True)
    urgency = models.PositiveSmallIntegerField(
        _("độ khẩn"), choices=Urgency.choices, default=Urgency.NORMAL
    )
    secrecy = models.PositiveSmallIntegerField(
        _("độ mật"), choices=Secrecy.choices, default=Secrecy.NONE
    )
    language = models.CharField(_("ngôn ngữ"), max_length=30, default="vi")
    page_amount = models.PositiveIntegerField(_("số trang"), null=True, blank=True)
    description = models.CharField(_("ghi chú"), max_length=c.DESCRIPTION_MAX, blank=True)
    due_date = models.DateField(_("hạn xử lý"), null=True, blank=True)  # DueDate
    search_vector = SearchVectorField(null=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

    @property
    def number_and_notation(self) -> str:
        if self.code_number and self.code_notation:
            return f"{self.code_number}/{self.code_notation}"
        return self.code_number or self.code_notation

    @property
    def is_secret(self) -> bool:
        return self.secrecy > Secrecy.NONE

    @property
    def is_urgent(self) -> bool:
        return self.urgency > Urgency.NORMAL


class TransitionFields(models.Model):
    """One status change (from, to, who, when, why): deadlines, KPIs and history are
    computed from these rows, never from overwritten fields."""

    action = models.CharField(max_length=60)
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField()
    note = models.TextField(blank=True)

    class Meta:
        abstract = True
        ordering = ["at", "pk"]
