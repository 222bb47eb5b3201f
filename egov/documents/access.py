"""Who may see and do what with documents. Decided here only, on the server, per object.

Seeing an incoming document:
* clerks (văn thư) and leaders of the receiving agency, and the user who registered it;
* whoever it was assigned to: the person, or the leaders of the unit it was given to.
Seeing an outgoing document: its drafter, its reviewers and signer, leaders of the drafting
unit and of the agency, and, once approved, the agency's clerks.

A secret document (Mật, Tối mật, Tuyệt mật) is seen, on top of the above, only by users
holding a :class:`Clearance` at that agency up to its level: system administrators
included. Lists filter with one query through ``visible_*_q``; single objects come through
``get_*_for_user``, which answers 404 for absent and forbidden alike.
"""

from __future__ import annotations

from typing import Any, Literal

from django.db.models import Exists, OuterRef, Q, Subquery
from django.http import Http404

from egov.documents.choices import AssignmentStatus, OutgoingStatus
from egov.documents.models import (
    Assignment,
    Clearance,
    IncomingDocument,
    OutgoingDocument,
    ReviewStep,
)
from egov.organisations import access as org_access
from egov.organisations.choices import Role
from egov.organisations.models import OrgUnit

_CLEARANCE_ATTR = "_egov_clearances"


def _units_subquery(scope: org_access.Scope) -> Any:
    return Subquery(OrgUnit.objects.filter(scope.q()).values("pk"))


def _in_scope(field: str, scope: org_access.Scope) -> Q:
    if scope.everywhere:
        # Not Q(): an empty Q drops out of an OR, which would hide everything instead.
        return Q(**{f"{field}__isnull": False})
    if scope.is_empty:
        return Q(pk__in=[])
    return Q(**{f"{field}__in": _units_subquery(scope)})


def clerk_scope(user: Any) -> org_access.Scope:
    return org_access.scope_for(user, [Role.CLERK])


def leader_scope(user: Any) -> org_access.Scope:
    return org_access.scope_for(user, [Role.LEADER])


def clerk_units(user: Any) -> list[OrgUnit]:
    """The agencies whose registers ``user`` keeps (current units only)."""
    scope = clerk_scope(user)
    if scope.is_empty:
        return []
    return list(OrgUnit.objects.current().filter(scope.q()).order_by("path"))


def clearance_level(user: Any, unit: OrgUnit | int) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    levels: dict[int, int] | None = getattr(user, _CLEARANCE_ATTR, None)
    if levels is None:
        levels = dict(Clearance.objects.filter(user=user).values_list("unit_id", "level"))
        setattr(user, _CLEARANCE_ATTR, levels)
    unit_id = unit if isinstance(unit, int) else unit.pk
    return levels.get(unit_id, 0)


def forget_clearances(user: Any) -> None:
    if hasattr(user, _CLEARANCE_ATTR):
        delattr(user, _CLEARANCE_ATTR)


def _secrecy_q(user: Any) -> Q:
    """Non-secret documents, or secret ones of an agency where ``user`` holds a clearance
    up to their level: plain conditions (no correlated subquery) that keep indexes usable."""
    condition = Q(secrecy=0)
    if not getattr(user, "is_authenticated", False):
        return condition
    clearance_level(user, 0)  # fills the per-request cache
    levels: dict[int, int] = getattr(user, _CLEARANCE_ATTR, {})
    for unit_id, level in sorted(levels.items()):
        condition |= Q(unit_id=unit_id, secrecy__lte=level)
    return condition


def _unit_ids(scope: org_access.Scope) -> list[int]:
    return list(OrgUnit.objects.filter(scope.q()).values_list("pk", flat=True))


def own_scope(user: Any, roles: list[str]) -> org_access.Scope:
    """Where ``user`` holds ``roles`` by an actual assignment (a system administrator's
    everywhere-access does not fill their work queues)."""
    exact: set[str] = set()
    subtree: set[str] = set()
    for assignment in org_access.active_assignments(user):
        if assignment.role in roles:
            (subtree if assignment.covers_subtree else exact).add(assignment.unit.path)
    return org_access.Scope(False, frozenset(exact), frozenset(subtree))


def assignment_for_user_q(user: Any, prefix: str = "", *, own: bool = False) -> Q:
    """Assignments addressed to ``user``: to them in person, or to a unit they lead."""
    condition = Q(**{f"{prefix}assignee_user": user})
    leaders = own_scope(user, [Role.LEADER]) if own else leader_scope(user)
    if not leaders.is_empty:
        condition |= Q(**{f"{prefix}assignee_user__isnull": True}) & _in_scope(
            f"{prefix}assignee_unit", leaders
        )
    return condition


