"""Reads of the inspections part: findings by state, overdue, summaries."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Q, QuerySet

from egov.inspections.choices import FindingState, PlanState
from egov.inspections.models import ChecklistItem, Finding, Inspection, PlanMember
from egov.lib.dates import local_today

OPEN_STATES = (FindingState.OPEN, FindingState.FIX_REPORTED)


def overdue_q(today: dt.date | None = None) -> Q:
    """Not closed and past its deadline."""
    return Q(state__in=OPEN_STATES, deadline__lt=today or local_today())


def is_overdue(finding: Finding, today: dt.date | None = None) -> bool:
    return finding.state in OPEN_STATES and finding.deadline < (today or local_today())


def filter_findings(
    findings: QuerySet[Finding], *, status: str = "", agency_id: int | None = None
) -> QuerySet[Finding]:
    """``status``: "open" (not closed), "overdue", "closed", or anything else for all."""
    if status == "open":
        findings = findings.filter(state__in=OPEN_STATES)
    elif status == "overdue":
        findings = findings.filter(overdue_q())
    elif status == "closed":
        findings = findings.filter(state=FindingState.CLOSED)
    if agency_id is not None:
        findings = findings.filter(inspection__agency_id=agency_id)
    return findings.order_by("deadline", "pk")


@dataclass(frozen=True)
class Summary:
    open: int
    fix_reported: int
    closed: int
    overdue: int

    @property
    def total(self) -> int:
        return self.open + self.fix_reported + self.closed


def summary(findings: QuerySet[Finding]) -> Summary:
    today = local_today()
    counts: Counter[str] = Counter()
    overdue = 0
    for state, deadline in findings.values_list("state", "deadline"):
        counts[state] += 1
        if state in OPEN_STATES and deadline < today:
            overdue += 1
    return Summary(
        counts[FindingState.OPEN],
        counts[FindingState.FIX_REPORTED],
        counts[FindingState.CLOSED],
        overdue,
    )


def checklist_groups(inspection: Inspection) -> list[tuple[str, list[ChecklistItem]]]:
    items = list(inspection.items.prefetch_related("evidence").order_by("order", "pk"))
    groups: dict[str, list[ChecklistItem]] = {}
    for item in items:
        groups.setdefault(item.group, []).append(item)
    return list(groups.items())


def open_findings_count(inspection: Inspection) -> int:
    return inspection.findings.filter(state__in=OPEN_STATES).count()


#: The navigation asks on every page whether the user is on a team or leads an inspected
#: agency; the answers come from two small sets cached in the process for a few minutes
#: (forgotten at once by the actions that change them in this process), so pages pay no
#: query for them. Access itself is always decided from the database (``access.py``).
_MEMBERS_KEY = "inspections:nav:team-member-ids"
_AGENCIES_KEY = "inspections:nav:inspected-agency-paths"
NAV_CACHE_SECONDS = 300


def team_member_ids() -> frozenset[int]:
    ids: frozenset[int] | None = cache.get(_MEMBERS_KEY)
    if ids is None:
        ids = frozenset(PlanMember.objects.values_list("user_id", flat=True).distinct())
        cache.set(_MEMBERS_KEY, ids, NAV_CACHE_SECONDS)
    return ids


def inspected_agency_paths() -> frozenset[str]:
    """The agencies inspected under an approved plan."""
    paths: frozenset[str] | None = cache.get(_AGENCIES_KEY)
    if paths is None:
        paths = frozenset(
            Inspection.objects.filter(plan__state=PlanState.APPROVED)
            .values_list("agency__path", flat=True)
            .distinct()
        )
        cache.set(_AGENCIES_KEY, paths, NAV_CACHE_SECONDS)
    return paths


def forget_nav_sets() -> None:
    cache.delete_many([_MEMBERS_KEY, _AGENCIES_KEY])
