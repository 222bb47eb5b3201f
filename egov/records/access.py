"""Who may see and change case files and print registers. Decided here only, per object.

Seeing a file: its owner (người lập hồ sơ), and the clerks and leaders of its agency
(a system administrator's everywhere-scope included). Changing it: its owner and the
agency's clerks; a handed-over file is frozen for everybody (the actions refuse). The
documents inside follow the e-office's own policy: a viewer sees, in the table of contents
and in exports, only the documents ``egov.documents.access`` lets them see, so a secret
document stays inside its clearance scope. Absent and forbidden both answer 404.
"""

from __future__ import annotations

from typing import Any, Literal

from django.db.models import Q
from django.http import Http404

from egov.documents import access as doc_access
from egov.documents import queries as doc_queries
from egov.organisations import access as org_access
from egov.organisations.choices import Role
from egov.organisations.models import OrgUnit
from egov.records.models import CaseFile

Need = Literal["view", "change"]


def office_scope(user: Any) -> org_access.Scope:
    return org_access.scope_for(user, [Role.CLERK, Role.LEADER])


def office_units(user: Any) -> list[OrgUnit]:
    """The agencies whose files and registers ``user`` may read (clerk or leader there)."""
    scope = office_scope(user)
    if scope.is_empty:
        return []
    return list(OrgUnit.objects.current().filter(scope.q()).order_by("path"))


def file_agencies(user: Any) -> list[OrgUnit]:
    """Agencies where ``user`` may open files: where they are clerk or leader, and the
    agency of the unit they work in."""
    from egov.documents.actions.outgoing import agency_of
    from egov.organisations.models import Person

    units = {unit.pk: unit for unit in office_units(user)}
    if getattr(user, "is_authenticated", False):
        for person in Person.objects.active().filter(user=user).select_related("unit"):
            if person.unit is not None:
                agency = agency_of(person.unit)
                units.setdefault(agency.pk, agency)
    return sorted(units.values(), key=lambda unit: unit.path)


def visible_files_q(user: Any) -> Q:
    if not getattr(user, "is_authenticated", False):
        return Q(pk__in=[])
    condition = Q(owner=user)
    scope = office_scope(user)
    if scope.everywhere:
        condition |= Q(unit__isnull=False)
    elif not scope.is_empty:
        condition |= Q(unit__in=OrgUnit.objects.filter(scope.q()).values("pk"))
    return condition


def can_change(user: Any, case_file: CaseFile) -> bool:
    """The owner or a clerk of the file's agency (frozen files are refused by the actions)."""
    return case_file.owner_id == getattr(user, "pk", None) or doc_access.is_clerk_of(
        user, case_file.unit
    )


def get_case_file_for_user(user: Any, pk: int, *, need: Need = "view") -> CaseFile:
    case_file = (
        CaseFile.objects.filter(visible_files_q(user), pk=pk)
        .select_related("unit", "owner", "plan_entry")
        .first()
    )
    if case_file is None or (need == "change" and not can_change(user, case_file)):
        raise Http404
    return case_file


def can_open_file_in(user: Any, unit: OrgUnit) -> bool:
    """Anyone working in the agency (its staff, and clerks and leaders) opens files there."""
    if not getattr(user, "is_authenticated", False):
        return False
    return office_scope(user).contains(unit) or doc_queries.works_in(user, unit)


def can_manage_plan(user: Any, unit: OrgUnit) -> bool:
    """The clerk draws up the file plan; the agency's leaders approve it."""
    return office_scope(user).contains(unit)


def can_print_registers(user: Any, unit: OrgUnit) -> bool:
    return office_scope(user).contains(unit)


def can_see_incoming(user: Any, document_id: int) -> bool:
    return doc_queries.incoming_visible_to(user).filter(pk=document_id).exists()


def can_see_outgoing(user: Any, document_id: int) -> bool:
    return doc_queries.outgoing_visible_to(user).filter(pk=document_id).exists()
