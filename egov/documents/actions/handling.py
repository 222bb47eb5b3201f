"""Presenting, assigning and handling incoming documents (Nghị định 30, Điều 23–24).

The chain is a tree of :class:`Assignment` rows. The clerk presents the document to a
leader; the leader's instruction gives it to one lead (chủ trì) and any supporting (phối
hợp) or informed (để biết) units and people; the head of a unit passes the unit's part on
to a specialist. Every change writes a transition row and an audit event.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from egov.accounts.notify import notify
from egov.audit.service import record
from egov.documents import access, audit_names, hooks, queries
from egov.documents.actions._common import incoming_transition, require, required_text
from egov.documents.actions.incoming import document_url
from egov.documents.choices import (
    AssignmentRole,
    AssignmentStatus,
    ExtensionStatus,
    IncomingStatus,
)
from egov.documents.models import (
    Assignment,
    Comment,
    ExtensionRequest,
    IncomingDocument,
    OutgoingDocument,
)
from egov.lib.dates import local_today
from egov.lib.errors import ActionError
from egov.organisations.models import OrgUnit


@dataclass
class Target:
    """Who an instruction names: a unit (its leaders act) or a person."""

    unit: OrgUnit | None = None
    user: Any = None

    def label(self) -> str:
        if self.user is not None:
            return str(self.user.full_name or self.user.username)
        return self.unit.name if self.unit is not None else ""


@dataclass
class Instruction:
    """A leader's bút phê."""

    lead: Target | None
    supports: list[Target] = field(default_factory=list)
    informed: list[Target] = field(default_factory=list)
    due_date: dt.date | None = None
    text: str = ""


def _lock(document: IncomingDocument) -> IncomingDocument:
    return IncomingDocument.objects.select_for_update().get(pk=document.pk)


def _lock_assignment(assignment: Assignment) -> Assignment:
    return (
        Assignment.objects.select_for_update(of=("self",))
        .select_related("document", "document__unit", "assignee_unit")
        .get(pk=assignment.pk)
    )


def _set_status(document: IncomingDocument, status: str, *, actor: Any, note: str = "") -> None:
    if document.status == status:
        return
    incoming_transition(
        document,
        action="status",
        actor=actor,
        from_status=document.status,
        to_status=status,
        note=note,
    )
    old = document.status
    document.status = status
    finished = status in (IncomingStatus.DONE, IncomingStatus.FILED)
    document.done_at = timezone.now() if finished else None
    document.save(update_fields=["status", "done_at", "updated_at"])
    hooks.incoming_status_changed(document, old, status)


def _recipients(target: Target, document: IncomingDocument) -> list[Any]:
    if target.user is not None:
        return [target.user]
    if target.unit is None:
        return []
    return queries.leaders_of(target.unit, secrecy=document.secrecy)


def _audit(action: str, actor: Any, document: IncomingDocument, **after: Any) -> None:
    record(action=action, actor=actor, obj=document, unit_id=document.unit_id, after=after or None)


@transaction.atomic
def present(*, actor: Any, document: IncomingDocument, leader: Any, note: str = "") -> Assignment:
    """The clerk presents a registered (or returned) document to a leader of the agency."""
    document = _lock(document)
    require(access.is_clerk_of(actor, document.unit), "clerk of the unit required")
    if document.status not in (IncomingStatus.REGISTERED,):
        raise ActionError(
            _("Văn bản đã được trình hoặc đang xử lý."), code="already_presented", field=None
        )
    if not access.is_leader_of(leader, document.unit) or not access.can_see_secret(
        leader, document.unit, document.secrecy
    ):
        raise ActionError(
            _("Người được trình phải là lãnh đạo của cơ quan (và được tiếp cận văn bản mật)."),
            code="not_a_leader",
            field="leader",
        )
    assignment = Assignment.objects.create(
        document=document,
        role=AssignmentRole.PRESENT,
        assignee_user=leader,
        assigned_by=actor,
        instruction=note.strip(),
        urgency=document.urgency,
    )
    _set_status(document, IncomingStatus.PRESENTED, actor=actor)
    hooks.assigned(assignment)
    notify(
        [leader],
        text=_("Văn bản trình xin ý kiến: %(subject)s") % {"subject": document.subject[:200]},
        url=document_url(document),
        urgent=document.is_urgent,
    )
    _audit(audit_names.INCOMING_PRESENT, actor, document, leader=leader.pk, note=note)
    return assignment