def visible_incoming_q(user: Any) -> Q:
    """Every arm is a plain, indexable condition (lists of ids, no correlated subquery in
    the OR), so PostgreSQL can combine the text index with the unit index: see
    bench/README.md (documents) for the measurements behind this shape."""
    if not getattr(user, "is_authenticated", False):
        return Q(pk__in=[])
    office = org_access.scope_for(user, [Role.CLERK, Role.LEADER])
    base = Q(created_by=user)
    covered_paths: list[str] = []
    if office.everywhere:
        base |= Q(unit__isnull=False)
    elif not office.is_empty:
        office_units = list(OrgUnit.objects.filter(office.q()).values_list("pk", "path"))
        base |= Q(unit_id__in=[pk for pk, _path in office_units])
        covered_paths = [path for _pk, path in office_units]
    # Documents given to the user in person, or to a unit they lead whose agency's register
    # they do not keep (a head of division): listed by id.
    involved = Q(assignee_user=user)
    leaders = leader_scope(user)
    if not leaders.is_empty and not office.everywhere:
        uncovered = [
            pk
            for pk, path in OrgUnit.objects.filter(leaders.q()).values_list("pk", "path")
            if not any(path.startswith(p) and path != p for p in covered_paths)
        ]
        if uncovered:
            involved |= Q(assignee_user__isnull=True, assignee_unit_id__in=uncovered)
    document_ids = list(
        Assignment.objects.filter(involved).values_list("document_id", flat=True).distinct()
    )
    if document_ids:
        base |= Q(pk__in=document_ids)
    return base & _secrecy_q(user)


def visible_outgoing_q(user: Any) -> Q:
    if not getattr(user, "is_authenticated", False):
        return Q(pk__in=[])
    reviewing = ReviewStep.objects.filter(document=OuterRef("pk"), reviewer=user)
    base = Q(drafter=user) | Q(signer=user) | Q(Exists(reviewing))
    leaders = leader_scope(user)
    if not leaders.is_empty:
        base |= _in_scope("unit", leaders) | _in_scope("drafting_unit", leaders)
    clerks = clerk_scope(user)
    if not clerks.is_empty:
        base |= _in_scope("unit", clerks) & ~Q(
            status__in=[OutgoingStatus.DRAFT, OutgoingStatus.IN_REVIEW, OutgoingStatus.RETURNED]
        )
    return base & _secrecy_q(user)


def get_incoming_for_user(user: Any, pk: int) -> IncomingDocument:
    document = (
        IncomingDocument.objects.filter(visible_incoming_q(user), pk=pk)
        .select_related("unit", "document_type", "register")
        .first()
    )
    if document is None:
        raise Http404
    return document


def get_outgoing_for_user(user: Any, pk: int) -> OutgoingDocument:
    document = (
        OutgoingDocument.objects.filter(visible_outgoing_q(user), pk=pk)
        .select_related("unit", "drafting_unit", "document_type", "drafter", "signer")
        .first()
    )
    if document is None:
        raise Http404
    return document


# Predicates used by actions (and by templates to show only possible buttons).


def is_clerk_of(user: Any, unit: OrgUnit) -> bool:
    return clerk_scope(user).contains(unit)


def is_leader_of(user: Any, unit: OrgUnit) -> bool:
    return leader_scope(user).contains(unit)


def can_act_on(user: Any, assignment: Assignment) -> bool:
    """The assignee of an open assignment: the person, or a leader of the unit."""
    if assignment.status not in (AssignmentStatus.PENDING, AssignmentStatus.IN_PROGRESS):
        return False
    if assignment.assignee_user_id is not None:
        return bool(assignment.assignee_user_id == getattr(user, "pk", None))
    return assignment.assignee_unit is not None and is_leader_of(user, assignment.assignee_unit)


def can_see_secret(user: Any, unit: OrgUnit | int, level: int) -> bool:
    return level == 0 or clearance_level(user, unit) >= level


Need = Literal["view", "change"]


def can_edit_draft(user: Any, document: OutgoingDocument) -> bool:
    return document.drafter_id == getattr(user, "pk", None) and document.status in (
        OutgoingStatus.DRAFT,
        OutgoingStatus.RETURNED,
    )


def can_issue(user: Any, document: OutgoingDocument) -> bool:
    return document.status == OutgoingStatus.APPROVED and is_clerk_of(user, document.unit)


def can_manage_registers(user: Any, unit: OrgUnit) -> bool:
    return org_access.can_manage_unit(user, unit)
