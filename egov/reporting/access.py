"""Who may enter, review, approve and read KT-XH data, on the organisation tree.

- Enter and submit a unit's reports: a KT-XH reporter (``Role.REPORTER``) of the unit.
- Accept or return at a level of the approval chain: a reporter or a leader of that unit.
- Approve at a level: a leader of that unit.
- Unlock a locked report: a leader of the form's receiving unit, or a system administrator.
- Read a report: anyone who may enter it or handle it at some level.
- Analysis: reporters and leaders read the totals of the units in their scope.
- The year's plan (kế hoạch năm) of a unit: a KT-XH reporter or a leader of the unit or of a
  unit above it (the plan is assigned from above; the reporter types what the leader signed).
- The catalogue (indicators, breakdowns, forms and regimes, validation rules): the
  statistics office, i.e. the KT-XH reporters of the province's People's Committee (the
  root of the tree), and system administrators.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404

from egov.organisations import access as org_access
from egov.organisations.access import Scope
from egov.organisations.choices import Role
from egov.organisations.models import OrgUnit
from egov.reporting.models import ReportForm, Submission

ENTRY_ROLES = (Role.REPORTER,)
REVIEW_ROLES = (Role.REPORTER, Role.LEADER)
APPROVE_ROLES = (Role.LEADER,)


def entry_scope(user: Any) -> Scope:
    return org_access.scope_for(user, ENTRY_ROLES)


def review_scope(user: Any) -> Scope:
    return org_access.scope_for(user, REVIEW_ROLES)


def can_enter(user: Any, unit: OrgUnit) -> bool:
    return entry_scope(user).contains(unit)


def can_review_at(user: Any, unit: OrgUnit) -> bool:
    return review_scope(user).contains(unit)


def can_approve_at(user: Any, unit: OrgUnit) -> bool:
    return org_access.scope_for(user, APPROVE_ROLES).contains(unit)


def can_unlock(user: Any, form: ReportForm) -> bool:
    return org_access.is_system_admin(user) or can_approve_at(user, form.receiving_unit)


def can_manage_catalogue(user: Any) -> bool:
    """The statistics office (KT-XH reporters at the root of the tree) or a system
    administrator."""
    if user is None or not user.is_authenticated:
        return False
    if org_access.is_system_admin(user):
        return True
    scope = entry_scope(user)
    if scope.is_empty:
        return False
    roots = OrgUnit.objects.filter(depth=1, valid_to__isnull=True)
    return any(scope.contains(root) for root in roots)


PLAN_ROLES = (Role.REPORTER, Role.LEADER)


def plan_scope(user: Any) -> Scope:
    """The units whose year plans ``user`` sets: where the user is a KT-XH reporter or a
    leader, and every unit below them."""
    scope = org_access.scope_for(user, PLAN_ROLES)
    return Scope(scope.everywhere, frozenset(), scope.exact_paths | scope.subtree_paths)


def can_plan_for(user: Any, unit: OrgUnit) -> bool:
    return plan_scope(user).contains(unit)


def uses_reporting(user: Any) -> bool:
    return not review_scope(user).is_empty


def can_view_submission(user: Any, submission: Submission, chain: list[OrgUnit]) -> bool:
    if can_enter(user, submission.unit) or org_access.is_system_admin(user):
        return True
    scope = review_scope(user)
    return any(scope.contains(unit) for unit in chain)


def get_submission_for_user(user: Any, pk: int) -> Submission:
    """The submission, or 404 when absent or not readable by ``user``."""
    from egov.reporting.queries import chain_for

    submission = (
        Submission.objects.select_related("form", "form__receiving_unit", "unit", "period")
        .filter(pk=pk)
        .first()
    )
    if submission is None or not can_view_submission(user, submission, chain_for(submission)):
        raise Http404
    return submission


def analysis_scope(user: Any) -> Scope:
    """Totals of the units where ``user`` reviews, and of every unit below them (the units
    that report to them)."""
    scope = review_scope(user)
    return Scope(scope.everywhere, frozenset(), scope.exact_paths | scope.subtree_paths)
