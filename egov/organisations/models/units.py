from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.utils.translation import gettext_lazy as _
from treebeard.mp_tree import MP_Node

from egov.lib.text import fold
from egov.organisations.choices import EventKind, LinkRole, UnitKind
from egov.organisations.constants import TREE_STEPLEN
from egov.organisations.models._ranges import no_overlap, period_is_ordered
from egov.organisations.models.areas import AdminArea
from egov.organisations.queries import OrgUnitManager
from egov.organisations.validators import validate_abbreviation, validate_organ_code


class OrgUnit(MP_Node):  # type: ignore[misc] # treebeard ships no type information
    """An organisation unit: the provincial People's Committee, a department, a commune's
    People's Committee, an internal division, a service centre.

    The materialised path reflects the current structure and is what access checks use
    ("everything under U" is one ``path LIKE 'U%'``). A unit is never deleted: dissolving it
    sets ``valid_to``. The structure at any past date is in :class:`OrgUnitVersion`."""

    steplen = TREE_STEPLEN

    name = models.CharField(_("tên chính thức"), max_length=255)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=255, blank=True)
    short_name = models.CharField(_("tên viết gọn"), max_length=100, blank=True)
    abbreviation = models.CharField(
        _("chữ viết tắt"),
        max_length=20,
        blank=True,
        validators=[validate_abbreviation],
        help_text=_("Dùng trong ký hiệu văn bản, ví dụ UBND, TTTH."),
    )
    organ_code = models.CharField(
        _("mã định danh"),
        max_length=35,
        blank=True,
        validators=[validate_organ_code],
        help_text=_("Mã định danh điện tử: 000.00.00.H01 hoặc H01.151."),
    )
    kind = models.CharField(_("loại đơn vị"), max_length=32, choices=UnitKind.choices)
    area = models.ForeignKey(
        AdminArea,
        verbose_name=_("địa bàn"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="units",
    )
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=50, blank=True)
    email = models.EmailField(_("thư điện tử công vụ"), blank=True)
    website_host = models.CharField(_("tên miền trang thông tin"), max_length=253, blank=True)
    valid_from = models.DateField(_("hiệu lực từ"))
    valid_to = models.DateField(_("hết hiệu lực từ"), null=True, blank=True)
    name_folded = models.CharField(max_length=255, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OrgUnitManager()

    class Meta:
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")
        constraints = [
            models.UniqueConstraint(
                "organ_code",
                condition=~models.Q(organ_code="") & models.Q(valid_to__isnull=True),
                name="org_unit_organ_code_unique_current",
                violation_error_message=_("Mã định danh này đang được đơn vị khác sử dụng."),
            ),
            period_is_ordered("org_unit_period_ordered"),
        ]
        indexes = [
            models.Index(fields=["kind"]),
            GinIndex(fields=["name_folded"], name="org_unit_name_trgm", opclasses=["gin_trgm_ops"]),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        self.name_folded = fold(f"{self.name} {self.short_name} {self.abbreviation}")
        super().save(*args, **kwargs)

    def is_active_on(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day < self.valid_to)

    @property
    def is_current(self) -> bool:
        return self.valid_to is None


class OrgUnitVersion(models.Model):
    """A unit's attributes and parent over one period. Periods of one unit never overlap
    (database exclusion constraint); "the tree as of D" reads the versions covering D."""

    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="versions")
    parent = models.ForeignKey(
        OrgUnit, null=True, blank=True, on_delete=models.PROTECT, related_name="child_versions"
    )
    name = models.CharField(_("tên chính thức"), max_length=255)
    short_name = models.CharField(_("tên viết gọn"), max_length=100, blank=True)
    abbreviation = models.CharField(_("chữ viết tắt"), max_length=20, blank=True)
    organ_code = models.CharField(_("mã định danh"), max_length=35, blank=True)
    kind = models.CharField(_("loại đơn vị"), max_length=32, choices=UnitKind.choices)
    valid_from = models.DateField(_("hiệu lực từ"))
    valid_to = models.DateField(_("hết hiệu lực từ"), null=True, blank=True)
    event = models.ForeignKey(
        "OrgEvent", null=True, blank=True, on_delete=models.PROTECT, related_name="versions"
    )

    class Meta:
        verbose_name = _("phiên bản đơn vị")
        verbose_name_plural = _("phiên bản đơn vị")
        constraints = [
            no_overlap("org_unitversion_no_overlap", "unit"),
            period_is_ordered("org_unitversion_period_ordered"),
        ]
        indexes = [models.Index(fields=["valid_from", "valid_to"])]

    def __str__(self) -> str:
        return f"{self.name} [{self.valid_from}–{self.valid_to or ''})"


class OrgEvent(models.Model):
    """A recorded reorganisation: creation, rename, move, merge, split, dissolution, with its
    effective date and legal basis. Links name the units before and after."""

    kind = models.CharField(_("loại sự kiện"), max_length=16, choices=EventKind.choices)
    effective_date = models.DateField(_("ngày hiệu lực"), db_index=True)
    decision_ref = models.CharField(_("căn cứ (số quyết định)"), max_length=200, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("sự kiện tổ chức")
        verbose_name_plural = _("sự kiện tổ chức")
        ordering = ["-effective_date", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.effective_date:%d/%m/%Y}"


class OrgEventLink(models.Model):
    """One unit taking part in an event, as a source (before) or target (after). For splits
    and partial merges ``weight`` is the share (population/area) carried from the sources."""

    event = models.ForeignKey(OrgEvent, on_delete=models.CASCADE, related_name="links")
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="event_links")
    role = models.CharField(max_length=8, choices=LinkRole.choices)
    weight = models.DecimalField(max_digits=7, decimal_places=6, null=True, blank=True)

    class Meta:
        verbose_name = _("đơn vị trong sự kiện")
        verbose_name_plural = _("đơn vị trong sự kiện")
        constraints = [
            models.UniqueConstraint(fields=["event", "unit", "role"], name="org_eventlink_unique"),
            models.CheckConstraint(
                condition=models.Q(weight__isnull=True)
                | (models.Q(weight__gt=0) & models.Q(weight__lte=1)),
                name="org_eventlink_weight_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event}: {self.get_role_display()} {self.unit}"
