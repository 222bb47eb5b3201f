from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from egov.lib.text import fold
from egov.organisations.choices import AreaLevel
from egov.organisations.models._ranges import no_overlap, period_is_ordered


class AdminArea(models.Model):  # type: ignore[django-manager-missing] # OrgUnit manager is untyped (treebeard)
    """An administrative unit (đơn vị hành chính): a province, a district (before 1 July
    2025) or a commune/ward/special zone. Identity is the unit as constituted: a commune
    created by the 2025 merger is a new area even when it reuses a predecessor's code, so
    ``(level, code, valid_from)`` is unique. Names and types change over an area's life and
    are kept in :class:`AdminAreaName`."""

    level = models.CharField(_("cấp"), max_length=10, choices=AreaLevel.choices)
    code = models.CharField(_("mã"), max_length=10)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("trực thuộc"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    name = models.CharField(_("tên"), max_length=200, help_text=_("Tên hiện tại"))
    type_name = models.CharField(_("loại"), max_length=50, blank=True)
    name_folded = models.CharField(max_length=200, editable=False, db_index=True)
    valid_from = models.DateField(_("hiệu lực từ"))
    valid_to = models.DateField(_("hết hiệu lực từ"), null=True, blank=True)

    class Meta:
        verbose_name = _("đơn vị hành chính")
        verbose_name_plural = _("đơn vị hành chính")
        constraints = [
            models.UniqueConstraint(
                fields=["level", "code", "valid_from"], name="org_area_identity"
            ),
            no_overlap("org_area_code_no_overlap", "level", "code"),
            period_is_ordered("org_area_period_ordered"),
        ]
        indexes = [models.Index(fields=["parent", "valid_from"])]

    def __str__(self) -> str:
        return f"{self.type_name} {self.name}".strip()

    def save(self, *args: object, **kwargs: object) -> None:
        self.name_folded = fold(self.name)
        super().save(*args, **kwargs)  # type: ignore[arg-type]


class AdminAreaName(models.Model):
    """The name and type of an area over a period (e.g. province 75 became a city in 2026)."""

    area = models.ForeignKey(AdminArea, on_delete=models.CASCADE, related_name="names")
    name = models.CharField(_("tên"), max_length=200)
    type_name = models.CharField(_("loại"), max_length=50, blank=True)
    valid_from = models.DateField(_("hiệu lực từ"))
    valid_to = models.DateField(_("hết hiệu lực từ"), null=True, blank=True)

    class Meta:
        verbose_name = _("tên đơn vị hành chính theo thời kỳ")
        verbose_name_plural = _("tên đơn vị hành chính theo thời kỳ")
        constraints = [
            no_overlap("org_areaname_no_overlap", "area"),
            period_is_ordered("org_areaname_period_ordered"),
        ]

    def __str__(self) -> str:
        return f"{self.type_name} {self.name} [{self.valid_from}–{self.valid_to or ''})"


class AdminAreaSuccession(models.Model):
    """Predecessor → successor at a reorganisation. ``weight`` is the share of the
    predecessor (population or area) carried to the successor, for data carried across;
    NULL means unknown. ``partial`` marks a predecessor split between several successors."""

    predecessor = models.ForeignKey(
        AdminArea, on_delete=models.CASCADE, related_name="successions_out"
    )
    successor = models.ForeignKey(
        AdminArea, on_delete=models.CASCADE, related_name="successions_in"
    )
    effective_date = models.DateField(_("ngày hiệu lực"))
    weight = models.DecimalField(max_digits=7, decimal_places=6, null=True, blank=True)
    partial = models.BooleanField(_("một phần"), default=False)
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("kế thừa đơn vị hành chính")
        verbose_name_plural = _("kế thừa đơn vị hành chính")
        constraints = [
            models.UniqueConstraint(
                fields=["predecessor", "successor"], name="org_area_succession_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(weight__isnull=True)
                | (models.Q(weight__gt=0) & models.Q(weight__lte=1)),
                name="org_area_succession_weight_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.predecessor} → {self.successor}"
