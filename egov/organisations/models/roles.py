from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from egov.organisations.choices import Role
from egov.organisations.models._ranges import period_is_ordered
from egov.organisations.models.units import OrgUnit


class RoleAssignment(models.Model):
    """A role held by a user at a unit, optionally over the unit's whole subtree, for a
    period. Access everywhere is decided from these rows (see ``organisations.access``)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="role_assignments"
    )
    role = models.CharField(_("vai trò"), max_length=20, choices=Role.choices)
    unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("tại đơn vị"),
        on_delete=models.PROTECT,
        related_name="role_assignments",
    )
    covers_subtree = models.BooleanField(_("bao gồm đơn vị trực thuộc"), default=False)
    valid_from = models.DateField(_("từ ngày"))
    valid_to = models.DateField(_("đến ngày"), null=True, blank=True)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    granted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("phân quyền")
        verbose_name_plural = _("phân quyền")
        constraints = [period_is_ordered("org_role_period_ordered")]
        indexes = [models.Index(fields=["user", "valid_to"])]

    def __str__(self) -> str:
        scope = _(" và trực thuộc") if self.covers_subtree else ""
        return f"{self.user}: {self.get_role_display()} @ {self.unit}{scope}"
