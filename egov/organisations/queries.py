"""Read functions and QuerySet methods of the organisation registry."""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from django.db import connection, models
from django.db.models.functions import Lower
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


#: The shortest term the trigram indexes can look up (``LIKE '%ab%'`` has no trigram).
_TRIGRAM_LENGTH = 3


class _SortKey(models.Func):
    """A text column unchanged (``column || ''``): it sorts exactly as the column, in the
    column's collation, but no index on the column matches it."""

    template = "(%(expressions)s || '')"
    output_field = models.TextField()


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

    # Treebeard 5, which Wagtail pins, keeps the tree operations on the node; the registry
    # calls them through the manager, in one form (decision 0015).
    def add_root(self, *, instance: OrgUnit) -> Any:
        return self.model.add_root(instance=instance)

    def add_child(self, parent: OrgUnit, *, instance: OrgUnit) -> Any:
        return parent.add_child(instance=instance)

    def get_parent(self, node: OrgUnit, *, update: bool = False) -> Any:
        return node.get_parent(update=update)

    def get_ancestors(self, node: OrgUnit) -> OrgUnitQuerySet:
        return cast(OrgUnitQuerySet, node.get_ancestors())

    def move(self, node: OrgUnit, target: OrgUnit, pos: str | None = None) -> None:
        node.move(target, pos=pos)


class PersonQuerySet(models.QuerySet["Person"]):
    def visible_to(self, user: Any) -> PersonQuerySet:
        """People ``user`` may see in the staff directory."""
        from egov.organisations import access

        return self if access.can_view_registry(user) else self.none()

    def active(self) -> PersonQuerySet:
        from egov.organisations.choices import StaffStatus

        return self.filter(status__in=[StaffStatus.ACTIVE, StaffStatus.ON_LEAVE])

    def search(self, text: str) -> PersonQuerySet:
        """Match every word of ``text`` in the name without diacritics; text holding an "@"
        is an e-mail address, or its beginning, in any case (``ANNV@`` finds
        ``annv@angiang.gov.vn``)."""
        qs = self
        text = text.strip()
        if "@" in text:
            return qs.with_email_starting(text)
        terms = _search_terms(text)
        for term in terms:
            qs = qs.filter(full_name_folded__contains=term)
        if len(terms) > 1 and any(len(term) >= _TRIGRAM_LENGTH for term in terms):
            qs = qs._ordered_without_name_index()
        return qs

    def _ordered_without_name_index(self) -> PersonQuerySet:
        """Meta.ordering by a key the name index cannot supply, unless ordered otherwise.

        For several words, whose matches the trigram index finds at little cost, reading
        them all and picking the first page beats the alternative the planner otherwise
        takes: reading the name index in order until 50 rows match, on the supposition that
        matches spread over the alphabet. A family name typed first ("pham thi") puts every
        match in one place, "P", some 70,000 rows in at national scale: 50 ms instead of
        10 (bench/README.md). One word is left to the planner: a frequent given name
        ("huong") is found at once in name order, and sorting 39,000 "nguyen" is no faster
        than walking to them."""
        if self.query.order_by or not self.query.default_ordering:
            return self
        return self.order_by(_SortKey("full_name_folded"), "id")

    def with_email_starting(self, prefix: str) -> PersonQuerySet:
        """People whose e-mail begins with ``prefix``, ignoring case. Compares ``lower(email)``
        (never ``UPPER``, which ``iexact`` would use) so that the expression index
        ``org_person_email_prefix`` serves whole addresses and beginnings alike."""
        return self.alias(email_ci=Lower("email")).filter(email_ci__startswith=prefix.lower())

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


_TREE_COLUMNS = (
    "unit_id, parent_id, name, short_name, abbreviation, organ_code, kind, valid_from, valid_to"
)
#: Versions in force on %(day)s, by name (the order of siblings in the tree).
_TREE_SQL = """
    SELECT {columns} FROM {versions}
    WHERE valid_from <= %(day)s AND (valid_to IS NULL OR valid_to > %(day)s)
    ORDER BY name
"""
#: The same, only the unit %(root)s and the units below it on that day: a walk down the
#: versions' ``parent_id`` (their own index), not the current materialised path, which would
#: miss a unit that was under the root then and has moved since. UNION, not UNION ALL, so
#: even a corrupt cycle of parents ends.
_SUBTREE_SQL = """
    WITH RECURSIVE subtree AS (
        SELECT {columns} FROM {versions}
        WHERE unit_id = %(root)s
          AND valid_from <= %(day)s AND (valid_to IS NULL OR valid_to > %(day)s)
      UNION
        SELECT {child_columns} FROM {versions} AS child
        JOIN subtree ON child.parent_id = subtree.unit_id
        WHERE child.valid_from <= %(day)s
          AND (child.valid_to IS NULL OR child.valid_to > %(day)s)
    )
    SELECT {columns} FROM subtree ORDER BY name
"""


