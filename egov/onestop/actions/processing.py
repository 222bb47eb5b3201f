"""Processing a received dossier across units (liên thông) until the result is returned.

Each function states the statuses it starts from; any other status is refused with the
reason (``out_of_order``). Only an officer of the unit holding the dossier acts on it
(``not_holder``); reception and return happen at the receiving unit's desk.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from egov.lib.errors import ActionError
from egov.onestop import audit_names, deadlines
from egov.onestop.actions import files as file_checks
from egov.onestop.actions._common import (
    audit,
    lock,
    notify,
    require_officer_at,
    require_status,
    transition,
)
from egov.onestop.choices import (
    PAUSED_STATUSES,
    DueChangeKind,
    ReturnMethod,
    Satisfaction,
    Status,
)
from egov.onestop.models import Dossier, DossierStep, DueChange, Rating, Transition

ACTIVE = (Status.RECEIVED, Status.PROCESSING)


def _fmt(moment: dt.datetime | None) -> str:
    return deadlines.local(moment).strftime("%H:%M %d/%m/%Y") if moment else "—"


def _require_text(text: str, field: str, message: str) -> str:
    text = text.strip()
    if not text:
        raise ActionError(message, code="reason_missing", field=field)
    return text


@transaction.atomic
def hand_over(*, actor: Any, dossier: Dossier, note: str = "") -> Dossier:
    """The holder finishes its step and hands the dossier to the next step's unit (the
    desk hands it to the first step); after the last step it is done and goes back to the
    receiving unit's desk to be returned. A row of Mẫu 05."""
    dossier = lock(dossier)
    require_officer_at(actor, dossier.current_unit, dossier)
    require_status(dossier, ACTIVE, _("chuyển xử lý"))
    now = timezone.now()
    steps = list(DossierStep.objects.filter(dossier=dossier).order_by("position"))
    position = dossier.current_step or 0
    current = next((s for s in steps if s.position == position), None)
    if current is not None:
        current.finished_at = now
        current.finished_by = actor
        current.note = note
        current.save(update_fields=["finished_at", "finished_by", "note"])
    following = next((s for s in steps if s.position > position), None)
    from_unit = dossier.current_unit
    if following is None:
        dossier.current_step = None
        dossier.current_unit = dossier.receiving_unit
        dossier.completed_at = now
        transition(
            dossier,
            to=Status.DONE,
            action="complete",
            actor=actor,
            note=note,
            from_unit=from_unit,
            to_unit=dossier.receiving_unit,
            at=now,
        )
        notify(dossier, _("Hồ sơ đã xử lý xong"), _("Hồ sơ đã có kết quả, chờ trả kết quả."))
    else:
        following.started_at = now
        following.save(update_fields=["started_at"])
        dossier.current_step = following.position
        dossier.current_unit = following.unit
        transition(
            dossier,
            to=Status.PROCESSING,
            action="hand_over",
            actor=actor,
            note=note,
            from_unit=from_unit,
            to_unit=following.unit,
            at=now,
        )
    dossier.save()
    audit(audit_names.DOSSIER_HAND_OVER, actor, dossier, note)
    return dossier


def _pause(dossier: Dossier, *, actor: Any, to: str, action: str, note: str) -> None:
    dossier.paused_at = timezone.now()
    transition(
        dossier,
        to=to,
        action=action,
        actor=actor,
        note=note,
        from_unit=dossier.current_unit,
        to_unit=dossier.current_unit,
        at=dossier.paused_at,
    )