def _allowed_area(parent: Assignment) -> OrgUnit:
    """Where the holder of ``parent`` may give work: the agency for a leader the document
    was presented or given to in person, or the unit it was given to (the screens offer
    the same area: ``queries.handling_area``)."""
    return queries.handling_area(parent)


def _unit_pk(target: Target) -> int:
    return int(target.unit.pk) if target.unit is not None else 0


def _check_target(target: Target, *, area: OrgUnit, document: IncomingDocument) -> None:
    if target.unit is not None:
        if not target.unit.path.startswith(area.path) or target.unit.valid_to is not None:
            raise ActionError(
                _("Đơn vị “%(unit)s” không thuộc phạm vi được giao.") % {"unit": target.unit.name},
                code="target_outside_scope",
                field="lead",
            )
        if document.is_secret:
            raise ActionError(
                _("Văn bản mật chỉ được giao cho cá nhân đã được cấp quyền tiếp cận."),
                code="secret_needs_person",
                field="lead",
            )
        return
    if not queries.works_in(target.user, area):
        raise ActionError(
            _("“%(name)s” không công tác trong “%(unit)s”.")
            % {"name": target.label(), "unit": area.name},
            code="target_outside_scope",
            field="lead",
        )
    if not access.can_see_secret(target.user, document.unit, document.secrecy):
        raise ActionError(
            _("“%(name)s” chưa được cấp quyền tiếp cận văn bản mật ở độ này.")
            % {"name": target.label()},
            code="target_not_cleared",
            field="lead",
        )


@transaction.atomic
def assign(*, actor: Any, parent: Assignment, instruction: Instruction) -> list[Assignment]:
    """Give the work of ``parent`` (presented to the actor, or given to the actor or the
    unit they lead) to others, with the leader's instruction. ``parent`` becomes
    *forwarded*; the new assignments are pending and their assignees are notified."""
    parent = _lock_assignment(parent)
    document = _lock(parent.document)
    require(access.can_act_on(actor, parent), "not the holder of this assignment")
    if parent.role not in (AssignmentRole.PRESENT, AssignmentRole.LEAD, AssignmentRole.SUPPORT):
        raise ActionError(
            _("Văn bản để biết không giao tiếp được."), code="cannot_forward_info", field=None
        )
    if instruction.lead is None:
        raise ActionError(
            _("Hãy chọn đơn vị hoặc người chủ trì xử lý."), code="lead_required", field="lead"
        )
    today = local_today()
    due = instruction.due_date
    if due is not None:
        if due < today:
            raise ActionError(
                _("Hạn xử lý %(date)s đã qua.") % {"date": due.strftime("%d/%m/%Y")},
                code="due_in_past",
                field="due_date",
            )
        if document.issued_date and due < document.issued_date:
            raise ActionError(
                _("Hạn xử lý không được trước ngày văn bản (%(date)s).")
                % {"date": document.issued_date.strftime("%d/%m/%Y")},
                code="due_before_issued",
                field="due_date",
            )
        if parent.due_date and due > parent.due_date:
            raise ActionError(
                _("Hạn xử lý không được sau hạn đã được giao (%(date)s).")
                % {"date": parent.due_date.strftime("%d/%m/%Y")},
                code="due_after_parent",
                field="due_date",
            )
    else:
        due = parent.due_date
    area = _allowed_area(parent)
    # Whoever holds a supporting part passes on a supporting part.
    lead_role = (
        AssignmentRole.SUPPORT if parent.role == AssignmentRole.SUPPORT else AssignmentRole.LEAD
    )
    plan: list[tuple[str, Target]] = [(lead_role, instruction.lead)]
    plan += [(AssignmentRole.SUPPORT, t) for t in instruction.supports]
    plan += [(AssignmentRole.INFO, t) for t in instruction.informed]
    seen: set[tuple[str, int]] = set()
    for _role, target in plan:
        _check_target(target, area=area, document=document)
        key = ("u", target.user.pk) if target.user is not None else ("o", _unit_pk(target))
        if key in seen:
            raise ActionError(
                _("“%(name)s” được chọn nhiều lần.") % {"name": target.label()},
                code="target_repeated",
                field="supports",
            )
        seen.add(key)
    created: list[Assignment] = []
    text = instruction.text.strip()
    for role, target in plan:
        child = Assignment.objects.create(
            document=document,
            parent=parent,
            role=role,
            assignee_unit=target.unit,
            assignee_user=target.user,
            assigned_by=actor,
            instruction=text,
            due_date=due if role != AssignmentRole.INFO else None,
            urgency=document.urgency,
        )
        created.append(child)
        hooks.assigned(child)
        incoming_transition(
            document,
            action="assign",
            actor=actor,
            assignment=child,
            to_status=AssignmentStatus.PENDING,
            note=f"{child.get_role_display()}: {target.label()}",
        )
        notify(
            _recipients(target, document),
            text=_("Văn bản được giao (%(role)s): %(subject)s")
            % {"role": child.get_role_display(), "subject": document.subject[:200]},
            url=document_url(document),
            urgent=document.is_urgent,
        )
    incoming_transition(
        document,
        action="forward",
        actor=actor,
        assignment=parent,
        from_status=parent.status,
        to_status=AssignmentStatus.FORWARDED,
        note=text,
    )
    parent.status = AssignmentStatus.FORWARDED
    parent.closed_at = timezone.now()
    parent.save(update_fields=["status", "closed_at"])
    if parent.role == AssignmentRole.PRESENT:
        document.due_date = due
        document.save(update_fields=["due_date", "updated_at"])
    if document.status in (IncomingStatus.REGISTERED, IncomingStatus.PRESENTED):
        _set_status(document, IncomingStatus.ASSIGNED, actor=actor)
    _audit(
        audit_names.INCOMING_ASSIGN,
        actor,
        document,
        parent=parent.pk,
        assignments=[(a.pk, a.role, a.assignee_unit_id, a.assignee_user_id) for a in created],
        due_date=due,
        instruction=text,
    )
    return created


