"""The yearly inspection plan: who inspects, which agencies, when, over which period."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from egov.inspections.choices import PlanState


class Plan(models.Model):
    """An inspection plan (kế hoạch kiểm tra) of one year: its decision number, purpose,
    the period whose operation is inspected, the team and the agencies with their dates."""

    year = models.PositiveSmallIntegerField()
    number = models.CharField(max_length=60)
    title = models.CharField(max_length=300)
    purpose = models.TextField(blank=True)
    period_from = models.DateField()
    period_to = models.DateField()
    state = models.CharField(max_length=12, choices=PlanState.choices, default=PlanState.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-year", "-pk"]
        verbose_name = _("kế hoạch kiểm tra")
        constraints = [
            models.UniqueConstraint(fields=["year", "number"], name="insp_plan_number_year"),
            models.CheckConstraint(
                condition=models.Q(period_from__lte=models.F("period_to")),
                name="insp_plan_period_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} — {self.title}"

    @property
    def is_draft(self) -> bool:
        return self.state == PlanState.DRAFT


class PlanMember(models.Model):
    """A member of the inspection team (tổ kiểm tra); one of them leads it."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    is_leader = models.BooleanField(default=False)

    class Meta:
        ordering = ["-is_leader", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "user"], name="insp_member_once"),
            models.UniqueConstraint(
                fields=["plan"], condition=models.Q(is_leader=True), name="insp_one_leader"
            ),
        ]

    def __str__(self) -> str:
        return str(self.user)


class PlanTransition(models.Model):
    """Every change of a plan's state."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="transitions")
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
        return f"{self.plan_id}: {self.from_state}→{self.to_state}"

    @property
    def from_label(self) -> str:
        return str(PlanState(self.from_state).label) if self.from_state else ""

    @property
    def to_label(self) -> str:
        return str(PlanState(self.to_state).label)
