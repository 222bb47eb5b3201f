"""Entered data: values with every revision, cell comments, submissions and their
transitions, and the finance department's data-volume ledger."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from egov.organisations.models import OrgUnit
from egov.reporting.choices import CommentKind, SubmissionState, ValueSource, ValueStatus
from egov.reporting.constants import VALUE_DECIMAL_PLACES, VALUE_MAX_DIGITS
from egov.reporting.models.catalogue import Indicator, OptionCombo
from egov.reporting.models.forms import ReportForm
from egov.reporting.models.periods import Period


def _value_field(label: Any) -> models.DecimalField:  # type: ignore[type-arg]
    return models.DecimalField(
        label,
        max_digits=VALUE_MAX_DIGITS,
        decimal_places=VALUE_DECIMAL_PLACES,
        null=True,
        blank=True,
    )


class Submission(models.Model):
    """One unit's report of one form for one period: the unit of submission, review,
    approval and locking. ``level`` is the index in the approval chain (the units above
    the reporter along the form's line) of the unit whose turn it is."""

    form = models.ForeignKey(ReportForm, on_delete=models.PROTECT, related_name="submissions")
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+")
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="+")
    state = models.CharField(
        _("trạng thái"),
        max_length=12,
        choices=SubmissionState.choices,
        default=SubmissionState.DRAFT,
    )
    level = models.PositiveSmallIntegerField(default=0)
    handler = models.ForeignKey(
        OrgUnit,
        verbose_name=_("đơn vị đang xử lý"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    is_backfill = models.BooleanField(_("nhập số liệu các năm trước"), default=False)
    provenance = models.CharField(_("nguồn số liệu"), max_length=300, blank=True)
    submitted_at = models.DateTimeField(_("gửi lần đầu lúc"), null=True, blank=True)
    locked_at = models.DateTimeField(_("khóa lúc"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("báo cáo")
        verbose_name_plural = _("báo cáo")
        constraints = [
            models.UniqueConstraint(
                fields=["form", "unit", "period"], name="reporting_submission_once"
            )
        ]
        indexes = [
            models.Index(fields=["form", "period", "state"]),
            models.Index(fields=["handler", "state"]),
        ]

    def __str__(self) -> str:
        return f"{self.form.code} — {self.unit} — {self.period}"

    @property
    def is_editable(self) -> bool:
        return self.state in (SubmissionState.DRAFT, SubmissionState.RETURNED)


class SubmissionTransition(models.Model):
    """Every change of a submission's state: who, when, at which unit, and why."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="transitions")
    from_state = models.CharField(max_length=12, choices=SubmissionState.choices)
    to_state = models.CharField(max_length=12, choices=SubmissionState.choices)
    at_unit = models.ForeignKey(OrgUnit, null=True, on_delete=models.PROTECT, related_name="+")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField()
    note = models.TextField(blank=True)

    class Meta:
        verbose_name = _("bước xử lý báo cáo")
        verbose_name_plural = _("bước xử lý báo cáo")
        ordering = ["submission_id", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.from_state} → {self.to_state}"


class DataValue(models.Model):
    """The current version of one cell: (indicator, breakdown cell, unit, period), with its
    revision number, when, by whom and from where it was written. A change first copies
    the version it replaces into :class:`DataValueRevision` (so a cell written once has no
    revision row: its only version is this one); ``counted_*`` is what this value now
    contributes to the live aggregates (NULL when it is not counted).

    Indexes are only those reads use, since every index is paid for by every value written
    (migration 0003): the unique key and (unit, period) lead with the indicator and the unit;
    the submission's values are found by a partial index (imported values have none); the
    breakdown cell, period and author are never read alone, and are never deleted while
    values point at them (option combos and periods are not deleted, accounts are
    deactivated), so their foreign keys have no index of their own.

    The six references are checked per statement, not per row (migration 0005): the
    database's foreign-key constraints are replaced by triggers that lock the referenced
    rows of a whole statement at once (``FOR KEY SHARE``, as a foreign key does) and refuse
    a reference to a missing row, and by triggers on the referenced tables that refuse to
    delete, re-key or truncate a row values still point at. A bulk import of 200,000 values
    thus pays six set-based checks instead of 1.2 million row-by-row ones."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.PROTECT, related_name="+", db_index=False, db_constraint=False
    )
    combo = models.ForeignKey(
        OptionCombo,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
        db_constraint=False,
    )
    unit = models.ForeignKey(
        OrgUnit, on_delete=models.PROTECT, related_name="+", db_index=False, db_constraint=False
    )
    period = models.ForeignKey(
        Period, on_delete=models.PROTECT, related_name="+", db_index=False, db_constraint=False
    )
    submission = models.ForeignKey(
        Submission,
        null=True,
        on_delete=models.PROTECT,
        related_name="values",
        db_index=False,
        db_constraint=False,
    )
    value = _value_field(_("giá trị"))
    status = models.CharField(
        _("tình trạng số liệu"),
        max_length=12,
        choices=ValueStatus.choices,
        default=ValueStatus.ESTIMATE,
    )
    source = models.CharField(max_length=10, choices=ValueSource.choices, default=ValueSource.ENTRY)
    revision = models.PositiveIntegerField(default=1)
    counted_value = _value_field(_("giá trị đã cộng vào tổng hợp"))
    counted_weight = _value_field(_("quyền số đã cộng vào tổng hợp"))
    updated_at = models.DateTimeField()
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
        db_constraint=False,
    )
    note = models.CharField(max_length=300, blank=True, default="", db_default="")

    class Meta:
        verbose_name = _("số liệu")
        verbose_name_plural = _("số liệu")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "combo", "unit", "period"], name="reporting_value_once"
            )
        ]
        indexes = [
            models.Index(fields=["unit", "period"]),
            models.Index(fields=["indicator", "period"]),
            models.Index(
                fields=["submission"],
                name="reporting_value_submission",
                condition=models.Q(submission__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id}/{self.combo_id}/{self.unit_id}/{self.period_id} = {self.value}"


class DataValueRevision(models.Model):
    """An earlier version of a cell, copied here when a newer one replaced it (append-only):
    "as reported on date D" is the newest version, here or current, recorded on or before
    D (:func:`egov.reporting.queries.as_reported_on`). The unique key (value, revision) is the
    only index besides the primary key: revisions are read per value, newest first, and
    their numbers grow with time."""

    data_value = models.ForeignKey(
        DataValue, on_delete=models.CASCADE, related_name="revisions", db_index=False
    )
    revision = models.PositiveIntegerField()
    value = _value_field(_("giá trị"))
    status = models.CharField(max_length=12, choices=ValueStatus.choices)
    source = models.CharField(max_length=10, choices=ValueSource.choices)
    recorded_at = models.DateTimeField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = _("lần sửa số liệu")
        verbose_name_plural = _("lần sửa số liệu")
        constraints = [
            models.UniqueConstraint(
                fields=["data_value", "revision"], name="reporting_revision_once"
            )
        ]

    def __str__(self) -> str:
        return f"#{self.revision} {self.value}"


class CellComment(models.Model):
    """A comment on one cell of a submission: a note, an explanation of a warning, or a
    reason for returning it."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="comments")
    indicator = models.ForeignKey(Indicator, null=True, on_delete=models.PROTECT, related_name="+")
    combo = models.ForeignKey(OptionCombo, null=True, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=12, choices=CommentKind.choices, default=CommentKind.NOTE)
    text = models.TextField(_("nội dung"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField()

    class Meta:
        verbose_name = _("ghi chú ô số liệu")
        verbose_name_plural = _("ghi chú ô số liệu")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return self.text[:60]


class LedgerEntry(models.Model):
    """The finance department's data-volume ledger: accepted non-empty values of one
    submission, frozen when the submission is locked (the seeds pay units by it). Unlocking
    supersedes the entry; locking again freezes a new one."""

    submission = models.ForeignKey(Submission, on_delete=models.PROTECT, related_name="ledger")
    form = models.ForeignKey(ReportForm, on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+")
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="+")
    is_backfill = models.BooleanField()
    value_count = models.PositiveIntegerField()
    frozen_at = models.DateTimeField()
    superseded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("sổ khối lượng số liệu")
        verbose_name_plural = _("sổ khối lượng số liệu")
        ordering = ["-frozen_at"]

    def __str__(self) -> str:
        return f"{self.submission}: {self.value_count}"


class AggregateValue(models.Model):
    """A live total at one node of one reporting line: kept up to date by the actions that
    count or uncount approved values (one ``INSERT … ON CONFLICT DO UPDATE`` per approval).
    ``total`` is the sum of values (of value × weight for weighted averages), ``weight``
    the sum of weights, ``reporters`` the number of values counted.

    Derived data, rebuilt from the values by ``rebuild_aggregates`` and written a few rows
    per imported value: its references carry no database constraint (every id written comes
    from the values' own checked references; Django still protects them on delete) and only
    the indexes the reads use, so bulk imports do not pay per-row foreign-key checks."""

    line = models.CharField(max_length=10)
    node = models.ForeignKey(
        OrgUnit, on_delete=models.PROTECT, related_name="+", db_constraint=False
    )
    indicator = models.ForeignKey(
        Indicator, on_delete=models.PROTECT, related_name="+", db_constraint=False, db_index=False
    )
    combo = models.ForeignKey(
        OptionCombo, on_delete=models.PROTECT, related_name="+", db_constraint=False, db_index=False
    )
    period = models.ForeignKey(
        Period, on_delete=models.PROTECT, related_name="+", db_constraint=False, db_index=False
    )
    total = models.DecimalField(max_digits=30, decimal_places=VALUE_DECIMAL_PLACES)
    weight = models.DecimalField(max_digits=30, decimal_places=VALUE_DECIMAL_PLACES)
    reporters = models.DecimalField(max_digits=18, decimal_places=VALUE_DECIMAL_PLACES)
    updated_at = models.DateTimeField()

    class Meta:
        verbose_name = _("số tổng hợp")
        verbose_name_plural = _("số tổng hợp")
        constraints = [
            models.UniqueConstraint(
                fields=["line", "node", "indicator", "combo", "period"],
                name="reporting_aggregate_key",
            )
        ]
        indexes = [models.Index(fields=["indicator", "line", "period"])]

    def __str__(self) -> str:
        return f"{self.line}/{self.node_id}/{self.indicator_id}/{self.period_id} = {self.total}"
