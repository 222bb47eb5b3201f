"""Entering data: opening a unit's report for a period, saving one cell, comments, and
the bulk writer used by the XLSX upload and the exchange imports."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from egov.audit.service import record
from egov.lib.dates import local_today
from egov.lib.errors import ActionError
from egov.organisations.models import OrgUnit
from egov.reporting import access, audit_names
from egov.reporting.actions._common import actor_or_none, require
from egov.reporting.choices import CommentKind, ValueSource, ValueStatus
from egov.reporting.constants import FIRST_BACKFILL_YEAR
from egov.reporting.models import (
    CellComment,
    DataValue,
    DataValueRevision,
    FormRow,
    Indicator,
    OptionCombo,
    Period,
    ReportForm,
    Submission,
)
from egov.reporting.numbers import check_value, parse_number
from egov.reporting.periods import open_for_entry
from egov.reporting.queries import is_assigned


def _check_regime(form: ReportForm, unit: OrgUnit, period: Period, *, backfill: bool) -> None:
    if period.frequency != form.frequency:
        raise ActionError(
            _("Kỳ %(period)s không thuộc chế độ báo cáo %(freq)s của biểu %(form)s.")
            % {"period": period.label, "freq": form.get_frequency_display(), "form": form.code},
            code="period_outside_regime",
            field="period",
        )
    if not is_assigned(form, unit, period.end if backfill else local_today()):
        raise ActionError(
            _("Đơn vị “%(unit)s” không được giao báo cáo biểu %(form)s.")
            % {"unit": unit.name, "form": form.code},
            code="form_not_assigned",
            field="unit",
        )
    today = local_today()
    if backfill:
        if not FIRST_BACKFILL_YEAR <= period.year < today.year:
            raise ActionError(
                _("Nhập số liệu các năm trước chỉ cho các năm từ %(first)s đến %(last)s.")
                % {"first": FIRST_BACKFILL_YEAR, "last": today.year - 1},
                code="period_outside_regime",
                field="period",
            )
    elif not open_for_entry(form, period, today):
        raise ActionError(
            _("Kỳ %(period)s chưa đến thời gian chốt số liệu.") % {"period": period.label},
            code="period_outside_regime",
            field="period",
        )


@transaction.atomic
def open_submission(
    *,
    actor: Any,
    form: ReportForm,
    unit: OrgUnit,
    period: Period,
    backfill: bool = False,
    provenance: str = "",
    skip_access_check: bool = False,
) -> Submission:
    """The unit's report of ``form`` for ``period``, created on first use. ``backfill``
    opens a past year in back-entry mode (kept out of timeliness; needs its provenance)."""
    if not skip_access_check:
        require(access.can_enter(actor, unit), "reporter of the unit required")
    existing = Submission.objects.filter(form=form, unit=unit, period=period).first()
    if existing is not None:
        return existing
    _check_regime(form, unit, period, backfill=backfill)
    if backfill and not provenance.strip():
        raise ActionError(
            _("Hãy ghi nguồn số liệu (tài liệu, niên giám) khi nhập số liệu các năm trước."),
            code="provenance_required",
            field="provenance",
        )
    submission = Submission.objects.create(
        form=form,
        unit=unit,
        period=period,
        is_backfill=backfill,
        provenance=provenance.strip(),
    )
    record(
        action=audit_names.SUBMISSION_OPEN,
        actor=actor,
        obj=submission,
        unit_id=unit.pk,
        after={"form": form.code, "period": period.code, "backfill": backfill},
    )
    return submission


def _require_editable(submission: Submission) -> None:
    if not submission.is_editable:
        raise ActionError(
            _("Báo cáo đang ở trạng thái “%(state)s”, không sửa được số liệu.")
            % {"state": submission.get_state_display()},
            code="locked",
        )


def cell_of(
    submission: Submission, indicator_id: int, combo_id: int
) -> tuple[Indicator, OptionCombo]:
    """The indicator and breakdown cell, checked to be on the submission's form."""
    row = (
        FormRow.objects.filter(form_id=submission.form_id, indicator_id=indicator_id)
        .select_related("indicator")
        .first()
    )
    combo = OptionCombo.objects.filter(pk=combo_id).first()
    if row is None or combo is None or combo.combo_id != row.indicator.combo_id:
        raise ActionError(_("Ô này không có trên biểu."), code="unknown_cell")
    return row.indicator, combo


def parse_cell(indicator: Indicator, raw: str) -> Decimal | None:
    """A typed cell: empty clears it; otherwise a number that fits the indicator's type."""
    if not raw.strip():
        return None
    value = parse_number(raw)
    check_value(value, indicator.value_type)
    return value


@dataclass
class CellWrite:
    indicator: Indicator
    combo: OptionCombo
    value: Decimal | None


