from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from egov.documents.choices import DeliveryRule, Direction, RegisterKind, Secrecy


class DocumentType(models.Model):
    """A kind of document (tên loại văn bản): the 29 of Nghị định 30 Phụ lục III plus any a
    province adds. Data an administrator edits, never code."""

    code = models.SlugField(_("mã"), max_length=30, unique=True)
    name = models.CharField(_("tên loại"), max_length=100, unique=True)
    abbreviation = models.CharField(
        _("chữ viết tắt"),
        max_length=10,
        blank=True,
        help_text=_("Để trống với Công văn và Thư công: ký hiệu dùng tên đơn vị soạn thảo."),
    )
    can_be_legal = models.BooleanField(
        _("có thể là văn bản QPPL"),
        default=False,
        help_text=_("Nghị quyết, Quyết định: số QPPL có năm trong ký hiệu và sổ riêng."),
    )
    delivery_rule = models.CharField(
        _("cách gửi"),
        max_length=20,
        choices=DeliveryRule.choices,
        default=DeliveryRule.ELECTRONIC_ONLY,
    )
    ordering = models.PositiveSmallIntegerField(_("thứ tự"), default=100)
    active = models.BooleanField(_("đang dùng"), default=True)

    class Meta:
        verbose_name = _("loại văn bản")
        verbose_name_plural = _("loại văn bản")
        ordering = ["ordering", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_letter(self) -> bool:
        """Công văn and Thư công: their notation names the drafting unit, not the type."""
        return not self.abbreviation


class Register(models.Model):
    """A register (sổ đăng ký) of one agency: one number series per year.

    Incoming documents share one series (paper and electronic alike) and secret ones have
    their own; outgoing documents have an administrative series, one per legal-normative
    type, a secret one and one for copies."""

    unit = models.ForeignKey(
        "organisations.OrgUnit",
        verbose_name=_("cơ quan"),
        on_delete=models.PROTECT,
        related_name="registers",
    )
    direction = models.CharField(_("loại sổ"), max_length=10, choices=Direction.choices)
    kind = models.CharField(_("dãy số"), max_length=10, choices=RegisterKind.choices)
    document_type = models.ForeignKey(
        DocumentType,
        verbose_name=_("loại văn bản"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        help_text=_("Chỉ với sổ văn bản quy phạm pháp luật."),
    )
    name = models.CharField(_("tên sổ"), max_length=200)
    active = models.BooleanField(_("đang dùng"), default=True)

    class Meta:
        verbose_name = _("sổ đăng ký văn bản")
        verbose_name_plural = _("sổ đăng ký văn bản")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "direction", "kind", "document_type"],
                nulls_distinct=False,
                condition=models.Q(active=True),
                name="document_register_one_active_series",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_secret(self) -> bool:
        return self.kind == RegisterKind.SECRET


class RegisterCounter(models.Model):
    """The last number given in a register for one year. Numbers come from
    ``actions.numbering.next_number`` under a row lock: gap-free and race-free."""

    register = models.ForeignKey(Register, on_delete=models.PROTECT, related_name="counters")
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["register", "year"], name="register_counter_year")
        ]

    def __str__(self) -> str:
        return f"{self.register_id}/{self.year}: {self.last_number}"


class Clearance(models.Model):
    """Who may see secret documents of an agency, up to which level (Luật Bảo vệ bí mật nhà
    nước 2018). Without one, a user sees no secret document, whatever their role."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="clearances"
    )
    unit = models.ForeignKey(
        "organisations.OrgUnit", verbose_name=_("cơ quan"), on_delete=models.CASCADE
    )
    level = models.PositiveSmallIntegerField(_("được tiếp cận đến độ mật"), choices=Secrecy.choices)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    granted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("quyền tiếp cận văn bản mật")
        verbose_name_plural = _("quyền tiếp cận văn bản mật")
        constraints = [
            models.UniqueConstraint(fields=["user", "unit"], name="clearance_one_per_unit"),
            models.CheckConstraint(condition=models.Q(level__gte=1), name="clearance_level_secret"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id}@{self.unit_id}: {self.level}"
