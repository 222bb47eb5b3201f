"""One agency inspected under a plan, its checklist and the evidence files."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from egov.inspections.choices import InspectionState, ItemSource, Result
from egov.inspections.models.plans import Plan


class Inspection(models.Model):
    """The inspection of one agency (cuộc kiểm tra) under a plan, on its scheduled date."""

    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="inspections")
    agency = models.ForeignKey("organisations.OrgUnit", on_delete=models.PROTECT, related_name="+")
    scheduled_on = models.DateField()
    state = models.CharField(
        max_length=12, choices=InspectionState.choices, default=InspectionState.PLANNED
    )
    started_on = models.DateField(null=True, blank=True)
    concluded_on = models.DateField(null=True, blank=True)
    conclusion = models.TextField(blank=True)

    class Meta:
        ordering = ["scheduled_on", "pk"]
        verbose_name = _("cuộc kiểm tra")
        constraints = [
            models.UniqueConstraint(fields=["plan", "agency"], name="insp_agency_once_per_plan")
        ]

    def __str__(self) -> str:
        return f"{self.plan.number} — {self.agency}"

    def get_absolute_url(self) -> str:
        return reverse("inspections:inspection", args=[self.pk])

    @property
    def inspected_on(self) -> dt.date:
        """The day the inspection counts from: when it started, else its scheduled day."""
        return self.started_on or self.scheduled_on


class InspectionTransition(models.Model):
    """Every change of an inspection's state."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="transitions")
    from_state = models.CharField(max_length=12, blank=True)
    to_state = models.CharField(max_length=12)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField()
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.inspection_id}: {self.from_state}→{self.to_state}"

    @property
    def from_label(self) -> str:
        return str(InspectionState(self.from_state).label) if self.from_state else ""

    @property
    def to_label(self) -> str:
        return str(InspectionState(self.to_state).label)


class ChecklistTemplate(models.Model):
    """A configurable item checked at every inspection (seeds 000 and 003: operating the
    e-office, e-mail, one-stop, the KT-XH reports...). Data, seeded by a migration."""

    code = models.SlugField(max_length=60, unique=True)
    group = models.CharField(max_length=120)
    text = models.CharField(max_length=500)
    basis = models.CharField(max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("mẫu nội dung kiểm tra")

    def __str__(self) -> str:
        return self.text


class ChecklistItem(models.Model):
    """One line of an inspection's checklist: what is checked, the figure measured where
    there is one, the result the inspector confirms or overrides, a note."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="items")
    source = models.CharField(max_length=10, choices=ItemSource.choices)
    code = models.CharField(max_length=60, blank=True)
    group = models.CharField(max_length=120)
    text = models.CharField(max_length=500)
    order = models.PositiveSmallIntegerField(default=0)
    measured = models.FloatField(null=True, blank=True)
    target = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    unit_label = models.CharField(max_length=30, blank=True)
    #: The result computed when the checklist was built (from the figure or the website
    #: check); ``result`` is the inspector's, pre-filled with it.
    suggested = models.CharField(max_length=8, choices=Result.choices, default=Result.PENDING)
    detail = models.CharField(max_length=300, blank=True)
    result = models.CharField(max_length=8, choices=Result.choices, default=Result.PENDING)
    note = models.TextField(blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    checked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.text

    @property
    def overridden(self) -> bool:
        return (
            self.suggested != Result.PENDING
            and self.result != Result.PENDING
            and self.result != self.suggested
        )


class Evidence(models.Model):
    """A file supporting a checklist result or an agency's fix report: type sniffed from
    the bytes, stored under its SHA-256, write-once."""

    item = models.ForeignKey(
        ChecklistItem, null=True, blank=True, on_delete=models.CASCADE, related_name="evidence"
    )
    finding = models.ForeignKey(
        "inspections.Finding",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="evidence",
    )
    content = models.FileField(upload_to="inspections/", max_length=200)
    name = models.CharField(max_length=200)
    media_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField()

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(item__isnull=False, finding__isnull=True)
                | models.Q(item__isnull=True, finding__isnull=False),
                name="insp_evidence_one_owner",
            )
        ]

    def __str__(self) -> str:
        return self.name