def write_values(
    *,
    submission: Submission | None,
    writes: list[CellWrite],
    unit_id: int | None = None,
    period_id: int | None = None,
    actor: Any,
    source: str,
    status: str,
    note: str = "",
) -> list[DataValue]:
    """Write cells of one unit and period, in ``submission`` if given (caller holds the
    transaction and has checked access and the values): each changed cell gets its value,
    the version it replaces copied to the revisions. Unchanged cells are left alone.
    Returns the changed values."""
    if submission is not None:
        unit_id, period_id = submission.unit_id, submission.period_id
    if unit_id is None or period_id is None:
        raise ValueError("write_values needs a submission or a unit and a period")
    now = timezone.now()
    user = actor_or_none(actor)
    existing = {
        (v.indicator_id, v.combo_id): v
        for v in DataValue.objects.select_for_update().filter(
            unit_id=unit_id,
            period_id=period_id,
            indicator_id__in={w.indicator.pk for w in writes},
        )
    }
    created: list[DataValue] = []
    updated: list[DataValue] = []
    superseded: list[DataValueRevision] = []
    for write in writes:
        current = existing.get((write.indicator.pk, write.combo.pk))
        if current is None:
            if write.value is None:
                continue
            created.append(
                DataValue(
                    indicator=write.indicator,
                    combo=write.combo,
                    unit_id=unit_id,
                    period_id=period_id,
                    submission=submission,
                    value=write.value,
                    status=status,
                    source=source,
                    revision=1,
                    updated_at=now,
                    updated_by=user,
                    note=note,
                )
            )
            continue
        if current.value == write.value and current.status == status:
            continue
        superseded.append(
            DataValueRevision(
                data_value=current,
                revision=current.revision,
                value=current.value,
                status=current.status,
                source=current.source,
                recorded_at=current.updated_at,
                recorded_by_id=current.updated_by_id,
                note=current.note,
            )
        )
        current.value, current.status, current.source = write.value, status, source
        current.note = note
        if submission is not None:
            current.submission = submission
        current.revision += 1
        current.updated_at, current.updated_by = now, user
        updated.append(current)
    DataValue.objects.bulk_create(created, batch_size=2000)
    DataValueRevision.objects.bulk_create(superseded, batch_size=2000)
    DataValue.objects.bulk_update(
        updated,
        [
            "value",
            "status",
            "source",
            "submission",
            "revision",
            "updated_at",
            "updated_by",
            "note",
        ],
        batch_size=2000,
    )
    return created + updated


@transaction.atomic
def save_value(
    *,
    actor: Any,
    submission: Submission,
    indicator_id: int,
    combo_id: int,
    raw: str,
    status: str = ValueStatus.ESTIMATE,
    skip_access_check: bool = False,
) -> Decimal | None:
    """Save one cell as typed (``raw``, Vietnamese number format). A refused value leaves
    the stored one unchanged."""
    if not skip_access_check:
        require(access.can_enter(actor, submission.unit), "reporter of the unit required")
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    _require_editable(submission)
    indicator, combo = cell_of(submission, indicator_id, combo_id)
    if status not in ValueStatus.values:
        raise ActionError(_("Tình trạng số liệu không hợp lệ."), code="bad_status")
    value = parse_cell(indicator, raw)
    before = DataValue.objects.filter(
        indicator=indicator, combo=combo, unit_id=submission.unit_id, period_id=submission.period_id
    ).first()
    changed = write_values(
        submission=submission,
        writes=[CellWrite(indicator, combo, value)],
        actor=actor,
        source=ValueSource.BACKFILL if submission.is_backfill else ValueSource.ENTRY,
        status=status,
    )
    if changed:
        record(
            action=audit_names.VALUE_SAVE,
            actor=actor,
            object_type="reporting.datavalue",
            object_id=f"{submission.pk}:{indicator.code}.{combo.code}",
            object_repr=f"{submission} — {indicator.code} {combo.name}",
            unit_id=submission.unit_id,
            before={"value": str(before.value), "status": before.status} if before else None,
            after={"value": None if value is None else str(value), "status": status},
        )
    return value


@transaction.atomic
def add_comment(
    *,
    actor: Any,
    submission: Submission,
    indicator_id: int | None,
    combo_id: int | None,
    text: str,
    kind: str = CommentKind.NOTE,
    skip_access_check: bool = False,
) -> CellComment:
    """A note or a warning's explanation on a cell, by the reporting unit."""
    if not skip_access_check:
        require(access.can_enter(actor, submission.unit), "reporter of the unit required")
    text = text.strip()
    if not text:
        raise ActionError(_("Hãy nhập nội dung ghi chú."), code="empty_comment", field="text")
    if kind not in (CommentKind.NOTE, CommentKind.EXPLANATION):
        raise ActionError(_("Loại ghi chú không hợp lệ."), code="bad_kind")
    indicator = combo = None
    if indicator_id is not None and combo_id is not None:
        indicator, combo = cell_of(submission, indicator_id, combo_id)
    comment = CellComment.objects.create(
        submission=submission,
        indicator=indicator,
        combo=combo,
        kind=kind,
        text=text[:2000],
        author=actor_or_none(actor),
        at=timezone.now(),
    )
    record(
        action=audit_names.COMMENT_ADD,
        actor=actor,
        obj=comment,
        unit_id=submission.unit_id,
        after={
            "kind": kind,
            "cell": f"{indicator.code}.{combo.code}" if indicator and combo else "",
        },
    )
    return comment
