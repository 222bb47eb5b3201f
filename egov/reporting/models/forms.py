"""Report forms (biểu mẫu), their layout, who reports them, and the reporting regime."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from egov.organisations.models import OrgUnit
from egov.reporting.choices import Frequency, Line, Operator, Severity
from egov.reporting.constants import (
    DEFAULT_CUTOFF_END_DAY,
    DEFAULT_CUTOFF_START_DAY,
    DEFAULT_DEADLINE_DAYS,
    DEFAULT_OUTLIER_SHARE,
)
from egov.reporting.models.catalogue import Indicator
from egov.reporting.validators import validate_code


class ReportForm(models.Model):
    """A report form with its regime (Nghị định 09/2019/NĐ-CP, Điều 6–12): frequency, data
    cut-off window, submission deadline, the reporting line and who receives it."""

    code = models.CharField(
        _("ký hiệu biểu"), max_length=40, unique=True, validators=[validate_code]
    )
    name = models.CharField(_("tên biểu"), max_length=300)
    frequency = models.CharField(_("tần suất"), max_length=20, choices=Frequency.choices)
    cutoff_start_day = models.PositiveSmallIntegerField(
        _("chốt số liệu từ ngày (tháng trước)"), default=DEFAULT_CUTOFF_START_DAY
    )
    cutoff_end_day = models.PositiveSmallIntegerField(
        _("chốt số liệu đến ngày"), default=DEFAULT_CUTOFF_END_DAY
    )
    deadline_days = models.PositiveSmallIntegerField(
        _("hạn gửi (số ngày sau ngày chốt)"), default=DEFAULT_DEADLINE_DAYS
    )
    line = models.CharField(
        _("tuyến báo cáo"), max_length=10, choices=Line.choices, default=Line.ADMINISTRATIVE
    )
    sector_unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("sở, ngành tiếp nhận"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    receiving_unit = models.ForeignKey(
        OrgUnit, verbose_name=_("cơ quan nhận báo cáo"), on_delete=models.PROTECT, related_name="+"
    )
    outlier_share = models.DecimalField(
        _("ngưỡng chênh lệch so với cùng kỳ"),
        max_digits=5,
        decimal_places=2,
        default=DEFAULT_OUTLIER_SHARE,
    )
    legal_basis = models.CharField(_("căn cứ"), max_length=300, blank=True)
    active = models.BooleanField(_("đang áp dụng"), default=True)

    class Meta:
        verbose_name = _("biểu mẫu")
        verbose_name_plural = _("biểu mẫu")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(line=Line.SECTORAL) | models.Q(sector_unit__isnull=False),
                name="reporting_form_sector_unit",
                violation_error_message=_("Biểu theo ngành cần sở, ngành tiếp nhận."),
            ),
            models.CheckConstraint(
                condition=models.Q(cutoff_start_day__gte=1, cutoff_start_day__lte=28)
                & models.Q(cutoff_end_day__gte=1, cutoff_end_day__lte=28),
                name="reporting_form_cutoff_days",
                violation_error_message=_("Ngày chốt số liệu phải từ 1 đến 28."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class FormSection(models.Model):
    """A part of the paper form (I. Kinh tế, II. Xã hội…)."""

    form = models.ForeignKey(ReportForm, on_delete=models.CASCADE, related_name="sections")
    order = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(_("tiêu đề phần"), max_length=300)

    class Meta:
        verbose_name = _("phần của biểu")
        verbose_name_plural = _("phần của biểu")
        ordering = ["form_id", "order"]

    def __str__(self) -> str:
        return self.title


class FormRow(models.Model):
    """One indicator row of a section; its columns are the indicator's breakdown cells."""

    section = models.ForeignKey(FormSection, on_delete=models.CASCADE, related_name="rows")
    form = models.ForeignKey(ReportForm, on_delete=models.CASCADE, related_name="rows")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="form_rows")
    order = models.PositiveSmallIntegerField(default=0)
    number = models.CharField(_("số thứ tự"), max_length=10, blank=True)
    required = models.BooleanField(_("bắt buộc"), default=True)

    class Meta:
        verbose_name = _("dòng của biểu")
        verbose_name_plural = _("dòng của biểu")
        ordering = ["section__order", "order"]
        constraints = [
            models.UniqueConstraint(fields=["form", "indicator"], name="reporting_row_once")
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.indicator.name}"


class FormAssignment(models.Model):
    """A unit that must report a form, from a date (the expected reporters of completeness)."""

    form = models.ForeignKey(ReportForm, on_delete=models.CASCADE, related_name="assignments")
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+")
    valid_from = models.DateField(_("từ ngày"))
    valid_to = models.DateField(_("đến ngày"), null=True, blank=True)

    class Meta:
        verbose_name = _("đơn vị báo cáo")
        verbose_name_plural = _("đơn vị báo cáo")
        constraints = [
            models.UniqueConstraint(fields=["form", "unit"], name="reporting_assignment_once")
        ]

    def __str__(self) -> str:
        return f"{self.form.code} — {self.unit}"


class ValidationRule(models.Model):
    """``left ⟨operator⟩ right`` over indicators of one unit and period, e.g. ``[LD_NU] <=
    [LD]`` or ``[THU_NSNN] >= lastyear([THU_NSNN]) * 0.5``. Errors block submission; a
    warning needs an explanation on the cell. Skipped when an operand is missing."""

    form = models.ForeignKey(ReportForm, on_delete=models.CASCADE, related_name="rules")
    code = models.CharField(_("mã quy tắc"), max_length=40, validators=[validate_code])
    left = models.CharField(_("vế trái"), max_length=500)
    operator = models.CharField(_("phép so sánh"), max_length=2, choices=Operator.choices)
    right = models.CharField(_("vế phải"), max_length=500)
    severity = models.CharField(
        _("mức độ"), max_length=10, choices=Severity.choices, default=Severity.ERROR
    )
    message = models.CharField(_("thông báo"), max_length=400)

    class Meta:
        verbose_name = _("quy tắc kiểm tra")
        verbose_name_plural = _("quy tắc kiểm tra")
        ordering = ["form_id", "code"]
        constraints = [models.UniqueConstraint(fields=["form", "code"], name="reporting_rule_code")]

    def __str__(self) -> str:
        return f"{self.left} {self.operator} {self.right}"


class PlanTarget(models.Model):
    """The year's plan (kế hoạch năm) of an indicator for a unit: the "% of plan" column."""

    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="plans")
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("năm"))
    value = models.DecimalField(_("kế hoạch"), max_digits=24, decimal_places=6)

    class Meta:
        verbose_name = _("kế hoạch năm")
        verbose_name_plural = _("kế hoạch năm")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "unit", "year"], name="reporting_plan_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.year}: {self.value}"