def _versions_on(day: dt.date, root_id: int | None) -> list[tuple[Any, ...]]:
    """Rows of ``_TREE_COLUMNS`` for the versions in force on ``day``, ordered by name."""
    from egov.organisations.models import OrgUnitVersion

    versions = connection.ops.quote_name(OrgUnitVersion._meta.db_table)
    child_columns = ", ".join(f"child.{name}" for name in _TREE_COLUMNS.split(", "))
    template = _TREE_SQL if root_id is None else _SUBTREE_SQL
    # Only fixed identifiers are formatted in; the values go as parameters.
    sql = template.format(columns=_TREE_COLUMNS, child_columns=child_columns, versions=versions)
    with connection.cursor() as cursor:
        cursor.execute(sql, {"day": day, "root": root_id})
        rows: list[tuple[Any, ...]] = cursor.fetchall()
    return rows


def _history_stamp() -> tuple[Any, ...]:
    """A value that changes whenever the unit versions do, read in one cheap query.

    Every change to the versions goes through ``actions.units``, which adds a version or
    records an :class:`OrgEvent` (closing a version in place, when a unit is dissolved, comes
    with its event), so the highest ids of both tables move on every change; their ids come
    from sequences and are never handed out twice. The count of versions catches a deletion;
    the table's file node catches ``TRUNCATE`` and a restored database, after which ids may
    start again."""
    from egov.organisations.models import OrgEvent, OrgUnitVersion

    quote = connection.ops.quote_name
    versions, events = quote(OrgUnitVersion._meta.db_table), quote(OrgEvent._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            # Only the two table names are formatted in (quoted identifiers of our models).
            f"SELECT pg_relation_filenode(%s::regclass), (SELECT count(*) FROM {versions}),"  # noqa: S608
            f" (SELECT max(id) FROM {versions}), (SELECT max(id) FROM {events})",
            [versions],
        )
        counts = cursor.fetchone()
    return (connection.alias, connection.settings_dict["NAME"], *(counts or ()))


#: The country's versions in force on a day, by (database, day, history stamp): the tree
#: view and the API ask for today's tree again and again, and it changes only with an
#: organisation event. A few days' worth, a few MB each at national scale.
_COUNTRY_ROWS: OrderedDict[tuple[Any, ...], list[tuple[Any, ...]]] = OrderedDict()
_COUNTRY_ROWS_SIZE = 8
_COUNTRY_ROWS_LOCK = threading.Lock()


def _country_versions_on(day: dt.date) -> list[tuple[Any, ...]]:
    """``_versions_on(day, None)``, from the per-process cache while the history is unchanged.
    Stored only if the stamp is the same after reading as before, so rows committed by
    another transaction meanwhile are never filed under the older stamp."""
    stamp = _history_stamp()
    key = (*stamp, day)
    with _COUNTRY_ROWS_LOCK:
        rows = _COUNTRY_ROWS.get(key)
        if rows is not None:
            _COUNTRY_ROWS.move_to_end(key)
            return rows
    rows = _versions_on(day, None)
    if _history_stamp() == stamp:
        with _COUNTRY_ROWS_LOCK:
            _COUNTRY_ROWS[key] = rows
            while len(_COUNTRY_ROWS) > _COUNTRY_ROWS_SIZE:
                _COUNTRY_ROWS.popitem(last=False)
    return rows


def forget_cached_trees() -> None:
    """Empty this process's cache of the country's tree (for measuring the uncached path)."""
    with _COUNTRY_ROWS_LOCK:
        _COUNTRY_ROWS.clear()


def tree_as_of(day: dt.date, *, root_id: int | None = None) -> list[TreeNode]:
    """The organisation tree as it stood on ``day``: roots with nested children (siblings by
    name), each node carrying the name, code and parent it had on that day. With ``root_id``,
    only that unit with everything under it then (``[]`` if it did not exist then).

    One query over the versions: for ``root_id``, a recursive walk down from that unit, so
    one province costs its own size rather than the country's; for the whole country, the
    versions in force on ``day``, kept per process until the next organisation event
    (:func:`_history_stamp`, one small query). The nodes are built afresh on every call, so
    callers may change what they get."""
    rows = _country_versions_on(day) if root_id is None else _versions_on(day, root_id)
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
