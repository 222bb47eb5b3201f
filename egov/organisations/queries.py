"""Read functions and QuerySet methods of the organisation registry."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from django.db import models
from treebeard.mp_tree import MP_NodeManager, MP_NodeQuerySet

from egov.lib.text import fold

if TYPE_CHECKING:
    from egov.organisations.models import OrgUnit, Person  # noqa: F401 - "Person" in a base class


def _active_on(day: dt.date) -> models.Q:
    return models.Q(valid_from__lte=day) & (
        models.Q(valid_to__isnull=True) | models.Q(valid_to__gt=day)
    )


def _search_terms(text: str) -> list[str]:
    return [term for term in fold(text).split(" ") if term]


class OrgUnitQuerySet(MP_NodeQuerySet):  # type: ignore[misc] # treebeard is untyped
    def visible_to(self, user: Any) -> OrgUnitQuerySet:
        """Units ``user`` may see in the internal registry (see ``access.can_view_registry``)."""
        from egov.organisations import access

        return self if access.can_view_registry(user) else cast(OrgUnitQuerySet, self.none())

    def current(self) -> OrgUnitQuerySet:
        return cast(OrgUnitQuerySet, self.filter(valid_to__isnull=True))

    def active_on(self, day: dt.date) -> OrgUnitQuerySet:
        return cast(OrgUnitQuerySet, self.filter(_active_on(day)))

    def under(self, unit: OrgUnit, *, include_self: bool = True) -> OrgUnitQuerySet:
        qs = self.filter(path__startswith=unit.path)
        return cast(OrgUnitQuerySet, qs if include_self else qs.exclude(pk=unit.pk))

    def search(self, text: str) -> OrgUnitQuerySet:
        qs: OrgUnitQuerySet = self
        for term in _search_terms(text):
            qs = qs.filter(models.Q(name_folded__contains=term) | models.Q(organ_code__iexact=term))
        return qs


class OrgUnitManager(MP_NodeManager.from_queryset(OrgUnitQuerySet)):  # type: ignore[misc] # treebeard is untyped
    """Treebeard's manager (add_root, add_child, move…) with the registry's QuerySet methods."""

    def get_queryset(self) -> OrgUnitQuerySet:
        return cast(OrgUnitQuerySet, OrgUnitQuerySet(self.model, using=self._db).order_by("path"))


class PersonQuerySet(models.QuerySet["Person"]):
    def visible_to(self, user: Any) -> PersonQuerySet:
        """People ``user`` may see in the staff directory."""
        from egov.organisations import access

        return self if access.can_view_registry(user) else self.none()

    def active(self) -> PersonQuerySet:
        from egov.organisations.choices import StaffStatus

        return self.filter(status__in=[StaffStatus.ACTIVE, StaffStatus.ON_LEAVE])

    def search(self, text: str) -> PersonQuerySet:
        """Match every word of ``text`` in the name without diacritics, or the exact e-mail."""
        qs = self
        text = text.strip()
        if "@" in text:
            return qs.filter(email__iexact=text)
        for term in _search_terms(text):
            qs = qs.filter(full_name_folded__contains=term)
        return qs

    def in_subtree(self, unit: OrgUnit) -> PersonQuerySet:
        return self.filter(unit__path__startswith=unit.path)


@dataclass
class TreeNode:
    """One unit in the tree as of a date, with the attributes it had then."""

    unit_id: int
    parent_id: int | None
    name: str
    short_name: str
    abbreviation: str
    organ_code: str
    kind: str
    valid_from: dt.date
    valid_to: dt.date | None
    children: list[TreeNode] = field(default_factory=list)

    @property
    def kind_label(self) -> str:
        from egov.organisations.choices import UnitKind

        return str(UnitKind(self.kind).label) if self.kind in UnitKind.values else self.kind

    def walk(self, depth: int = 0) -> list[tuple[int, TreeNode]]:
        rows = [(depth, self)]
        for child in self.children:
            rows.extend(child.walk(depth + 1))
        return rows


def tree_as_of(day: dt.date, *, root_id: int | None = None) -> list[TreeNode]:
    """The organisation tree as it stood on ``day``: roots with nested children, each node
    carrying the name, code and parent it had on that day. One query over the versions."""
    from egov.organisations.models import OrgUnitVersion

    rows = (
        OrgUnitVersion.objects.filter(_active_on(day))
        .order_by("name")
        .values_list(
            "unit_id",
            "parent_id",
            "name",
            "short_name",
            "abbreviation",
            "organ_code",
            "kind",
            "valid_from",
            "valid_to",
        )
    )
    nodes = {row[0]: TreeNode(*row) for row in rows}
    roots: list[TreeNode] = []
    for node in nodes.values():
        parent = nodes.get(node.parent_id) if node.parent_id is not None else None
        if parent is None:
            roots.append(node)
        else:
            parent.children.append(node)
    if root_id is not None:
        return [nodes[root_id]] if root_id in nodes else []
    return roots


def unit_history(unit: OrgUnit) -> list[Any]:
    """A unit's versions and the events it took part in, oldest first."""
    from egov.organisations.models import OrgEventLink

    return list(
        OrgEventLink.objects.filter(unit=unit)
        .select_related("event")
        .order_by("event__effective_date", "event_id")
    )
