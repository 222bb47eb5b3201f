"""Dossiers (hồ sơ một cửa): what was filed, where it is, when it is due, and every
transition it went through (the Mẫu 05 history is read from those rows)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from egov.onestop.choices import (
    OPEN_STATUSES,
    ApplicantKind,
    Channel,
    DueChangeKind,
    ReturnMethod,
    Satisfaction,
    Status,
)
from egov.onestop.models.procedures import Procedure, ProcedureDocument
from egov.organisations.models import OrgUnit


class DailyCounter(models.Model):
    """The last sequence number given by a receiving unit on a day (the NNNN of a code)."""

    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["unit", "day"], name="onestop_counter_day")]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.day} {self.last}"


class Dossier(models.Model):
    """One dossier filed for a procedure at a receiving unit."""

    code = models.CharField(_("mã hồ sơ"), max_length=40, unique=True)
    lookup_key = models.CharField(max_length=16)
    procedure = models.ForeignKey(Procedure, on_delete=models.PROTECT, related_name="dossiers")
    receiving_unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+")
    #: The unit whose step is open now (None once processing is over).
    current_unit = models.ForeignKey(
        OrgUnit, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    current_step = models.PositiveSmallIntegerField(null=True, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices)
    channel = models.PositiveSmallIntegerField(choices=Channel.choices)
    applicant_kind = models.CharField(
        max_length=12, choices=ApplicantKind.choices, default=ApplicantKind.CITIZEN
    )
    applicant_name = models.CharField(_("người nộp"), max_length=200)
    applicant_id_number = models.CharField(_("số định danh"), max_length=20, blank=True)
    applicant_email = models.EmailField(_("thư điện tử"), blank=True)
    applicant_phone = models.CharField(_("điện thoại"), max_length=20, blank=True)
    applicant_address = models.CharField(_("địa chỉ"), max_length=300, blank=True)
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    details = models.TextField(_("nội dung yêu cầu"), blank=True)
    submitted_at = models.DateTimeField()
    received_at = models.DateTimeField(null=True, blank=True)
    #: The working day the time limit counts from (after hours: the next one).
    counted_from = models.DateField(null=True, blank=True)
    due_at = models.DateTimeField(null=True, blank=True)
    #: The appointment printed on the receipt (Mẫu 01); moved only by a DueChange row.
    printed_due_at = models.DateTimeField(null=True, blank=True)
    paused_at = models.DateTimeField(null=True, blank=True)
    additional_requested = models.BooleanField(default=False)
    #: When the holding unit's officers were warned that the due date is near.
    warned_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    return_method = models.CharField(
        max_length=12, choices=ReturnMethod.choices, default=ReturnMethod.IN_PERSON
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("hồ sơ")
        indexes = [
            # An officer's queue: open dossiers of a unit, soonest due first.
            # Dossiers not yet scheduled (status 1) first, as the queue orders them.
            models.Index(
                F("current_unit"),
                F("due_at").asc(nulls_first=True),
                F("id"),
                name="onestop_queue",
                condition=Q(status__in=OPEN_STATUSES),
            ),
            models.Index(fields=["receiving_unit", "status"], name="onestop_unit_status"),
            models.Index(fields=["procedure", "status"], name="onestop_proc_status"),
            models.Index(fields=["account", "-submitted_at"], name="onestop_account"),
        ]

    def __str__(self) -> str:
        return self.code

    @property
    def national_status(self) -> int:
        from egov.onestop.choices import NATIONAL_CODE

        return NATIONAL_CODE[self.status]

    @property
    def masked_applicant(self) -> str:
        """The applicant's name as a code holder sees it: initials only after the first word."""
        words = self.applicant_name.split()
        if not words:
            return ""
        return " ".join([words[0], *(w[0] + "." for w in words[1:])])


class DossierFile(models.Model):
    """A file filed with a dossier (a component of it, or an additional document)."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="files")
    document = models.ForeignKey(
        ProcedureDocument, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    name = models.CharField(max_length=255)
    media_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    content = models.FileField(upload_to="onestop/", max_length=200)
    is_result = models.BooleanField(default=False)
    added_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name


class DossierStep(models.Model):
    """One step of a dossier's process, at a unit, with its own deadline."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=300)
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+")
    due_at = models.DateTimeField()
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    finished_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["dossier", "position"]
        constraints = [
            models.UniqueConstraint(fields=["dossier", "position"], name="onestop_dossier_step")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def on_time(self) -> bool | None:
        if self.finished_at is None:
            return None
        return self.finished_at <= self.due_at


class Transition(models.Model):
    """One change of a dossier's status or holder (a row of its history, Mẫu 05)."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(max_length=12, blank=True)
    to_status = models.CharField(max_length=12, choices=Status.choices)
    action = models.CharField(max_length=30)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_name = models.CharField(max_length=200, blank=True)
    from_unit = models.ForeignKey(
        OrgUnit, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    to_unit = models.ForeignKey(
        OrgUnit, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField()
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["dossier", "at", "id"]
        indexes = [models.Index(fields=["dossier", "at"], name="onestop_transition_dossier")]

    def __str__(self) -> str:
        return f"{self.from_status} → {self.to_status}"


class DueChange(models.Model):
    """Every movement of the due date, with its reason: the appointment itself (Mẫu 01),
    a pause while waiting for the applicant, an apology with a new date (Mẫu 04)."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="due_changes")
    kind = models.CharField(max_length=10, choices=DueChangeKind.choices)
    old_due = models.DateTimeField(null=True, blank=True)
    new_due = models.DateTimeField()
    reason = models.TextField(blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField()

    class Meta:
        ordering = ["dossier", "at", "id"]

    def __str__(self) -> str:
        return f"{self.kind} {self.new_due}"


class Rating(models.Model):
    """The applicant's satisfaction with a finished dossier (once)."""

    dossier = models.OneToOneField(Dossier, on_delete=models.CASCADE, related_name="rating")
    level = models.PositiveSmallIntegerField(choices=Satisfaction.choices)
    criteria = models.JSONField(default=dict)
    comment = models.TextField(blank=True)
    at = models.DateTimeField()

    def __str__(self) -> str:
        return str(self.level)


class EmailVerification(models.Model):
    """A code sent to an e-mail address so a visitor without an account can file online."""

    email = models.EmailField()
    code_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    attempts = models.PositiveSmallIntegerField(default=0)
    verified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["email", "-created_at"], name="onestop_emailcode")]

    def __str__(self) -> str:
        return self.email
