"""Reporting periods: calendar months, quarters, halves, nine months and years."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from egov.reporting.choices import Frequency


class Period(models.Model):
    """One period of a frequency, e.g. 2026-M03, 2026-Q1, 2026-S1, 2026-N9, 2026-A1.
    ``start``/``end`` are the calendar bounds (inclusive); the data cut-off window is the
    form's (see :func:`egov.reporting.periods.cutoff_window`). Created on first use by
    :func:`egov.reporting.periods.get_period`."""

    code = models.CharField(_("mã kỳ"), max_length=10, unique=True)
    frequency = models.CharField(_("tần suất"), max_length=20, choices=Frequency.choices)
    year = models.PositiveSmallIntegerField(_("năm"))
    number = models.PositiveSmallIntegerField(_("số thứ tự trong năm"))
    start = models.DateField(_("từ ngày"))
    end = models.DateField(_("đến ngày"))

    class Meta:
        verbose_name = _("kỳ báo cáo")
        verbose_name_plural = _("kỳ báo cáo")
        ordering = ["start", "end"]
        constraints = [
            models.UniqueConstraint(
                fields=["frequency", "year", "number"], name="reporting_period_once"
            )
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        from egov.reporting.periods import period_label

        return period_label(self.frequency, self.year, self.number)
