"""Findings (tồn tại, hạn chế) of an inspection and their follow-up."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from egov.inspections.choices import DeadlineBasis, FindingState, Severity
from egov.inspections.models.inspections import ChecklistItem, Inspection


class Finding(models.Model):
    """A shortcoming found at an inspection, the remedy required, who fixes it and by when."""

    inspection = models.ForeignKey(Inspection, on_delete=models.PROTECT, related_name="findings")
    item = models.ForeignKey(
        ChecklistItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="findings"
    )
    description = models.TextField()
    severity = models.CharField(max_length=8, choices=Severity.choices, default=Severity.MEDIUM)
    remedy = models.TextField()
    deadline = models.DateField()
    deadline_basis = models.CharField(
        max_length=10, choices=DeadlineBasis.choices, default=DeadlineBasis.CALENDAR
    )
    responsible_unit = models.ForeignKey(
        "organisations.OrgUnit", on_delete=models.PROTECT, related_name="+"
    )
    state = models.CharField(max_length=14, choices=FindingState.choices, default=FindingState.OPEN)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()
    closed_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["deadline", "pk"]
        verbose_name = _("tồn tại, hạn chế")

    def __str__(self) -> str:
        return self.description[:80]

    def get_absolute_url(self) -> str:
        return reverse("inspections:finding", args=[self.pk])


class FindingTransition(models.Model):
    """Every step of a finding: recorded, fix reported (with the agency's account),
    accepted, reopened (with the reason)."""

    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="transitions")
    action = models.CharField(max_length=20)
    from_state = models.CharField(max_length=14, blank=True)
    to_state = models.CharField(max_length=14)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField()
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.finding_id}: {self.from_state}→{self.to_state}"

    @property
    def action_label(self) -> str:
        labels = {
            "record": _("Ghi nhận tồn tại"),
            "report_fix": _("Cơ quan báo cáo khắc phục"),
            "accept": _("Chấp nhận kết quả khắc phục, đóng tồn tại"),
            "reopen": _("Yêu cầu khắc phục lại"),
        }
        return str(labels.get(self.action, self.action))
