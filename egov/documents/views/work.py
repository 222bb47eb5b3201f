""" "My work" in the e-office: everything waiting for the signed-in user, and for leaders
the open work of their units counted by unit and by person."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from egov.documents import access, queries
from egov.documents import constants as c
from egov.documents.models import Assignment
from egov.documents.views.incoming import require_staff
from egov.lib.dates import local_today
from egov.organisations.choices import Role
from egov.workcalendar.queries import add_working_days

#: How many items of each queue the page lists (the counts are always complete).
WORK_LIMIT = 200


@dataclass
class AssignedSplit:
    """The assignments given to the user, by how close their deadline is."""

    overdue: list[Assignment]
    due_soon: list[Assignment]
    others: list[Assignment]


def split_by_deadline(assigned: list[Assignment]) -> AssignedSplit:
    today = local_today()
    soon = add_working_days(today, c.DUE_SOON_WORKING_DAYS)
    split = AssignedSplit([], [], [])
    for assignment in assigned:
        due = assignment.due_date
        if due is not None and due < today:
            split.overdue.append(assignment)
        elif due is not None and due <= soon:
            split.due_soon.append(assignment)
        else:
            split.others.append(assignment)
    return split


def is_leader(user: Any) -> bool:
    return not access.own_scope(user, [Role.LEADER]).is_empty


@login_required
def my_work(request: HttpRequest) -> HttpResponse:
    require_staff(request)
    queues = queries.work_queues(request.user, limit=WORK_LIMIT)
    return render(
        request,
        "documents/work.html",
        {
            "queues": queues,
            "split": split_by_deadline(queues.assigned),
            "limit": WORK_LIMIT,
            "is_leader": is_leader(request.user),
            "today": local_today(),
        },
    )


@login_required
def team_work(request: HttpRequest) -> HttpResponse:
    """Leaders only: the open work of the units they lead, by unit and by person."""
    if not is_leader(request.user):
        raise PermissionDenied
    return render(
        request,
        "documents/work_team.html",
        {"work": queries.team_work(request.user), "today": local_today()},
    )