@transaction.atomic
def start(*, actor: Any, assignment: Assignment) -> Assignment:
    assignment = _lock_assignment(assignment)
    require(access.can_act_on(actor, assignment), "not the holder of this assignment")
    if assignment.status != AssignmentStatus.PENDING:
        return assignment
    incoming_transition(
        assignment.document,
        action="start",
        actor=actor,
        assignment=assignment,
        from_status=assignment.status,
        to_status=AssignmentStatus.IN_PROGRESS,
    )
    assignment.status = AssignmentStatus.IN_PROGRESS
    assignment.save(update_fields=["status"])
    document = _lock(assignment.document)
    if assignment.role == AssignmentRole.LEAD:
        _set_status(document, IncomingStatus.IN_PROGRESS, actor=actor)
    _audit(audit_names.INCOMING_START, actor, document, assignment=assignment.pk)
    return assignment


@transaction.atomic
def add_comment(*, actor: Any, document: IncomingDocument, text: str) -> Comment:
    """Anyone who may see the document may comment on its handling."""
    visible = IncomingDocument.objects.filter(access.visible_incoming_q(actor), pk=document.pk)
    require(visible.exists(), "document not visible")
    text = required_text(text, field="text", message=_("Hãy nhập nội dung ý kiến."))
    comment = Comment.objects.create(document=document, author=actor, text=text)
    _audit(audit_names.INCOMING_COMMENT, actor, document, comment=comment.pk, text=text)
    return comment


