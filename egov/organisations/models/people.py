from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from egov.lib.text import fold
from egov.organisations.choices import Gender, StaffEventKind, StaffStatus
from egov.organisations.models._ranges import no_overlap, period_is_ordered
from egov.organisations.models.units import OrgUnit
from egov.organisations.queries import PersonQuerySet


class Position(models.Model):
    """A post (chức vụ) such as Giám đốc, Trưởng phòng, Chuyên viên."""

    name = models.CharField(_("chức vụ"), max_length=100, unique=True)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=100, blank=True)
    is_leader = models.BooleanField(_("là lãnh đạo"), default=False)
    rank = models.PositiveSmallIntegerField(
        _("thứ bậc"), default=100, help_text=_("Nhỏ hơn là cao hơn")
    )

    class Meta:
        verbose_name = _("chức vụ")
        verbose_name_plural = _("chức vụ")
        ordering = ["rank", "name"]

    def __str__(self) -> str:
        return self.name


class Person(models.Model):
    """A civil servant or public employee (cán bộ, công chức, viên chức). The current unit,
    position and status are derived from the employment history and kept here for fast
    search; they change only through the staff actions, which write a :class:`StaffEvent`."""

    full_name = models.CharField(_("họ và tên"), max_length=200)
    full_name_folded = models.CharField(max_length=200, editable=False)
    staff_code = models.CharField(_("mã cán bộ"), max_length=30, blank=True)
    gender = models.CharField(_("giới tính"), max_length=8, choices=Gender.choices, blank=True)
    birth_date = models.DateField(_("ngày sinh"), null=True, blank=True)
    email = models.EmailField(_("thư điện tử công vụ"), blank=True)
    phone = models.CharField(_("điện thoại"), max_length=50, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
    )
    status = models.CharField(
        _("tình trạng"), max_length=10, choices=StaffStatus.choices, default=StaffStatus.ACTIVE
    )
    unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("đơn vị"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="staff",
    )
    position = models.ForeignKey(
        Position,
        verbose_name=_("chức vụ"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    title = models.CharField(_("chức danh"), max_length=150, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = _("cán bộ")
        verbose_name_plural = _("cán bộ")
        ordering = ["full_name_folded", "id"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                condition=~models.Q(email=""),
                name="org_person_email_unique_ci",
                violation_error_message=_("Địa chỉ thư điện tử này đã thuộc về cán bộ khác."),
            ),
            models.UniqueConstraint(
                "staff_code",
                condition=~models.Q(staff_code=""),
                name="org_person_staff_code_unique",
                violation_error_message=_("Mã cán bộ này đã được dùng."),
            ),
        ]
        indexes = [
            models.Index(fields=["unit", "status"]),
            GinIndex(
                fields=["full_name_folded"], name="org_person_name_trgm", opclasses=["gin_trgm_ops"]
            ),
            # The ordering above: a page of the directory, or of a frequent name, is read in
            # order and stops after 50 rows instead of sorting every match.
            models.Index(fields=["full_name_folded", "id"], name="org_person_name_order"),
            # E-mail search by address or its beginning (PersonQuerySet.with_email_starting):
            # LIKE 'prefix%' can use a B-tree only with a pattern operator class unless the
            # database collation is "C" (C.UTF-8 does not count). Not partial, unlike the
            # unique constraint: the planner reads the statistics of an expression only
            # from a whole-table index, and without them it guesses 0.5% of the table
            # matches and walks the name index instead.
            models.Index(
                OpClass(Lower("email"), name="text_pattern_ops"), name="org_person_email_prefix"
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args: object, **kwargs: object) -> None:
        self.full_name_folded = fold(self.full_name)
        super().save(*args, **kwargs)  # type: ignore[arg-type]


class Employment(models.Model):
    """A period during which a person held a post in a unit. Periods never overlap for one
    person; a transfer closes one period and opens the next."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="employments")
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="employments")
    position = models.ForeignKey(
        Position, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("chức danh"), max_length=150, blank=True)
    valid_from = models.DateField(_("từ ngày"))
    valid_to = models.DateField(_("đến ngày"), null=True, blank=True)

    class Meta:
        verbose_name = _("quá trình công tác")
        verbose_name_plural = _("quá trình công tác")
        ordering = ["person", "valid_from"]
        constraints = [
            no_overlap("org_employment_no_overlap", "person"),
            period_is_ordered("org_employment_period_ordered"),
        ]

    def __str__(self) -> str:
        return f"{self.person} @ {self.unit} [{self.valid_from}–{self.valid_to or ''})"


class StaffEvent(models.Model):
    """A dated change in a person's employment (hire, transfer, retirement…). Never edited:
    a correction is a new event."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("loại"), max_length=10, choices=StaffEventKind.choices)
    effective_date = models.DateField(_("ngày hiệu lực"))
    unit = models.ForeignKey(
        OrgUnit, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    position = models.ForeignKey(
        Position, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("chức danh"), max_length=150, blank=True)
    decision_ref = models.CharField(_("căn cứ"), max_length=200, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("biến động cán bộ")
        verbose_name_plural = _("biến động cán bộ")
        ordering = ["person", "effective_date", "id"]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_kind_display()} {self.effective_date:%d/%m/%Y}"