def _resume(dossier: Dossier, *, actor: Any, action: str, note: str) -> None:
    """Back to the status before the pause; the due date and the open steps' deadlines move
    by the working days waited, recorded as a PAUSE row (never silently)."""
    now = timezone.now()
    paused_at = dossier.paused_at or now
    before = (
        Transition.objects.filter(dossier=dossier, to_status=dossier.status)
        .order_by("-at", "-id")
        .values_list("from_status", flat=True)
        .first()
    ) or Status.PROCESSING
    due_at = dossier.due_at or now  # a received dossier always has one
    new_due = deadlines.shift_by_pause(due_at, paused_at, now)
    if new_due != due_at:
        DueChange.objects.create(
            dossier=dossier,
            kind=DueChangeKind.PAUSE,
            old_due=due_at,
            new_due=new_due,
            reason=_("Thời gian chờ người nộp: từ %(start)s đến %(end)s.")
            % {"start": _fmt(paused_at), "end": _fmt(now)},
            actor=actor,
            at=now,
        )
        for step in DossierStep.objects.filter(dossier=dossier, finished_at__isnull=True):
            step.due_at = deadlines.shift_by_pause(step.due_at, paused_at, now)
            step.save(update_fields=["due_at"])
        dossier.due_at = new_due
        dossier.printed_due_at = new_due
    dossier.paused_at = None
    transition(
        dossier,
        to=before,
        action=action,
        actor=actor,
        note=note,
        from_unit=dossier.current_unit,
        to_unit=dossier.current_unit,
        at=now,
    )


@transaction.atomic
def request_additional(*, actor: Any, dossier: Dossier, missing: str) -> Dossier:
    """Mẫu 02: what is missing, asked once for the whole dossier; the clock stops."""
    dossier = lock(dossier)
    require_officer_at(actor, dossier.current_unit, dossier)
    require_status(dossier, ACTIVE, _("yêu cầu bổ sung hồ sơ"))
    if dossier.additional_requested:
        raise ActionError(
            _("Hồ sơ %(code)s đã được yêu cầu bổ sung một lần; không yêu cầu lần thứ hai.")
            % {"code": dossier.code},
            code="additional_once",
        )
    missing = _require_text(missing, "missing", _("Ghi rõ giấy tờ cần bổ sung, hoàn thiện."))
    dossier.additional_requested = True
    _pause(dossier, actor=actor, to=Status.ADDITIONAL, action="request_additional", note=missing)
    dossier.save()
    audit(audit_names.DOSSIER_REQUEST_ADDITIONAL, actor, dossier, missing)
    notify(
        dossier,
        _("Yêu cầu bổ sung hồ sơ"),
        _("Hồ sơ cần bổ sung, hoàn thiện: %(missing)s") % {"missing": missing},
    )
    return dossier


@transaction.atomic
def supply_additional(
    *, actor: Any, dossier: Dossier, uploads: Sequence[tuple[Any, Any]], note: str = ""
) -> Dossier:
    """The applicant (``actor`` None: through the receipt's key) or an officer on their
    behalf files the missing documents; the clock runs again."""
    dossier = lock(dossier)
    if actor is not None and dossier.account_id != actor.pk:
        require_officer_at(actor, dossier.current_unit, dossier)
    require_status(dossier, (Status.ADDITIONAL,), _("bổ sung hồ sơ"))
    if not uploads:
        raise ActionError(_("Chọn tệp giấy tờ bổ sung."), code="no_files", field="files")
    checked = file_checks.check_files(uploads)
    file_checks.store(dossier, checked)
    _resume(dossier, actor=actor, action="supply", note=note)
    dossier.save()
    audit(audit_names.DOSSIER_SUPPLY, actor, dossier, note)
    notify(
        dossier,
        _("Đã nhận hồ sơ bổ sung"),
        _("Đã nhận giấy tờ bổ sung. Ngày hẹn trả kết quả: %(due)s.")
        % {"due": _fmt(dossier.due_at)},
    )
    return dossier


@transaction.atomic
def request_fees(*, actor: Any, dossier: Dossier, note: str = "") -> Dossier:
    """Ask for the fees (nghĩa vụ tài chính); the clock stops until they are paid."""
    dossier = lock(dossier)
    require_officer_at(actor, dossier.current_unit, dossier)
    require_status(dossier, ACTIVE, _("yêu cầu nộp phí, lệ phí"))
    _pause(dossier, actor=actor, to=Status.FEES, action="request_fees", note=note)
    dossier.save()
    audit(audit_names.DOSSIER_REQUEST_FEES, actor, dossier, note)
    notify(dossier, _("Yêu cầu thực hiện nghĩa vụ tài chính"), note or _("Vui lòng nộp phí."))
    return dossier


