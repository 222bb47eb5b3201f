"""The records an agency keeps about its own IT work, as the provincial directive asks
(Chỉ thị 07/CT-UBND, part I.2 and II.1): its annual IT application plan with budget and
results, its IT staff, and the training of its civil servants, each with evidence files."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from egov.monitoring.choices import PlanStatus, StaffKind
from egov.organisations.models import OrgUnit, Person


def vnd(amount: Decimal) -> str:
    """An amount of đồng as Vietnamese write it: 1.500.000.000 đ."""
    return f"{int(amount):,} đ".replace(",", ".")


class ITPlan(models.Model):
    """An agency's IT application plan for one year (kế hoạch ứng dụng CNTT): its goals,
    the budget planned and its sources, then the budget spent and the result of each goal.
    Drafted by the agency, submitted, approved or returned by the province."""

    unit = models.ForeignKey(
        OrgUnit, on_delete=models.PROTECT, related_name="+", verbose_name=_("cơ quan")
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    planned_budget = models.DecimalField(
        _("kinh phí dự kiến (đồng)"), max_digits=15, decimal_places=0, default=0
    )
    budget_sources = models.CharField(_("nguồn kinh phí"), max_length=300, blank=True)
    spent_budget = models.DecimalField(
        _("kinh phí đã thực hiện (đồng)"), max_digits=15, decimal_places=0, null=True, blank=True
    )
    note = models.TextField(_("ghi chú"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("kế hoạch ứng dụng CNTT")
        ordering = ["unit__path", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "year"], name="monitoring_plan_once_a_year"),
            models.CheckConstraint(
                condition=models.Q(planned_budget__gte=0), name="monitoring_plan_budget_positive"
            ),
            models.CheckConstraint(
                condition=models.Q(spent_budget__isnull=True) | models.Q(spent_budget__gte=0),
                name="monitoring_plan_spent_positive",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.year} ({self.status})"

    @property
    def editable(self) -> bool:
        return self.status in (PlanStatus.DRAFT, PlanStatus.RETURNED)

    @property
    def planned_budget_text(self) -> str:
        return vnd(self.planned_budget)

    @property
    def spent_budget_text(self) -> str:
        return vnd(self.spent_budget) if self.spent_budget is not None else ""

    @property
    def execution_rate(self) -> float | None:
        """Budget spent as a share of the budget planned, in %."""
        if self.spent_budget is None or not self.planned_budget:
            return None
        return round(100 * float(self.spent_budget) / float(self.planned_budget), 1)


class PlanGoal(models.Model):
    """One result the plan sets out to reach, and what was reached."""

    plan = models.ForeignKey(ITPlan, on_delete=models.CASCADE, related_name="goals")
    position = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(_("mục tiêu"), max_length=500)
    result = models.TextField(_("kết quả"), blank=True)
    achieved = models.BooleanField(_("đạt"), null=True, blank=True)

    class Meta:
        verbose_name = _("mục tiêu của kế hoạch")
        ordering = ["plan", "position", "pk"]

    def __str__(self) -> str:
        return self.title


class PlanTransition(models.Model):
    """A change of a plan's status: from, to, who, when, why."""

    plan = models.ForeignKey(ITPlan, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(max_length=10, choices=PlanStatus.choices, blank=True)
    to_status = models.CharField(max_length=10, choices=PlanStatus.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["plan", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.plan_id}: {self.from_status} → {self.to_status}"


class ITStaffAssignment(models.Model):
    """A person of the registry assigned to an agency's IT work (cán bộ chuyên trách or
    kiêm nhiệm CNTT) from one day to another; ending an assignment keeps the row."""

    unit = models.ForeignKey(
        OrgUnit, on_delete=models.PROTECT, related_name="+", verbose_name=_("cơ quan")
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="+", verbose_name=_("cán bộ")
    )
    kind = models.CharField(_("hình thức"), max_length=10, choices=StaffKind.choices)
    qualification = models.CharField(_("trình độ chuyên môn"), max_length=200, blank=True)
    valid_from = models.DateField(_("từ ngày"))
    valid_to = models.DateField(_("đến ngày"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("cán bộ CNTT của cơ quan")
        ordering = ["unit__path", "-valid_from", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "person"],
                condition=models.Q(valid_to__isnull=True),
                name="monitoring_it_staff_open_once",
            ),
            models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True)
                | models.Q(valid_to__gte=models.F("valid_from")),
                name="monitoring_it_staff_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person_id} @ {self.unit_id} ({self.kind})"


class TrainingSession(models.Model):
    """A training session for an agency's civil servants on using the system."""

    unit = models.ForeignKey(
        OrgUnit, on_delete=models.PROTECT, related_name="+", verbose_name=_("cơ quan")
    )
    held_on = models.DateField(_("ngày tập huấn"))
    topic = models.CharField(_("nội dung"), max_length=300)
    organiser = models.CharField(_("đơn vị tổ chức"), max_length=200)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lớp tập huấn")
        ordering = ["unit__path", "-held_on", "pk"]

    def __str__(self) -> str:
        return f"{self.held_on} {self.topic}"


class TrainingAttendance(models.Model):
    """A civil servant at a session, and whether they can now use the system."""

    session = models.ForeignKey(
        TrainingSession, on_delete=models.CASCADE, related_name="attendances"
    )
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    can_use_system = models.BooleanField(_("sử dụng được hệ thống"))

    class Meta:
        ordering = ["session", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["session", "person"], name="monitoring_attendance_once")
        ]

    def __str__(self) -> str:
        return f"{self.person_id} @ {self.session_id}"


class Evidence(models.Model):
    """A file supporting one record (the signed plan, an assignment decision, an attendance
    list): type sniffed from the content, stored under its SHA-256, write-once."""

    plan = models.ForeignKey(
        ITPlan, on_delete=models.CASCADE, null=True, blank=True, related_name="evidence"
    )
    staff = models.ForeignKey(
        ITStaffAssignment,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="evidence",
    )
    session = models.ForeignKey(
        TrainingSession, on_delete=models.CASCADE, null=True, blank=True, related_name="evidence"
    )
    name = models.CharField(max_length=255)
    media_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    content = models.FileField(upload_to="monitoring/", max_length=200)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tài liệu minh chứng")
        ordering = ["added_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(plan__isnull=False, staff__isnull=True, session__isnull=True)
                    | models.Q(plan__isnull=True, staff__isnull=False, session__isnull=True)
                    | models.Q(plan__isnull=True, staff__isnull=True, session__isnull=False)
                ),
                name="monitoring_evidence_of_one_record",
            )
        ]

    def __str__(self) -> str:
        return self.name
