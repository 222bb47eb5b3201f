"""Read API of the registry: units, people, and the tree as of a date."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema

from egov.lib.dates import local_today
from egov.organisations import access, queries
from egov.organisations.models import OrgUnit, Person

router = Router(tags=["organisations"])


class UnitOut(Schema):
    id: int
    name: str
    short_name: str
    abbreviation: str
    organ_code: str
    kind: str
    parent_id: int | None
    address: str
    phone: str
    email: str
    website_host: str
    valid_from: dt.date
    valid_to: dt.date | None


class PersonOut(Schema):
    id: int
    full_name: str
    title: str
    position: str | None
    unit_id: int | None
    unit_name: str | None
    email: str
    phone: str


class TreeNodeOut(Schema):
    unit_id: int
    parent_id: int | None
    name: str
    abbreviation: str
    organ_code: str
    kind: str
    depth: int


def _unit_out(unit: OrgUnit, parent_ids: dict[str, int]) -> dict[str, Any]:
    parent_path = unit.path[: -unit.steplen] if unit.depth > 1 else None
    return {
        "id": unit.pk,
        "name": unit.name,
        "short_name": unit.short_name,
        "abbreviation": unit.abbreviation,
        "organ_code": unit.organ_code,
        "kind": unit.kind,
        "parent_id": parent_ids.get(parent_path) if parent_path else None,
        "address": unit.address,
        "phone": unit.phone,
        "email": unit.email,
        "website_host": unit.website_host,
        "valid_from": unit.valid_from,
        "valid_to": unit.valid_to,
    }


@router.get("/units", response=list[UnitOut])
def list_units(
    request: HttpRequest,
    q: str = "",
    include_dissolved: bool = False,
    limit: int = 500,
    offset: int = 0,
) -> list[dict[str, Any]]:
    units = OrgUnit.objects.visible_to(request.user)
    if not include_dissolved:
        units = units.current()
    if q:
        units = units.search(q)
    page = list(units[offset : offset + min(max(limit, 1), 1000)])
    parent_paths = {u.path[: -u.steplen] for u in page if u.depth > 1}
    parent_ids = dict(OrgUnit.objects.filter(path__in=parent_paths).values_list("path", "pk"))
    return [_unit_out(u, parent_ids) for u in page]


@router.get("/units/{unit_id}", response=UnitOut)
def get_unit(request: HttpRequest, unit_id: int) -> dict[str, Any]:
    unit = access.get_unit_for_user(request.user, unit_id)
    parent = OrgUnit.objects.get_parent(unit)
    return _unit_out(unit, {parent.path: parent.pk} if parent else {})


@router.get("/tree", response=list[TreeNodeOut])
def tree(request: HttpRequest, as_of: dt.date | None = None) -> list[dict[str, Any]]:
    if not access.can_view_registry(request.user):
        return []
    roots = queries.tree_as_of(as_of or local_today())
    return [
        {
            "unit_id": n.unit_id,
            "parent_id": n.parent_id,
            "name": n.name,
            "abbreviation": n.abbreviation,
            "organ_code": n.organ_code,
            "kind": n.kind,
            "depth": d,
        }
        for root in roots
        for d, n in root.walk()
    ]


def _person_out(p: Person) -> dict[str, Any]:
    return {
        "id": p.pk,
        "full_name": p.full_name,
        "title": p.title,
        "position": p.position.name if p.position else None,
        "unit_id": p.unit_id,
        "unit_name": p.unit.name if p.unit else None,
        "email": p.email,
        "phone": p.phone,
    }


@router.get("/people", response=list[PersonOut])
def list_people(
    request: HttpRequest, q: str = "", unit_id: int | None = None, limit: int = 100, offset: int = 0
) -> list[dict[str, Any]]:
    people = Person.objects.visible_to(request.user).active().select_related("unit", "position")
    if q:
        people = people.search(q)
    if unit_id is not None:
        people = people.filter(unit_id=unit_id)
    return [_person_out(p) for p in people[offset : offset + min(max(limit, 1), 500)]]


@router.get("/people/{person_id}", response=PersonOut)
def get_person(request: HttpRequest, person_id: int) -> dict[str, Any]:
    return _person_out(access.get_person_for_user(request.user, person_id))
