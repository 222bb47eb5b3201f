"""Drafting, reviewing and approving outgoing documents (Nghị định 30, Điều 10–13)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from egov.accounts.notify import notify
from egov.audit.service import record, snapshot
from egov.documents import access, audit_names
from egov.documents.actions import files as file_actions
from egov.documents.actions._common import outgoing_transition, require, subject_text
from egov.documents.choices import OutgoingStatus, ReviewDecision, Secrecy, Urgency
from egov.documents.models import (
    Attachment,
    DocumentType,
    DraftVersion,
    IncomingDocument,
    OutgoingDocument,
    ReviewStep,
)
from egov.documents.search import index_outgoing
from egov.lib.dates import local_today
from egov.lib.errors import ActionError
from egov.lib.text import clean
from egov.organisations.models import OrgUnit

DRAFT_FIELDS = (
    "unit",
    "drafting_unit",
    "document_type",
    "is_legal",
    "subject",
    "urgency",
    "secrecy",
    "due_date",
    "signer",
    "in_reply_to",
    "status",
)


def outgoing_url(document: OutgoingDocument) -> str:
    return reverse("documents:outgoing_detail", args=[document.pk])


def agency_of(unit: OrgUnit) -> OrgUnit:
    """The issuing agency of a drafting unit: the nearest ancestor (or itself) that is not
    an internal division."""
    from egov.organisations.choices import UnitKind

    node = unit
    while node.kind == UnitKind.DIVISION:
        parent = OrgUnit.objects.get_parent(node)
        if parent is None:
            break
        node = parent
    return node


def _lock(document: OutgoingDocument) -> OutgoingDocument:
    return (
        OutgoingDocument.objects.select_for_update(of=("self",))
        .select_related("unit", "drafting_unit", "document_type")
        .get(pk=document.pk)
    )


def _set_status(document: OutgoingDocument, status: str, *, actor: Any, note: str = "") -> None:
    outgoing_transition(
        document,
        action="status",
        actor=actor,
        from_status=document.status,
        to_status=status,
        note=note,
    )
    document.status = status
    document.save(update_fields=["status", "updated_at"])


def _add_version(
    document: OutgoingDocument, uploads: list[file_actions.Upload], *, actor: Any, note: str
) -> DraftVersion:
    inspected = file_actions.check_uploads(uploads)
    last = document.versions.aggregate(n=Max("number"))["n"] or 0
    version = DraftVersion.objects.create(
        document=document, number=last + 1, note=note.strip(), created_by=actor
    )
    for order, (upload, facts) in enumerate(zip(uploads, inspected, strict=True)):
        stored = file_actions.store(upload, facts, actor=actor)
        Attachment.objects.create(
            file=stored, name=upload.name, is_main=order == 0, ordering=order, draft=version
        )
    return version


@transaction.atomic
def create_draft(
    *,
    actor: Any,
    drafting_unit: OrgUnit,
    document_type: DocumentType,
    subject: str,
    uploads: list[file_actions.Upload],
    urgency: int = Urgency.NORMAL,
    secrecy: int = Secrecy.NONE,
    is_legal: bool = False,
    due_date: Any = None,
    in_reply_to: IncomingDocument | None = None,
    replaces: OutgoingDocument | None = None,
    change_reason: str = "",
    note: str = "",
) -> OutgoingDocument:
    """Start a draft in ``drafting_unit`` (where the actor works), version 1 with its files."""
    from egov.documents import queries

    require(queries.works_in(actor, drafting_unit), "drafter must work in the drafting unit")
    subject = subject_text(subject)
    if is_legal and not document_type.can_be_legal:
        raise ActionError(
            _("Loại “%(type)s” không ban hành dưới dạng văn bản quy phạm pháp luật.")
            % {"type": document_type.name},
            code="type_not_legal",
            field="is_legal",
        )
    if due_date is not None and due_date < local_today():
        raise ActionError(_("Hạn trả lời đã qua."), code="due_in_past", field="due_date")
    if not uploads:
        raise ActionError(_("Hãy đính kèm tệp dự thảo."), code="file_required", field="files")
    unit = agency_of(drafting_unit)
    if replaces is not None:
        if replaces.unit_id != unit.pk or replaces.status != OutgoingStatus.ISSUED:
            raise ActionError(
                _("Chỉ thay thế văn bản đang có hiệu lực của chính cơ quan."),
                code="replace_invalid",
                field="replaces",
            )
        if not change_reason.strip():
            raise ActionError(
                _("Hãy ghi lý do thay thế, đính chính."),
                code="reason_required",
                field="change_reason",
            )
    if secrecy:
        require(access.can_see_secret(actor, unit, secrecy), "clearance required")
    document = OutgoingDocument.objects.create(
        unit=unit,
        drafting_unit=drafting_unit,
        document_type=document_type,
        is_legal=is_legal,
        subject=subject,
        urgency=urgency,
        secrecy=secrecy,
        due_date=due_date,
        drafter=actor,
        in_reply_to=in_reply_to,
        replaces=replaces,
        change_reason=change_reason.strip(),
        created_by=actor,
        electronic=document_type.delivery_rule != "paper_only",
        on_paper=document_type.delivery_rule != "electronic_only",
    )
    _add_version(document, uploads, actor=actor, note=note or _("Dự thảo lần đầu"))
    outgoing_transition(
        document, action="draft", actor=actor, from_status="", to_status=OutgoingStatus.DRAFT
    )
    index_outgoing(document)
    record(
        action=audit_names.OUTGOING_DRAFT,
        actor=actor,
        obj=document,
        unit_id=unit.pk,
        after=snapshot(document, DRAFT_FIELDS),
    )
    return document


@transaction.atomic
def add_version(
    *, actor: Any, document: OutgoingDocument, uploads: list[file_actions.Upload], note: str
) -> DraftVersion:
    document = _lock(document)
    require(access.can_edit_draft(actor, document), "only the drafter edits a draft")
    if not uploads:
        raise ActionError(_("Hãy đính kèm tệp dự thảo."), code="file_required", field="files")
    version = _add_version(document, uploads, actor=actor, note=note)
    index_outgoing(document)
    record(
        action=audit_names.OUTGOING_VERSION,
        actor=actor,
        obj=document,
        unit_id=document.unit_id,
        after={"version": version.number, "note": version.note},
    )
    return version


@transaction.atomic
def submit_for_review(
    *, actor: Any, document: OutgoingDocument, reviewers: list[Any], signer: Any
) -> list[ReviewStep]:
    """Send the draft through ``reviewers`` in order, then to ``signer``. Each round starts
    again from the first reviewer with the latest version."""
    document = _lock(document)
    require(access.can_edit_draft(actor, document), "only the drafter submits a draft")
    if signer is None:
        raise ActionError(_("Hãy chọn người ký."), code="signer_required", field="signer")
    if not access.is_leader_of(signer, document.unit) and not access.is_leader_of(
        signer, document.drafting_unit
    ):
        raise ActionError(
            _("Người ký phải là lãnh đạo của cơ quan hoặc đơn vị soạn thảo."),
            code="signer_not_leader",
            field="signer",
        )
    chain = [*reviewers, signer]
    if len({u.pk for u in chain}) != len(chain):
        raise ActionError(
            _("Một người chỉ xuất hiện một lần trong luồng duyệt."),
            code="reviewer_repeated",
            field="reviewers",
        )
    if any(u.pk == actor.pk for u in reviewers):
        raise ActionError(
            _("Người soạn thảo không tự duyệt dự thảo của mình."),
            code="self_review",
            field="reviewers",
        )
    if document.secrecy and not all(
        access.can_see_secret(u, document.unit, document.secrecy) for u in chain
    ):
        raise ActionError(
            _("Mọi người trong luồng duyệt phải được tiếp cận văn bản mật ở độ này."),
            code="reviewer_not_cleared",
            field="reviewers",
        )
    latest = document.versions.order_by("-number").first()
    document.review_round += 1
    document.signer = signer
    document.save(update_fields=["review_round", "signer", "updated_at"])
    steps = [
        ReviewStep.objects.create(
            document=document,
            round=document.review_round,
            order=index,
            reviewer=user,
            is_signer=index == len(chain) - 1,
            decision=ReviewDecision.PENDING if index == 0 else ReviewDecision.WAITING,
            version=latest,
        )
        for index, user in enumerate(chain)
    ]
    _set_status(document, OutgoingStatus.IN_REVIEW, actor=actor)
    notify(
        [chain[0]],
        text=_("Dự thảo chờ ý kiến: %(subject)s") % {"subject": document.subject[:200]},
        url=outgoing_url(document),
        urgent=document.is_urgent,
    )
    record(
        action=audit_names.OUTGOING_SUBMIT,
        actor=actor,
        obj=document,
        unit_id=document.unit_id,
        after={"round": document.review_round, "chain": [u.pk for u in chain]},
    )
    return steps


def current_step(document: OutgoingDocument) -> ReviewStep | None:
    return (
        document.review_steps.filter(round=document.review_round, decision=ReviewDecision.PENDING)
        .select_related("reviewer")
        .first()
    )


@transaction.atomic
def review(
    *,
    actor: Any,
    document: OutgoingDocument,
    decision: str,
    comment: str = "",
    forward_to: Any = None,
) -> ReviewStep:
    """The reviewer whose turn it is approves, returns with comments, or asks someone else
    for an opinion first (the chain continues with them, then back to the actor)."""
    document = _lock(document)
    if document.status != OutgoingStatus.IN_REVIEW:
        raise ActionError(_("Dự thảo không ở bước trình duyệt."), code="not_in_review")
    step = current_step(document)
    if step is None or step.reviewer_id != actor.pk:
        require(False, "not this reviewer's turn")
        raise AssertionError  # unreachable: require raised
    comment = comment.strip()
    now = timezone.now()
    if decision == ReviewDecision.RETURNED:
        if not comment:
            raise ActionError(
                _("Hãy ghi ý kiến khi trả lại dự thảo."), code="comment_required", field="comment"
            )
        step.decision, step.comment, step.decided_at = decision, comment, now
        step.save(update_fields=["decision", "comment", "decided_at"])
        document.review_steps.filter(
            round=document.review_round, decision=ReviewDecision.WAITING
        ).update(decision=ReviewDecision.SKIPPED)
        _set_status(document, OutgoingStatus.RETURNED, actor=actor, note=comment)
        notify(
            [document.drafter],
            text=_("Dự thảo bị trả lại: %(subject)s") % {"subject": document.subject[:200]},
            url=outgoing_url(document),
        )
    elif decision == ReviewDecision.FORWARDED:
        if forward_to is None or forward_to.pk in (actor.pk, document.drafter_id):
            raise ActionError(
                _("Hãy chọn người khác để xin ý kiến."), code="forward_required", field="forward_to"
            )
        if document.secrecy and not access.can_see_secret(
            forward_to, document.unit, document.secrecy
        ):
            raise ActionError(
                _("Người được chuyển chưa được tiếp cận văn bản mật ở độ này."),
                code="reviewer_not_cleared",
                field="forward_to",
            )
        later = document.review_steps.filter(
            round=document.review_round, order__gt=step.order
        ).order_by("-order")
        for later_step in later:  # shift down by two: the new reviewer, then the actor again
            later_step.order += 2
            later_step.save(update_fields=["order"])
        step.decision, step.comment, step.decided_at = decision, comment, now
        step.save(update_fields=["decision", "comment", "decided_at"])
        ReviewStep.objects.create(
            document=document,
            round=document.review_round,
            order=step.order + 1,
            reviewer=forward_to,
            decision=ReviewDecision.PENDING,
            version=step.version,
        )
        ReviewStep.objects.create(
            document=document,
            round=document.review_round,
            order=step.order + 2,
            reviewer=actor,
            is_signer=step.is_signer,
            decision=ReviewDecision.WAITING,
            version=step.version,
        )
        step.is_signer = False
        step.save(update_fields=["is_signer"])
        notify(
            [forward_to],
            text=_("Xin ý kiến về dự thảo: %(subject)s") % {"subject": document.subject[:200]},
            url=outgoing_url(document),
        )
    elif decision == ReviewDecision.APPROVED:
        step.decision, step.comment, step.decided_at = decision, comment, now
        step.save(update_fields=["decision", "comment", "decided_at"])
        following = (
            document.review_steps.filter(
                round=document.review_round, decision=ReviewDecision.WAITING
            )
            .order_by("order")
            .first()
        )
        if following is not None:
            following.decision = ReviewDecision.PENDING
            following.save(update_fields=["decision"])
            notify(
                [following.reviewer],
                text=_("Dự thảo chờ ý kiến: %(subject)s") % {"subject": document.subject[:200]},
                url=outgoing_url(document),
                urgent=document.is_urgent,
            )
        else:
            _set_status(document, OutgoingStatus.APPROVED, actor=actor, note=comment)
            from egov.documents.queries import clerks_of

            notify(
                [document.drafter, *clerks_of(document.unit, secrecy=document.secrecy)],
                text=_("Đã duyệt ký, chờ cấp số phát hành: %(subject)s")
                % {"subject": document.subject[:200]},
                url=outgoing_url(document),
                urgent=document.is_urgent,
            )
    else:
        raise ActionError(_("Ý kiến không hợp lệ."), code="decision_invalid", field="decision")
    record(
        action=audit_names.OUTGOING_REVIEW,
        actor=actor,
        obj=document,
        unit_id=document.unit_id,
        after={"step": step.pk, "decision": decision, "comment": comment},
    )
    return step


@transaction.atomic
def cancel_draft(*, actor: Any, document: OutgoingDocument, reason: str) -> OutgoingDocument:
    document = _lock(document)
    require(access.can_edit_draft(actor, document), "only the drafter cancels a draft")
    _set_status(document, OutgoingStatus.CANCELLED, actor=actor, note=clean(reason))
    record(
        action=audit_names.OUTGOING_CANCEL,
        actor=actor,
        obj=document,
        unit_id=document.unit_id,
        after={"reason": reason},
    )
    return document
