"""The life of a report: submit → the receiving unit accepts, or returns it with a reason
(for the form or per cell) → approval level by level up the line → locked; unlocking needs
an audited reason. Every change writes a :class:`SubmissionTransition` and an audit event.

Values join the live totals when the first level approves and leave them when the report
goes back to the unit (returned or unlocked)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from egov.audit.service import record
from egov.lib.errors import ActionError
from egov.organisations.models import OrgUnit
from egov.reporting import access, audit_names
from egov.reporting.actions import _aggregates
from egov.reporting.actions._common import actor_or_none, require
from egov.reporting.choices import CommentKind, SubmissionState
from egov.reporting.models import (
    CellComment,
    DataValue,
    LedgerEntry,
    Submission,
    SubmissionTransition,
)
from egov.reporting.queries import REVIEW_STATES, chain_for, completeness
from egov.reporting.validation import check


def _locked(submission: Submission) -> Submission:
    return (
        Submission.objects.select_for_update(of=("self",))
        .select_related("form", "form__receiving_unit", "form__sector_unit", "unit", "period")
        .get(pk=submission.pk)
    )


def _move(
    submission: Submission,
    *,
    to: str,
    actor: Any,
    audit: str,
    at_unit: OrgUnit | None,
    note: str = "",
    fields: tuple[str, ...] = (),
) -> Submission:
    from_state = submission.state
    submission.state = to
    submission.save(update_fields=["state", *fields])
    SubmissionTransition.objects.create(
        submission=submission,
        from_state=from_state,
        to_state=to,
        at_unit=at_unit,
        actor=actor_or_none(actor),
        at=timezone.now(),
        note=note,
    )
    record(
        action=audit,
        actor=actor,
        obj=submission,
        unit_id=submission.unit_id,
        before={"state": from_state},
        after={"state": to, "level": submission.level},
        note=note,
    )
    return submission


def _require_state(submission: Submission, *states: str) -> None:
    if submission.state not in states:
        raise ActionError(
            _("Báo cáo đang ở trạng thái “%(state)s”, không thực hiện được thao tác này.")
            % {"state": submission.get_state_display()},
            code="wrong_state",
        )


@transaction.atomic
def submit(*, actor: Any, submission: Submission, skip_access_check: bool = False) -> Submission:
    """Send the report to the first unit of its approval chain. Refused while a required
    cell is empty, a rule error stands, or a warning has no explanation."""
    submission = _locked(submission)
    if not skip_access_check:
        require(access.can_enter(actor, submission.unit), "reporter of the unit required")
    _require_state(submission, SubmissionState.DRAFT, SubmissionState.RETURNED)
    filled, required = completeness(submission)
    if filled < required:
        raise ActionError(
            _("Còn %(n)s ô bắt buộc chưa nhập số liệu.") % {"n": required - filled},
            code="incomplete",
        )
    blocking = [issue for issue in check(submission) if issue.blocks]
    if blocking:
        raise ActionError(
            _("Chưa gửi được: %(first)s (và %(more)s vấn đề khác).")
            % {"first": blocking[0].message, "more": len(blocking) - 1}
            if len(blocking) > 1
            else _("Chưa gửi được: %(first)s") % {"first": blocking[0].message},
            code="validation_failed",
        )
    chain = chain_for(submission)
    if not chain:
        raise ActionError(_("Đơn vị này không có cơ quan nhận báo cáo."), code="no_receiver")
    submission.level, submission.handler = 0, chain[0]
    if submission.submitted_at is None:
        submission.submitted_at = timezone.now()
    return _move(
        submission,
        to=SubmissionState.SUBMITTED,
        actor=actor,
        audit=audit_names.SUBMISSION_SUBMIT,
        at_unit=submission.unit,
        fields=("level", "handler", "submitted_at"),
    )


def _require_reviewer(actor: Any, submission: Submission, skip: bool) -> None:
    if not skip:
        require(
            submission.handler is not None and access.can_review_at(actor, submission.handler),
            "reviewer at the handling unit required",
        )


@transaction.atomic
def accept(*, actor: Any, submission: Submission, skip_access_check: bool = False) -> Submission:
    """The receiving unit acknowledges the report (tiếp nhận)."""
    submission = _locked(submission)
    _require_reviewer(actor, submission, skip_access_check)
    _require_state(submission, SubmissionState.SUBMITTED)
    return _move(
        submission,
        to=SubmissionState.ACCEPTED,
        actor=actor,
        audit=audit_names.SUBMISSION_ACCEPT,
        at_unit=submission.handler,
    )


@transaction.atomic
def return_submission(
    *,
    actor: Any,
    submission: Submission,
    reason: str,
    cell_reasons: list[tuple[int, int, str]] = (),  # type: ignore[assignment]
    skip_access_check: bool = False,
) -> Submission:
    """Send the report back to its unit with a reason for the form and optionally per cell
    ((indicator id, option combo id, reason)). Its values leave the totals."""
    submission = _locked(submission)
    _require_reviewer(actor, submission, skip_access_check)
    _require_state(submission, *REVIEW_STATES)
    reason = reason.strip()
    if not reason:
        raise ActionError(_("Hãy ghi lý do trả lại."), code="reason_required", field="reason")
    now, author = timezone.now(), actor_or_none(actor)
    from egov.reporting.actions.entry import cell_of

    comments = [
        CellComment(
            submission=submission,
            kind=CommentKind.RETURN_REASON,
            text=reason,
            author=author,
            at=now,
        )
    ]
    for indicator_id, combo_id, text in cell_reasons:
        if text.strip():
            indicator, combo = cell_of(submission, indicator_id, combo_id)
            comments.append(
                CellComment(
                    submission=submission,
                    indicator=indicator,
                    combo=combo,
                    kind=CommentKind.RETURN_REASON,
                    text=text.strip(),
                    author=author,
                    at=now,
                )
            )
    CellComment.objects.bulk_create(comments)
    _aggregates.uncount(
        list(DataValue.objects.filter(submission=submission).select_related("period"))
    )
    at_unit = submission.handler
    submission.handler, submission.level = None, 0
    return _move(
        submission,
        to=SubmissionState.RETURNED,
        actor=actor,
        audit=audit_names.SUBMISSION_RETURN,
        at_unit=at_unit,
        note=reason,
        fields=("handler", "level"),
    )


@transaction.atomic
def approve(*, actor: Any, submission: Submission, skip_access_check: bool = False) -> Submission:
    """Approve at the current level. The first approval adds the values to the live totals
    of both lines; the last one locks the report and freezes its ledger entry."""
    submission = _locked(submission)
    if not skip_access_check:
        require(
            submission.handler is not None and access.can_approve_at(actor, submission.handler),
            "leader at the handling unit required",
        )
    _require_state(submission, SubmissionState.ACCEPTED, SubmissionState.APPROVING)
    chain = chain_for(submission)
    at_unit = submission.handler
    if submission.state == SubmissionState.ACCEPTED:
        values = list(
            DataValue.objects.filter(
                unit_id=submission.unit_id, period_id=submission.period_id, submission=submission
            ).select_related("period")
        )
        _aggregates.count([v for v in values if v.counted_value is None])
    if submission.level + 1 >= len(chain):
        submission.handler = None
        submission.locked_at = timezone.now()
        LedgerEntry.objects.create(
            submission=submission,
            form=submission.form,
            unit=submission.unit,
            period=submission.period,
            is_backfill=submission.is_backfill,
            value_count=DataValue.objects.filter(
                submission=submission, value__isnull=False
            ).count(),
            frozen_at=submission.locked_at,
        )
        return _move(
            submission,
            to=SubmissionState.LOCKED,
            actor=actor,
            audit=audit_names.SUBMISSION_APPROVE,
            at_unit=at_unit,
            fields=("handler", "locked_at"),
        )
    submission.level += 1
    submission.handler = chain[submission.level]
    return _move(
        submission,
        to=SubmissionState.APPROVING,
        actor=actor,
        audit=audit_names.SUBMISSION_APPROVE,
        at_unit=at_unit,
        fields=("handler", "level"),
    )


@transaction.atomic
def unlock(
    *, actor: Any, submission: Submission, reason: str, skip_access_check: bool = False
) -> Submission:
    """Reopen a locked report for correction: its values leave the totals until approved
    again, and its ledger entry is superseded."""
    submission = _locked(submission)
    if not skip_access_check:
        require(access.can_unlock(actor, submission.form), "leader of the receiving unit required")
    _require_state(submission, SubmissionState.LOCKED)
    reason = reason.strip()
    if not reason:
        raise ActionError(_("Hãy ghi lý do mở khóa."), code="reason_required", field="reason")
    _aggregates.uncount(
        list(DataValue.objects.filter(submission=submission).select_related("period"))
    )
    LedgerEntry.objects.filter(submission=submission, superseded_at__isnull=True).update(
        superseded_at=timezone.now()
    )
    submission.locked_at, submission.level, submission.handler = None, 0, None
    return _move(
        submission,
        to=SubmissionState.RETURNED,
        actor=actor,
        audit=audit_names.SUBMISSION_UNLOCK,
        at_unit=submission.form.receiving_unit,
        note=reason,
        fields=("locked_at", "level", "handler"),
    )