@transaction.atomic
def fees_paid(*, actor: Any, dossier: Dossier, note: str = "") -> Dossier:
    dossier = lock(dossier)
    require_officer_at(actor, dossier.current_unit, dossier)
    require_status(dossier, (Status.FEES,), _("xác nhận đã nộp phí"))
    _resume(dossier, actor=actor, action="fees_paid", note=note)
    dossier.save()
    audit(audit_names.DOSSIER_FEES_PAID, actor, dossier, note)
    return dossier


@transaction.atomic
def apologise(*, actor: Any, dossier: Dossier, new_due: dt.datetime, reason: str) -> Dossier:
    """Mẫu 04: before the due date passes, the holder apologises and sets a later date."""
    dossier = lock(dossier)
    require_officer_at(actor, dossier.current_unit, dossier)
    require_status(dossier, (*ACTIVE, *PAUSED_STATUSES), _("xin lỗi, hẹn lại ngày trả"))
    reason = _require_text(reason, "reason", _("Ghi rõ lý do chậm trả kết quả."))
    now = timezone.now()
    if dossier.due_at is None or now >= dossier.due_at:
        raise ActionError(
            _("Hạn trả kết quả (%(due)s) đã qua; phiếu xin lỗi phải gửi trước hạn.")
            % {"due": _fmt(dossier.due_at)},
            code="apology_too_late",
        )
    if new_due <= dossier.due_at:
        raise ActionError(
            _("Ngày hẹn mới phải sau ngày hẹn cũ (%(due)s).") % {"due": _fmt(dossier.due_at)},
            code="new_due_not_later",
            field="new_due",
        )
    DueChange.objects.create(
        dossier=dossier,
        kind=DueChangeKind.APOLOGY,
        old_due=dossier.due_at,
        new_due=new_due,
        reason=reason,
        actor=actor,
        at=now,
    )
    DossierStep.objects.filter(
        dossier=dossier, finished_at__isnull=True, due_at__gt=new_due
    ).update(due_at=new_due)
    old = dossier.due_at
    dossier.due_at = new_due
    dossier.printed_due_at = new_due
    transition(
        dossier,
        to=dossier.status,
        action="apologise",
        actor=actor,
        note=reason,
        from_unit=dossier.current_unit,
        to_unit=dossier.current_unit,
        at=now,
    )
    dossier.save()
    audit(audit_names.DOSSIER_APOLOGISE, actor, dossier, reason)
    notify(
        dossier,
        _("Xin lỗi và hẹn lại ngày trả kết quả"),
        _("Hồ sơ chưa giải quyết kịp hạn %(old)s. Lý do: %(reason)s. Ngày hẹn mới: %(new)s.")
        % {"old": _fmt(old), "reason": reason, "new": _fmt(new_due)},
    )
    return dossier


@transaction.atomic
def refuse(*, actor: Any, dossier: Dossier, reason: str) -> Dossier:
    """Mẫu 03: at reception (status 3, Không được tiếp nhận) or during processing
    (status 8, Dừng xử lý), with the reasons."""
    dossier = lock(dossier)
    require_officer_at(actor, dossier.current_unit, dossier)
    require_status(dossier, (Status.NEW, *ACTIVE), _("từ chối hồ sơ"))
    reason = _require_text(reason, "reason", _("Ghi rõ lý do từ chối."))
    to = Status.STOPPED if dossier.status == Status.PROCESSING else Status.REFUSED
    now = timezone.now()
    dossier.closed_at = now
    transition(
        dossier,
        to=to,
        action="refuse",
        actor=actor,
        note=reason,
        from_unit=dossier.current_unit,
        at=now,
    )
    dossier.current_unit = None
    dossier.save()
    audit(audit_names.DOSSIER_REFUSE, actor, dossier, reason)
    notify(dossier, _("Hồ sơ bị từ chối"), _("Lý do: %(reason)s") % {"reason": reason})
    return dossier


