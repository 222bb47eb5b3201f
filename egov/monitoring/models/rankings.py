from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from egov.monitoring.choices import RankingKind


class RankingMethod(models.Model):
    """A documented, weighted method of ranking agencies (their IT use, their websites),
    configured by an administrator: its criteria, each reading one indicator."""

    name = models.CharField(_("tên phương pháp"), max_length=200, unique=True)
    description = models.TextField(_("mô tả"), blank=True)
    kind = models.CharField(
        _("loại xếp hạng"),
        max_length=10,
        choices=RankingKind.choices,
        default=RankingKind.IT_USE,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("phương pháp xếp hạng")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Criterion(models.Model):
    """One criterion: its data source (an indicator code), its weight out of 100 and the
    scoring rule, linear from ``floor`` (0 points) to ``target`` (100 points), clamped."""

    method = models.ForeignKey(RankingMethod, on_delete=models.CASCADE, related_name="criteria")
    position = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(_("tiêu chí"), max_length=200)
    indicator_code = models.CharField(_("nguồn số liệu (chỉ tiêu)"), max_length=64, blank=True)
    weight = models.DecimalField(_("trọng số"), max_digits=5, decimal_places=2)
    floor = models.DecimalField(_("mức 0 điểm"), max_digits=9, decimal_places=2)
    target = models.DecimalField(_("mức điểm tối đa"), max_digits=9, decimal_places=2)

    class Meta:
        verbose_name = _("tiêu chí xếp hạng")
        ordering = ["method", "position", "pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.weight})"


class RankingRun(models.Model):
    """One computation of a method over a period: the criteria as they were (``method_snapshot``)
    and one result row per agency, so a run can be recomputed and compared."""

    method = models.ForeignKey(RankingMethod, on_delete=models.PROTECT, related_name="runs")
    date_from = models.DateField()
    date_to = models.DateField()
    method_snapshot = models.JSONField()
    run_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    run_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lần xếp hạng")
        ordering = ["-run_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.method} {self.date_from}–{self.date_to}"


class RankingResult(models.Model):
    """An agency's place in a run, with its points per criterion explained in ``details``."""

    run = models.ForeignKey(RankingRun, on_delete=models.CASCADE, related_name="results")
    unit = models.ForeignKey("organisations.OrgUnit", on_delete=models.PROTECT, related_name="+")
    rank = models.PositiveIntegerField()
    score = models.DecimalField(max_digits=6, decimal_places=2)
    details = models.JSONField()

    class Meta:
        ordering = ["run", "rank", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["run", "unit"], name="monitoring_result_once")
        ]

    def __str__(self) -> str:
        return f"{self.rank}. {self.unit_id} {self.score}"
