from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from egov.records import constants as c
from egov.records.choices import FileStatus, Rights


def retention_label(years: int | None) -> str:
    """``Vĩnh viễn`` or ``10 năm``: the Maintenance field of Phụ lục VI §III."""
    if years is None:
        return str(_("Vĩnh viễn"))
    return str(_("%(years)s năm") % {"years": years})


class FilePlan(models.Model):
    """An agency's annual file plan (danh mục hồ sơ, Nghị định 30 Điều 28), approved at the
    start of the year; its entries are the files the agency expects to open."""

    unit = models.ForeignKey(
        "organisations.OrgUnit", verbose_name=_("cơ quan"), on_delete=models.PROTECT
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("danh mục hồ sơ")
        verbose_name_plural = _("danh mục hồ sơ")
        constraints = [models.UniqueConstraint(fields=["unit", "year"], name="file_plan_unique")]

    def __str__(self) -> str:
        return f"{self.unit_id}/{self.year}"


class FilePlanEntry(models.Model):
    """One planned file: its code (số và ký hiệu hồ sơ), title, retention and who keeps it."""

    plan = models.ForeignKey(FilePlan, on_delete=models.CASCADE, related_name="entries")
    heading = models.CharField(_("đề mục"), max_length=200, blank=True)
    code = models.CharField(_("số và ký hiệu hồ sơ"), max_length=c.FILE_CODE_MAX)
    title = models.CharField(_("tiêu đề hồ sơ"), max_length=c.TITLE_MAX)
    retention_years = models.PositiveSmallIntegerField(
        _("thời hạn bảo quản (năm)"), null=True, blank=True, help_text="Empty: permanent."
    )
    keeper = models.CharField(_("đơn vị, người lập hồ sơ"), max_length=200, blank=True)
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)
    row_number = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("hồ sơ trong danh mục")
        ordering = ["row_number", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "code"], name="file_plan_entry_code_unique")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title[:60]}"

    @property
    def retention(self) -> str:
        return retention_label(self.retention_years)


class CaseFile(models.Model):
    """A case file (hồ sơ công việc): the documents about one matter, gathered by the person
    handling it (Nghị định 30 Điều 28–31). Documents are linked, never copied, so one
    document sits in several files. Fields follow Phụ lục VI §III (edXML-style names in
    comments). Once handed over to the archive the file is frozen: no action changes it."""

    unit = models.ForeignKey(
        "organisations.OrgUnit",
        verbose_name=_("cơ quan"),
        on_delete=models.PROTECT,
        related_name="case_files",
    )  # FileCode.OrganId
    year = models.PositiveSmallIntegerField(_("năm hình thành"))  # FileCode.FileCatalog
    code = models.CharField(_("số và ký hiệu hồ sơ"), max_length=c.FILE_CODE_MAX)  # FileNotation
    title = models.CharField(_("tiêu đề hồ sơ"), max_length=c.TITLE_MAX)  # Title
    retention_years = models.PositiveSmallIntegerField(
        _("thời hạn bảo quản (năm)"), null=True, blank=True, help_text="Empty: permanent."
    )  # Maintenance
    rights = models.CharField(
        _("chế độ sử dụng"), max_length=12, choices=Rights.choices, default=Rights.PUBLIC
    )  # Rights
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người lập hồ sơ"),
        on_delete=models.PROTECT,
        related_name="case_files",
    )  # Creator
    language = models.CharField(_("ngôn ngữ"), max_length=50, default="Tiếng Việt")  # Language
    description = models.CharField(
        _("ghi chú"), max_length=c.DESCRIPTION_MAX, blank=True
    )  # Description
    plan_entry = models.ForeignKey(
        FilePlanEntry,
        verbose_name=_("theo danh mục"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="case_files",
    )
    status = models.CharField(
        _("trạng thái"), max_length=12, choices=FileStatus.choices, default=FileStatus.OPEN
    )
    opened_at = models.DateTimeField(_("thời điểm mở"))  # StartDate
    closed_at = models.DateTimeField(_("thời điểm kết thúc"), null=True, blank=True)  # EndDate
    handover_due = models.DateField(_("hạn nộp lưu"), null=True, blank=True)
    handover_reminded_on = models.DateField(null=True, blank=True)
    handed_over_at = models.DateTimeField(_("thời điểm nộp lưu"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("hồ sơ")
        verbose_name_plural = _("hồ sơ")
        ordering = ["-year", "code"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "year", "code"], name="case_file_code_unique"),
            models.CheckConstraint(
                condition=models.Q(status="open") | models.Q(closed_at__isnull=False),
                name="case_file_closed_has_date",
            ),
        ]
        indexes = [
            models.Index(fields=["unit", "year", "status"], name="case_file_unit_year"),
            models.Index(fields=["status", "handover_due"], name="case_file_handover_due"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title[:60]}"

    @property
    def retention(self) -> str:
        return retention_label(self.retention_years)

    @property
    def is_frozen(self) -> bool:
        return self.status == FileStatus.HANDED_OVER

    @property
    def is_open(self) -> bool:
        return self.status == FileStatus.OPEN

    def handover_warning_from(self) -> dt.date | None:
        if self.handover_due is None:
            return None
        return self.handover_due - dt.timedelta(days=c.HANDOVER_WARNING_DAYS)


class CaseFileItem(models.Model):
    """A document in a file: a link to the incoming or outgoing document, not a copy."""

    case_file = models.ForeignKey(CaseFile, on_delete=models.CASCADE, related_name="items")
    incoming = models.ForeignKey(
        "documents.IncomingDocument",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="case_file_items",
    )
    outgoing = models.ForeignKey(
        "documents.OutgoingDocument",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="case_file_items",
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("văn bản trong hồ sơ")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(incoming__isnull=False, outgoing__isnull=True)
                | models.Q(incoming__isnull=True, outgoing__isnull=False),
                name="case_file_item_one_document",
            ),
            models.UniqueConstraint(
                fields=["case_file", "incoming"],
                condition=models.Q(incoming__isnull=False),
                name="case_file_item_incoming_once",
            ),
            models.UniqueConstraint(
                fields=["case_file", "outgoing"],
                condition=models.Q(outgoing__isnull=False),
                name="case_file_item_outgoing_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case_file_id}: {self.incoming_id or self.outgoing_id}"

    @property
    def document(self) -> object:
        return self.incoming or self.outgoing


class CaseFileTransition(models.Model):
    """One status change of a file (from, to, who, when, why)."""

    case_file = models.ForeignKey(CaseFile, on_delete=models.CASCADE, related_name="transitions")
    action = models.CharField(max_length=60)
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField()
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.case_file_id} {self.from_status}→{self.to_status}"


class Handover(models.Model):
    """The package a file was handed over in (nộp lưu): kept, write-once, with its digest."""

    case_file = models.OneToOneField(CaseFile, on_delete=models.PROTECT, related_name="handover")
    package = models.FileField(upload_to="records/", max_length=200)
    sha256 = models.CharField(max_length=64)
    size = models.PositiveBigIntegerField()
    package_id = models.CharField(max_length=100, unique=True)
    handed_over_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField()

    class Meta:
        verbose_name = _("gói nộp lưu")

    def __str__(self) -> str:
        return self.package_id