@transaction.atomic
def finish(
    *,
    actor: Any,
    assignment: Assignment,
    result: str,
    reply: OutgoingDocument | None = None,
) -> Assignment:
    """Close the actor's part. Closing the lead part completes the document (and the
    forwarded lead assignments above it); closing a presented document without giving it
    out files it for reference (lưu tham khảo)."""
    assignment = _lock_assignment(assignment)
    require(access.can_act_on(actor, assignment), "not the holder of this assignment")
    result = required_text(result, field="result", message=_("Hãy ghi kết quả xử lý."))
    document = _lock(assignment.document)
    now = timezone.now()
    incoming_transition(
        document,
        action="finish",
        actor=actor,
        assignment=assignment,
        from_status=assignment.status,
        to_status=AssignmentStatus.DONE,
        note=result,
    )
    assignment.status = AssignmentStatus.DONE
    assignment.result = result
    assignment.closed_at = now
    assignment.save(update_fields=["status", "result", "closed_at"])
    if reply is not None:
        document.reply = reply
        document.save(update_fields=["reply", "updated_at"])
    if assignment.role == AssignmentRole.PRESENT:
        _set_status(document, IncomingStatus.FILED, actor=actor, note=result)
    elif assignment.role == AssignmentRole.LEAD:
        ancestor = assignment.parent
        while ancestor is not None and ancestor.status == AssignmentStatus.FORWARDED:
            Assignment.objects.filter(pk=ancestor.pk).update(
                status=AssignmentStatus.DONE, closed_at=now
            )
            ancestor = ancestor.parent
        _set_status(document, IncomingStatus.DONE, actor=actor, note=result)
        watchers = [
            a.assigned_by
            for a in document.assignments.select_related("assigned_by")
            if a.assigned_by_id and a.assigned_by_id != getattr(actor, "pk", None)
        ]
        notify(
            watchers,
            text=_("Đã xử lý xong: %(subject)s") % {"subject": document.subject[:200]},
            url=document_url(document),
        )
    _audit(
        audit_names.INCOMING_FINISH,
        actor,
        document,
        assignment=assignment.pk,
        result=result,
        reply=reply.pk if reply else None,
    )
    return assignment


@transaction.atomic
def return_to_assigner(*, actor: Any, assignment: Assignment, reason: str) -> Assignment:
    """Give the work back (wrong unit, not competent…): the assigner's own assignment opens
    again so they can give it to someone else; a presented document goes back to the clerk."""
    assignment = _lock_assignment(assignment)
    require(access.can_act_on(actor, assignment), "not the holder of this assignment")
    reason = required_text(reason, field="reason", message=_("Hãy ghi lý do trả lại."))
    document = _lock(assignment.document)
    incoming_transition(
        document,
        action="return",
        actor=actor,
        assignment=assignment,
        from_status=assignment.status,
        to_status=AssignmentStatus.RETURNED,
        note=reason,
    )
    assignment.status = AssignmentStatus.RETURNED
    assignment.closed_at = timezone.now()
    assignment.save(update_fields=["status", "closed_at"])
    parent = assignment.parent
    if parent is not None and assignment.role in (AssignmentRole.LEAD, AssignmentRole.SUPPORT):
        # The whole instruction is void when its lead is returned.
        if assignment.role == AssignmentRole.LEAD:
            siblings = Assignment.objects.filter(
                parent=parent, status__in=[AssignmentStatus.PENDING, AssignmentStatus.IN_PROGRESS]
            ).exclude(pk=assignment.pk)
            siblings.update(status=AssignmentStatus.CANCELLED, closed_at=timezone.now())
            Assignment.objects.filter(pk=parent.pk).update(
                status=AssignmentStatus.PENDING, closed_at=None
            )
            incoming_transition(
                document,
                action="reopen",
                actor=actor,
                assignment=parent,
                from_status=AssignmentStatus.FORWARDED,
                to_status=AssignmentStatus.PENDING,
                note=reason,
            )
    elif assignment.role == AssignmentRole.PRESENT:
        _set_status(document, IncomingStatus.REGISTERED, actor=actor, note=reason)
    notify(
        [assignment.assigned_by],
        text=_("Văn bản bị trả lại: %(subject)s — %(reason)s")
        % {"subject": document.subject[:150], "reason": reason[:200]},
        url=document_url(document),
        urgent=document.is_urgent,
    )
    _audit(audit_names.INCOMING_RETURN, actor, document, assignment=assignment.pk, reason=reason)
    return assignment