@transaction.atomic
def withdraw(*, actor: Any, dossier: Dossier, reason: str) -> Dossier:
    """The applicant withdraws the dossier (``actor`` None through the receipt's key, or
    their account), or an officer of the holding unit records their written request."""
    dossier = lock(dossier)
    if actor is not None and dossier.account_id != actor.pk:
        require_officer_at(actor, dossier.current_unit, dossier)
    require_status(dossier, (Status.NEW, *ACTIVE, *PAUSED_STATUSES), _("rút hồ sơ"))
    reason = _require_text(reason, "reason", _("Ghi rõ lý do rút hồ sơ."))
    now = timezone.now()
    dossier.closed_at = now
    transition(
        dossier,
        to=Status.WITHDRAWN,
        action="withdraw",
        actor=actor,
        note=reason,
        from_unit=dossier.current_unit,
        at=now,
    )
    dossier.current_unit = None
    dossier.paused_at = None
    dossier.save()
    audit(audit_names.DOSSIER_WITHDRAW, actor, dossier, reason)
    notify(dossier, _("Hồ sơ đã được rút"), _("Hồ sơ đã được rút theo yêu cầu."))
    return dossier


@transaction.atomic
def return_result(
    *,
    actor: Any,
    dossier: Dossier,
    method: str = ReturnMethod.IN_PERSON,
    uploads: Sequence[tuple[Any, Any]] = (),
    note: str = "",
) -> Dossier:
    """The desk of the receiving unit returns the result (in person, online, by post)."""
    dossier = lock(dossier)
    require_officer_at(actor, dossier.receiving_unit, dossier)
    require_status(dossier, (Status.DONE,), _("trả kết quả"))
    if method not in ReturnMethod.values:
        raise ActionError(_("Chọn cách trả kết quả."), code="bad_method", field="method")
    if method == ReturnMethod.ONLINE and not uploads:
        raise ActionError(
            _("Trả kết quả trực tuyến cần tệp kết quả (bản điện tử)."),
            code="no_result_file",
            field="files",
        )
    if uploads:
        file_checks.store(dossier, file_checks.check_files(uploads), is_result=True)
    now = timezone.now()
    dossier.return_method = method
    dossier.closed_at = now
    transition(
        dossier,
        to=Status.RETURNED,
        action="return",
        actor=actor,
        note=note or str(ReturnMethod(method).label),
        from_unit=dossier.receiving_unit,
        at=now,
    )
    dossier.current_unit = None
    dossier.save()
    audit(audit_names.DOSSIER_RETURN, actor, dossier, method)
    notify(
        dossier,
        _("Đã trả kết quả"),
        _("Kết quả hồ sơ đã được trả (%(method)s). Mời anh/chị đánh giá mức độ hài lòng.")
        % {"method": ReturnMethod(method).label},
    )
    return dossier


@transaction.atomic
def rate(
    *,
    dossier: Dossier,
    level: int,
    criteria: dict[str, int] | None = None,
    comment: str = "",
) -> Rating:
    """The applicant's rating of a finished dossier, once (through the receipt's key)."""
    dossier = lock(dossier)
    require_status(dossier, (Status.DONE, Status.RETURNED), _("đánh giá hồ sơ"))
    if Rating.objects.filter(dossier=dossier).exists():
        raise ActionError(
            _("Hồ sơ %(code)s đã được đánh giá; mỗi hồ sơ chỉ đánh giá một lần.")
            % {"code": dossier.code},
            code="already_rated",
        )
    if level not in Satisfaction.values:
        raise ActionError(_("Chọn mức độ hài lòng."), code="bad_level", field="level")
    clean = {k: v for k, v in (criteria or {}).items() if v in Satisfaction.values}
    rating = Rating.objects.create(
        dossier=dossier, level=level, criteria=clean, comment=comment.strip(), at=timezone.now()
    )
    audit(audit_names.DOSSIER_RATE, None, dossier, str(level))
    return rating
