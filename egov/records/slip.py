"""Phiếu giải quyết văn bản đến (Phụ lục IV): the handling of one incoming document as the
paper form lays it out, read from its assignments and remarks: (1) the agency leader's
instruction (lead and supporting units or people, deadline, date), (2) each unit leader's
(the person given the work, deadline, date), (3) the handlers' proposals (their remarks and
results, with dates)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from egov.documents.choices import AssignmentRole
from egov.documents.models import Assignment, Comment, IncomingDocument
from egov.lib.dates import BUSINESS_TZ


@dataclass
class Opinion:
    """One leader's instruction: whom it gives the work to, by when, said on which day."""

    by: str
    on: dt.date
    text: str
    lead: list[str] = field(default_factory=list)
    supports: list[str] = field(default_factory=list)
    informed: list[str] = field(default_factory=list)
    due: dt.date | None = None


@dataclass
class Proposal:
    by: str
    at: dt.datetime
    text: str

    @property
    def on(self) -> dt.date:
        return _day(self.at)


@dataclass
class Slip:
    document: IncomingDocument
    agency: list[Opinion]
    units: list[Opinion]
    proposals: list[Proposal]


def _name(user: Any) -> str:
    return str(user.full_name or user.username) if user is not None else ""


def _target(assignment: Assignment) -> str:
    if assignment.assignee_user is not None:
        return _name(assignment.assignee_user)
    return assignment.assignee_unit.name if assignment.assignee_unit else ""


def _day(moment: dt.datetime) -> dt.date:
    return moment.astimezone(BUSINESS_TZ).date()


def _opinions(batch: list[Assignment]) -> Opinion:
    first = batch[0]
    opinion = Opinion(
        by=_name(first.assigned_by), on=_day(first.created_at), text=first.instruction
    )
    # Whoever holds a supporting part passes it on as supporting parts: the first one
    # created is the person given the work (``documents.actions.handling.assign``).
    passed_support = first.parent is not None and first.parent.role == AssignmentRole.SUPPORT
    for index, a in enumerate(batch):
        if a.role == AssignmentRole.LEAD or (passed_support and index == 0):
            opinion.lead.append(_target(a))
        elif a.role == AssignmentRole.SUPPORT:
            opinion.supports.append(_target(a))
        else:
            opinion.informed.append(_target(a))
        opinion.due = opinion.due or a.due_date
    return opinion


def handling_slip(document: IncomingDocument) -> Slip:
    """The slip of ``document`` in three queries (assignments with people, remarks)."""
    assignments = list(
        Assignment.objects.filter(document=document)
        .exclude(role=AssignmentRole.PRESENT)
        .select_related("assignee_user", "assignee_unit", "assigned_by", "parent")
        .order_by("created_at", "pk")
    )
    batches: dict[tuple[int | None, int | None], list[Assignment]] = defaultdict(list)
    for a in assignments:
        batches[(a.parent_id, a.assigned_by_id)].append(a)
    agency: list[Opinion] = []
    units: list[Opinion] = []
    for batch in batches.values():
        parent = batch[0].parent
        top = parent is None or parent.role == AssignmentRole.PRESENT
        (agency if top else units).append(_opinions(batch))
    handlers = {a.assignee_user_id for a in assignments if a.assignee_user_id}
    proposals = [
        Proposal(by=_name(a.assignee_user), at=a.closed_at, text=a.result)
        for a in assignments
        if a.assignee_user_id and a.result and a.closed_at
    ]
    comments = Comment.objects.filter(document=document, author_id__in=handlers).select_related(
        "author"
    )
    proposals += [Proposal(by=_name(c.author), at=c.created_at, text=c.text) for c in comments]
    proposals.sort(key=lambda p: p.at)
    return Slip(document=document, agency=agency, units=units, proposals=proposals)