@transaction.atomic
def request_extension(
    *, actor: Any, assignment: Assignment, requested_due: dt.date, reason: str
) -> ExtensionRequest:
    assignment = _lock_assignment(assignment)
    require(access.can_act_on(actor, assignment), "not the holder of this assignment")
    reason = required_text(reason, field="reason", message=_("Hãy ghi lý do xin gia hạn."))
    if assignment.due_date is None:
        raise ActionError(
            _("Việc này không có hạn xử lý nên không cần gia hạn."),
            code="no_deadline",
            field="requested_due",
        )
    if requested_due <= assignment.due_date:
        raise ActionError(
            _("Ngày xin gia hạn phải sau hạn hiện tại (%(date)s).")
            % {"date": assignment.due_date.strftime("%d/%m/%Y")},
            code="extension_not_later",
            field="requested_due",
        )
    if assignment.extension_requests.filter(status=ExtensionStatus.PENDING).exists():
        raise ActionError(
            _("Đã có một đề nghị gia hạn đang chờ duyệt."),
            code="extension_pending",
            field="requested_due",
        )
    request = ExtensionRequest.objects.create(
        assignment=assignment,
        requested_by=actor,
        current_due=assignment.due_date,
        requested_due=requested_due,
        reason=reason,
    )
    document = assignment.document
    incoming_transition(
        document,
        action="extension_request",
        actor=actor,
        assignment=assignment,
        note=f"{assignment.due_date:%d/%m/%Y} → {requested_due:%d/%m/%Y}: {reason}",
    )
    notify(
        [assignment.assigned_by],
        text=_("Đề nghị gia hạn đến %(date)s: %(subject)s")
        % {"date": requested_due.strftime("%d/%m/%Y"), "subject": document.subject[:200]},
        url=document_url(document),
    )
    _audit(
        audit_names.INCOMING_EXTENSION_REQUEST,
        actor,
        document,
        assignment=assignment.pk,
        requested_due=requested_due,
        reason=reason,
    )
    return request


def can_decide_extension(user: Any, request: ExtensionRequest) -> bool:
    assignment = request.assignment
    return request.status == ExtensionStatus.PENDING and (
        assignment.assigned_by_id == getattr(user, "pk", None)
        or access.is_leader_of(user, assignment.document.unit)
    )


@transaction.atomic
def decide_extension(
    *, actor: Any, request: ExtensionRequest, approve: bool, note: str = ""
) -> ExtensionRequest:
    """The assigner (or a leader of the agency) approves or refuses; an approval moves the
    assignment's deadline (and the document's, for the lead part)."""
    request = (
        ExtensionRequest.objects.select_for_update(of=("self",))
        .select_related("assignment", "assignment__document", "assignment__document__unit")
        .get(pk=request.pk)
    )
    require(can_decide_extension(actor, request), "not allowed to decide this extension")
    if not approve:
        required_text(note, field="note", message=_("Hãy ghi lý do không đồng ý."))
    assignment = request.assignment
    document = _lock(assignment.document)
    request.status = ExtensionStatus.APPROVED if approve else ExtensionStatus.REFUSED
    request.decided_by = actor
    request.decided_at = timezone.now()
    request.decision_note = note.strip()
    request.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    if approve:
        Assignment.objects.filter(pk=assignment.pk).update(due_date=request.requested_due)
        if assignment.role == AssignmentRole.LEAD and (
            document.due_date is None or document.due_date < request.requested_due
        ):
            document.due_date = request.requested_due
            document.save(update_fields=["due_date", "updated_at"])
    incoming_transition(
        document,
        action="extension_approved" if approve else "extension_refused",
        actor=actor,
        assignment=assignment,
        note=note.strip(),
    )
    notify(
        [request.requested_by],
        text=(
            _("Đồng ý gia hạn đến %(date)s: %(subject)s")
            if approve
            else _("Không đồng ý gia hạn (%(date)s): %(subject)s")
        )
        % {"date": request.requested_due.strftime("%d/%m/%Y"), "subject": document.subject[:200]},
        url=document_url(document),
    )
    _audit(
        audit_names.INCOMING_EXTENSION_DECIDE,
        actor,
        document,
        request=request.pk,
        approved=approve,
        due_date=request.requested_due if approve else assignment.due_date,
    )
    return request
