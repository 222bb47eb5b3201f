"""Rolling figures up a materialised-path tree: the grouped reads of the oversight part.

A figure "of a unit" counts the unit and its whole subtree (``path__startswith``). Read once
grouped by the owning unit's path, a row belongs to every requested unit whose path is a
prefix of the row's path; with treebeard's fixed-width steps that is exactly the
``startswith`` test of the per-unit reads, so the grouped values equal the per-unit ones."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q

#: Above this many disjoint subtrees a grouped read scans everything rather than OR-ing
#: prefixes (a full provincial ranking covers nearly every row anyway).
MAX_PREFIXES = 64


class SubtreeIndex:
    """The requested units by path, to find which of them a row of a given path counts for."""

    def __init__(self, units: Iterable[tuple[int, str]]) -> None:
        self.by_path: dict[str, int] = {path: pk for pk, path in units}
        self._lengths = sorted({len(path) for path in self.by_path})

    def owners(self, path: str | None) -> list[int]:
        """The requested units whose subtree holds ``path`` (itself included)."""
        if not path:
            return []
        found: list[int] = []
        for length in self._lengths:
            if length > len(path):
                break
            pk = self.by_path.get(path[:length])
            if pk is not None:
                found.append(pk)
        return found

    def covering(self) -> list[str]:
        """The fewest paths whose subtrees hold every requested subtree."""
        kept: list[str] = []
        for path in sorted(self.by_path):
            if not kept or not path.startswith(kept[-1]):
                kept.append(path)
        return kept

    def q(self, field: str) -> Q:
        """A filter keeping the rows under some requested unit (``field`` is the row's path
        lookup, e.g. ``"unit__path"``); no filter when the units are many or none."""
        paths = self.covering()
        if not paths or len(paths) > MAX_PREFIXES:
            return Q() if paths else Q(pk__in=[])
        condition = Q()
        for path in paths:
            condition |= Q(**{f"{field}__startswith": path})
        return condition
