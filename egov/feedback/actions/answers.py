"""Answering: a handler of the agency drafts, submits the draft to a leader; a leader of the
same agency approves it (the answer is published unless the leader keeps it private, and
mailed to the asker) or returns it with a note. A leader may also close an item that is not
to be handled (abuse, duplicate, outside the province's remit), with a reason.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from egov.audit.service import record
from egov.feedback import access, audit_names, queries
from egov.feedback import constants as c
from egov.feedback.actions._common import lock, mail_after_commit, transition
from egov.feedback.choices import OPEN_STATES, ReviewDecision, State
from egov.feedback.models import Item, Review
from egov.lib.errors import ActionError


def _require(condition: bool, reason: str) -> None:
    if not condition:
        raise PermissionDenied(reason)


def _answer_text(text: str) -> str:
    text = text.strip()
    if not text:
        raise ActionError(_("Hãy nhập nội dung trả lời."), code="answer_required", field="text")
    if len(text) > c.ANSWER_MAX:
        raise ActionError(
            _("Nội dung trả lời dài tối đa %(n)s ký tự.") % {"n": c.ANSWER_MAX},
            code="answer_too_long",
            field="text",
        )
    return text


def _state_error(item: Item) -> ActionError:
    return ActionError(
        _("Không thực hiện được khi phản ánh đang ở tình trạng “%(state)s”.")
        % {"state": item.get_state_display()},
        code="wrong_state",
    )


@transaction.atomic
def save_draft(*, actor: Any, item: Item, text: str) -> Item:
    """Keep a draft answer. Preconditions: the actor handles the item's agency; the item is
    received or being drafted (not waiting for the leader, not answered)."""
    item = lock(item)
    _require(access.can_handle(actor, item.agency), "feedback: handler of the agency required")
    if item.state not in (State.RECEIVED, State.DRAFTING):
        raise _state_error(item)
    text = _answer_text(text)
    before = item.state
    item.draft_text, item.draft_by, item.state = text, actor, State.DRAFTING
    item.save(update_fields=["draft_text", "draft_by", "state"])
    if before != item.state:
        transition(item, action="draft", actor=actor, from_state=before, to_state=item.state)
    record(
        action=audit_names.ITEM_DRAFT,
        actor=actor,
        obj=item,
        unit_id=item.agency_id,
        after={"state": item.state, "length": len(text)},
    )
    return item


@transaction.atomic
def submit_for_review(*, actor: Any, item: Item, text: str) -> Review:
    """Send the draft to the agency's leaders."""
    item = lock(item)
    _require(access.can_handle(actor, item.agency), "feedback: handler of the agency required")
    if item.state not in (State.RECEIVED, State.DRAFTING):
        raise _state_error(item)
    text = _answer_text(text)
    before = item.state
    review = Review.objects.create(
        item=item, text=text, submitted_by=actor, submitted_at=timezone.now()
    )
    item.draft_text, item.draft_by, item.state = text, actor, State.IN_REVIEW
    item.save(update_fields=["draft_text", "draft_by", "state"])
    transition(item, action="submit_review", actor=actor, from_state=before, to_state=item.state)
    record(
        action=audit_names.ITEM_SUBMIT_REVIEW,
        actor=actor,
        obj=item,
        unit_id=item.agency_id,
        after={"review": review.pk},
    )
    return review


def _pending_review(item: Item) -> Review:
    review: Review | None = item.reviews.filter(decision=ReviewDecision.PENDING).first()
    if item.state != State.IN_REVIEW or review is None:
        raise _state_error(item)
    return review


