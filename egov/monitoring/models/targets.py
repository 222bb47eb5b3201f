from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from egov.organisations.models import OrgUnit


class Target(models.Model):
    """The value an indicator should reach: for the whole province (``unit`` empty) or one
    agency, for one year or standing (``year`` empty: every year without its own target).
    Set by an administrator through ``actions.set_target``, each change audited."""

    indicator_code = models.CharField(_("chỉ tiêu"), max_length=64)
    unit = models.ForeignKey(
        OrgUnit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("cơ quan"),
    )
    year = models.PositiveSmallIntegerField(_("năm"), null=True, blank=True)
    value = models.DecimalField(_("mục tiêu"), max_digits=9, decimal_places=2)
    source = models.CharField(_("căn cứ"), max_length=300, blank=True)
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    set_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("mục tiêu chỉ tiêu")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator_code", "unit", "year"],
                nulls_distinct=False,
                name="monitoring_target_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator_code} {self.unit_id or '*'} {self.year or '*'} = {self.value}"
