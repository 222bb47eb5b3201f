"""The indicator catalogue: breakdowns (phân tổ) and indicators (chỉ tiêu)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from egov.organisations.models import OrgUnit
from egov.reporting.choices import Aggregation, ValueType
from egov.reporting.validators import validate_code


class Category(models.Model):
    """A breakdown dimension such as sex (giới tính) or urban/rural (khu vực)."""

    code = models.CharField(_("mã"), max_length=40, unique=True, validators=[validate_code])
    name = models.CharField(_("tên phân tổ"), max_length=200)

    class Meta:
        verbose_name = _("phân tổ")
        verbose_name_plural = _("phân tổ")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class CategoryOption(models.Model):
    """One value of a breakdown: Nam, Nữ; Thành thị, Nông thôn."""

    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="options")
    code = models.CharField(_("mã"), max_length=40, validators=[validate_code])
    name = models.CharField(_("tên"), max_length=200)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("giá trị phân tổ")
        verbose_name_plural = _("giá trị phân tổ")
        ordering = ["category_id", "order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["category", "code"], name="reporting_option_code")
        ]

    def __str__(self) -> str:
        return self.name


class CategoryCombo(models.Model):
    """A combination of breakdowns applied to an indicator (e.g. sex × urban/rural). The
    cross product of their options gives the :class:`OptionCombo` rows, one per stored value.
    The combo ``default`` has no breakdown and one option combo, also ``default``."""

    code = models.CharField(_("mã"), max_length=40, unique=True, validators=[validate_code])
    name = models.CharField(_("tên"), max_length=200)
    categories = models.ManyToManyField(Category, blank=True, related_name="combos")

    class Meta:
        verbose_name = _("tổ hợp phân tổ")
        verbose_name_plural = _("tổ hợp phân tổ")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class OptionCombo(models.Model):
    """One cell of a breakdown: one option of every category of the combo (e.g. "Nữ, Nông
    thôn"). ``code`` joins the option codes with ``_`` in category-code order."""

    combo = models.ForeignKey(CategoryCombo, on_delete=models.PROTECT, related_name="option_combos")
    code = models.CharField(_("mã"), max_length=200)
    name = models.CharField(_("tên"), max_length=400)
    options = models.ManyToManyField(CategoryOption, blank=True, related_name="option_combos")
    order = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("ô phân tổ")
        verbose_name_plural = _("ô phân tổ")
        ordering = ["combo_id", "order"]
        constraints = [
            models.UniqueConstraint(fields=["combo", "code"], name="reporting_optioncombo_code")
        ]

    def __str__(self) -> str:
        return self.name


class Indicator(models.Model):
    """A statistical indicator (chỉ tiêu): what is measured, in which unit, how it adds up
    across units, and its breakdown. With a ``formula`` it is derived (ratio, per capita,
    growth) and computed from other indicators when read, never entered."""

    code = models.CharField(
        _("mã chỉ tiêu"), max_length=40, unique=True, validators=[validate_code]
    )
    name = models.CharField(_("tên chỉ tiêu"), max_length=400)
    unit_of_measure = models.CharField(_("đơn vị tính"), max_length=60)
    value_type = models.CharField(
        _("kiểu giá trị"), max_length=20, choices=ValueType.choices, default=ValueType.NUMBER
    )
    aggregation = models.CharField(
        _("cách tổng hợp"), max_length=20, choices=Aggregation.choices, default=Aggregation.SUM
    )
    weight_indicator = models.ForeignKey(
        "self",
        verbose_name=_("chỉ tiêu quyền số"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Cho cách tổng hợp bình quân gia quyền, ví dụ dân số trung bình."),
    )
    combo = models.ForeignKey(
        CategoryCombo, verbose_name=_("phân tổ"), on_delete=models.PROTECT, related_name="+"
    )
    formula = models.CharField(
        _("công thức"),
        max_length=500,
        blank=True,
        help_text=_("Chỉ tiêu tính từ chỉ tiêu khác, ví dụ [GRDP] / [DANSO] * 1000000."),
    )
    decimals = models.PositiveSmallIntegerField(_("số chữ số thập phân"), default=0)
    sector_unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("cơ quan chủ trì theo ngành"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Sở, ngành tổng hợp chỉ tiêu này trên tuyến báo cáo theo ngành."),
    )
    description = models.TextField(_("khái niệm, phương pháp tính"), blank=True)

    class Meta:
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(aggregation=Aggregation.WEIGHTED_AVERAGE)
                | models.Q(weight_indicator__isnull=False),
                name="reporting_indicator_weight_needed",
                violation_error_message=_("Bình quân gia quyền cần chỉ tiêu quyền số."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def is_derived(self) -> bool:
        return bool(self.formula)


class ExternalCode(models.Model):
    """A code another system uses for one of our units, indicators or breakdown cells (a
    DHIS2 UID or code, an ADX or SDMX code): the id scheme "by code" of imports and exports.
    Without one, a unit is known by its organ code and an indicator by its own code."""

    class Kind(models.TextChoices):
        UNIT = "unit", _("Đơn vị")
        INDICATOR = "indicator", _("Chỉ tiêu")
        COMBO = "combo", _("Ô phân tổ")

    kind = models.CharField(max_length=10, choices=Kind.choices)
    code = models.CharField(_("mã bên ngoài"), max_length=100)
    unit = models.ForeignKey(
        OrgUnit, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    indicator = models.ForeignKey(
        Indicator, null=True, blank=True, on_delete=models.CASCADE, related_name="external_codes"
    )
    combo = models.ForeignKey(
        OptionCombo, null=True, blank=True, on_delete=models.CASCADE, related_name="external_codes"
    )

    class Meta:
        verbose_name = _("mã trao đổi")
        verbose_name_plural = _("mã trao đổi")
        constraints = [
            models.UniqueConstraint(fields=["kind", "code"], name="reporting_external_code_once")
        ]

    def __str__(self) -> str:
        return f"{self.kind}:{self.code}"