@transaction.atomic
def approve(*, actor: Any, item: Item, publish: bool = True, note: str = "") -> Item:
    """A leader of the item's agency approves the answer: the item is answered, published
    on the portal (pseudonymised) unless ``publish`` is False, and the answer is mailed to
    the asker. A leader of another agency is refused."""
    item = lock(item)
    _require(access.can_approve(actor, item.agency), "feedback: leader of the agency required")
    review = _pending_review(item)
    now = timezone.now()
    review.decision, review.decided_by, review.decided_at = ReviewDecision.APPROVED, actor, now
    review.note = note.strip()[: c.NOTE_MAX]
    review.save(update_fields=["decision", "decided_by", "decided_at", "note"])
    item.answer_text = review.text
    item.answered_at = now
    item.answered_by = review.submitted_by
    item.approved_by = actor
    item.is_public = bool(publish)
    item.state = State.ANSWERED
    item.search_key = queries.search_key(item)
    item.save(
        update_fields=[
            "answer_text",
            "answered_at",
            "answered_by",
            "approved_by",
            "is_public",
            "state",
            "search_key",
        ]
    )
    transition(
        item,
        action="approve",
        actor=actor,
        from_state=State.IN_REVIEW,
        to_state=State.ANSWERED,
        note=review.note,
    )
    if item.asker_email:
        mail_after_commit(
            _("Trả lời phản ánh %(code)s") % {"code": item.code},
            _("%(agency)s trả lời phản ánh “%(title)s” của bạn:\n\n%(answer)s\n")
            % {"agency": item.agency.name, "title": item.title, "answer": item.answer_text},
            [item.asker_email],
        )
        item.answer_mailed_at = now
        item.save(update_fields=["answer_mailed_at"])
    record(
        action=audit_names.ITEM_APPROVE,
        actor=actor,
        obj=item,
        unit_id=item.agency_id,
        after={"state": item.state, "public": item.is_public, "review": review.pk},
    )
    return item


@transaction.atomic
def return_draft(*, actor: Any, item: Item, note: str) -> Item:
    """A leader of the item's agency sends the draft back with what to change."""
    item = lock(item)
    _require(access.can_approve(actor, item.agency), "feedback: leader of the agency required")
    review = _pending_review(item)
    note = note.strip()
    if not note:
        raise ActionError(
            _("Hãy ghi điều cần sửa khi trả lại dự thảo."), code="note_required", field="note"
        )
    review.decision, review.decided_by, review.decided_at = (
        ReviewDecision.RETURNED,
        actor,
        timezone.now(),
    )
    review.note = note[: c.NOTE_MAX]
    review.save(update_fields=["decision", "decided_by", "decided_at", "note"])
    item.state = State.DRAFTING
    item.save(update_fields=["state"])
    transition(
        item,
        action="return",
        actor=actor,
        from_state=State.IN_REVIEW,
        to_state=State.DRAFTING,
        note=review.note,
    )
    record(
        action=audit_names.ITEM_RETURN,
        actor=actor,
        obj=item,
        unit_id=item.agency_id,
        note=review.note,
    )
    return item


@transaction.atomic
def close(*, actor: Any, item: Item, reason: str) -> Item:
    """A leader closes an item that will not be answered, saying why (the asker is told)."""
    item = lock(item)
    _require(access.can_approve(actor, item.agency), "feedback: leader of the agency required")
    if item.state not in OPEN_STATES:
        raise _state_error(item)
    reason = reason.strip()
    if not reason:
        raise ActionError(_("Hãy ghi lý do không xử lý."), code="reason_required", field="reason")
    before = item.state
    item.reviews.filter(decision=ReviewDecision.PENDING).update(
        decision=ReviewDecision.RETURNED, decided_by=actor, decided_at=timezone.now()
    )
    item.state = State.CLOSED
    item.save(update_fields=["state"])
    transition(
        item, action="close", actor=actor, from_state=before, to_state=State.CLOSED, note=reason
    )
    mail_after_commit(
        _("Phản ánh %(code)s không được xử lý") % {"code": item.code},
        _("%(agency)s không xử lý phản ánh “%(title)s”. Lý do: %(reason)s\n")
        % {"agency": item.agency.name, "title": item.title, "reason": reason},
        [item.asker_email],
    )
    record(
        action=audit_names.ITEM_CLOSE,
        actor=actor,
        obj=item,
        unit_id=item.agency_id,
        before={"state": before},
        after={"state": item.state},
        note=reason[: c.NOTE_MAX],
    )
    return item
