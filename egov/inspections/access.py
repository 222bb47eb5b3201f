"""Who sees and does what in inspections, decided here and only here.

* Provincial inspectors (a system administrator, or an inspector whose role covers the
  province's top unit with its subtree) create plans and see and conduct every inspection.
* Members of a plan's team see the plan and conduct its inspections; the team leader (and
  provincial inspectors) change the plan while it is a draft and approve it.
* The leader of an inspected agency (a leader role covering it) sees the inspections of
  that agency once the plan is approved, and answers their findings.
* Everyone else gets 404, for absent and forbidden alike.
"""

from __future__ import annotations

from typing import Any, Literal

from django.db.models import Q, QuerySet
from django.http import Http404

from egov.inspections.choices import PlanState
from egov.inspections.models import Evidence, Finding, Inspection, Plan
from egov.organisations import access as org_access
from egov.organisations.choices import Role
from egov.organisations.models import OrgUnit

Need = Literal["view", "conduct", "answer"]


def is_provincial_inspector(user: Any) -> bool:
    scope = org_access.scope_for(user, [Role.INSPECTOR])
    if scope.everywhere:
        return True
    if not scope.subtree_paths:
        return False
    roots = OrgUnit.objects.filter(depth=1, valid_to__isnull=True).values_list("path", flat=True)
    return any(path in scope.subtree_paths for path in roots)


def can_create_plans(user: Any) -> bool:
    return is_provincial_inspector(user)


def is_member(user: Any, plan: Plan) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return plan.members.filter(user=user).exists()


def is_team_leader(user: Any, plan: Plan) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return plan.members.filter(user=user, is_leader=True).exists()


def can_conduct_any(user: Any) -> bool:
    """Provincial inspectors and members of some team: the plans pages."""
    if not getattr(user, "is_authenticated", False):
        return False
    return is_provincial_inspector(user) or Plan.objects.filter(members__user=user).exists()


def visible_plans(user: Any) -> QuerySet[Plan]:
    if not getattr(user, "is_authenticated", False):
        return Plan.objects.none()
    if is_provincial_inspector(user):
        return Plan.objects.all()
    return Plan.objects.filter(members__user=user).distinct()


def get_plan_for_user(user: Any, pk: int, *, need: Literal["view", "change"] = "view") -> Plan:
    plan = visible_plans(user).filter(pk=pk).first()
    if plan is None:
        raise Http404
    if need == "change" and not can_change_plan(user, plan):
        raise Http404
    return plan


def can_change_plan(user: Any, plan: Plan) -> bool:
    return is_provincial_inspector(user) or is_team_leader(user, plan)


def can_conduct(user: Any, inspection: Inspection) -> bool:
    return is_provincial_inspector(user) or is_member(user, inspection.plan)


def can_answer(user: Any, inspection: Inspection) -> bool:
    """The inspected agency's own leader answers its findings (a system administrator's
    everywhere-scope does not make them the agency's leader)."""
    scope = org_access.scope_for(user, [Role.LEADER])
    return not scope.everywhere and scope.contains(inspection.agency)


def visible_inspections(user: Any) -> QuerySet[Inspection]:
    if not getattr(user, "is_authenticated", False):
        return Inspection.objects.none()
    base = Inspection.objects.select_related("plan", "agency")
    if is_provincial_inspector(user):
        return base.all()
    leader_scope = org_access.scope_for(user, [Role.LEADER])
    condition = Q(plan__members__user=user)
    if not leader_scope.is_empty:
        condition |= leader_scope.q("agency__") & Q(plan__state=PlanState.APPROVED)
    return base.filter(condition).distinct()


def answerable_inspections(user: Any) -> QuerySet[Inspection]:
    """The inspections of the agencies the user leads (the agency's own view)."""
    leader_scope = org_access.scope_for(user, [Role.LEADER])
    if leader_scope.is_empty or leader_scope.everywhere:
        return Inspection.objects.none()
    return (
        Inspection.objects.select_related("plan", "agency")
        .filter(leader_scope.q("agency__"), plan__state=PlanState.APPROVED)
        .order_by("-scheduled_on")
    )


def get_inspection_for_user(user: Any, pk: int, *, need: Need = "view") -> Inspection:
    inspection = visible_inspections(user).filter(pk=pk).first()
    if inspection is None:
        raise Http404
    if need == "conduct" and not can_conduct(user, inspection):
        raise Http404
    if need == "answer" and not can_answer(user, inspection):
        raise Http404
    return inspection


def visible_findings(user: Any) -> QuerySet[Finding]:
    inspections = visible_inspections(user).values("pk")
    return Finding.objects.select_related(
        "inspection", "inspection__agency", "inspection__plan", "responsible_unit", "item"
    ).filter(inspection__in=inspections)


def get_finding_for_user(user: Any, pk: int, *, need: Need = "view") -> Finding:
    finding = visible_findings(user).filter(pk=pk).first()
    if finding is None:
        raise Http404
    if need == "conduct" and not can_conduct(user, finding.inspection):
        raise Http404
    if need == "answer" and not can_answer(user, finding.inspection):
        raise Http404
    return finding


def get_evidence_for_user(user: Any, pk: int) -> Evidence:
    evidence = Evidence.objects.select_related("item", "finding").filter(pk=pk).first()
    if evidence is None:
        raise Http404
    inspection_id = (
        evidence.item.inspection_id if evidence.item is not None else evidence.finding.inspection_id  # type: ignore[union-attr] # one owner, by constraint
    )
    if not visible_inspections(user).filter(pk=inspection_id).exists():
        raise Http404
    return evidence
