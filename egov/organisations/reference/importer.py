"""Writing the planned reference into AdminArea, AdminAreaName and AdminAreaSuccession.

All or nothing: the files are read and checked before the first write, and the writes run in
one transaction. Idempotent: rows are matched on their identity (area: level, code, start;
name: area, start; succession: predecessor, successor), created when missing, updated when
different; a second run with the same files changes nothing and records no audit event.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction

from egov.audit.service import record
from egov.lib.text import fold
from egov.organisations import audit_names
from egov.organisations.choices import AreaLevel
from egov.organisations.models import AdminArea, AdminAreaName, AdminAreaSuccession
from egov.organisations.reference.plan import (
    PRE_2025_FROM,
    REFORM_2025,
    AreaPlan,
    Key,
    Plan,
    build_plan,
)

BATCH_SIZE = 2000
_LEVEL_ORDER: dict[str, int] = {AreaLevel.PROVINCE: 0, AreaLevel.DISTRICT: 1, AreaLevel.COMMUNE: 2}
#: How many unmatched predecessors the report quotes.
EXAMPLES = 10


@dataclass
class ImportReport:
    """What the import found and what it changed."""

    counts: dict[str, int] = field(default_factory=dict)
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    deleted: dict[str, int] = field(default_factory=dict)
    unmatched: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(n for part in (self.created, self.updated, self.deleted) for n in part.values())

    def as_dict(self) -> dict[str, Any]:
        return {
            "counts": self.counts,
            "created": self.created,
            "updated": self.updated,
            "deleted": self.deleted,
            "unmatched": len(self.unmatched),
            "unmatched_examples": self.unmatched[:EXAMPLES],
        }


def _sync_areas(plan: Plan, report: ImportReport) -> dict[Key, int]:
    starts = {key[2] for key in plan.areas}
    existing = {
        (a.level, a.code, a.valid_from): a
        for a in AdminArea.objects.filter(valid_from__in=starts).only(
            "id",
            "level",
            "code",
            "valid_from",
            "valid_to",
            "parent_id",
            "name",
            "type_name",
            "name_folded",
        )
    }
    ids: dict[Key, int] = {key: area.pk for key, area in existing.items()}
    created = updated = 0
    ordered = sorted(plan.areas.values(), key=lambda a: (_LEVEL_ORDER[a.key[0]], a.key[2]))
    for level in (AreaLevel.PROVINCE, AreaLevel.DISTRICT, AreaLevel.COMMUNE):
        new: list[tuple[Key, AdminArea]] = []
        changed: list[AdminArea] = []
        for wanted in (a for a in ordered if a.key[0] == level):
            values = _area_values(wanted, ids)
            area = existing.get(wanted.key)
            if area is None:
                new.append((wanted.key, AdminArea(**values)))
            elif any(getattr(area, name) != value for name, value in values.items()):
                for name, value in values.items():
                    setattr(area, name, value)
                changed.append(area)
        AdminArea.objects.bulk_create([a for _k, a in new], batch_size=BATCH_SIZE)
        ids.update({key: area.pk for key, area in new})
        AdminArea.objects.bulk_update(
            changed,
            ["parent_id", "name", "type_name", "name_folded", "valid_to"],
            batch_size=BATCH_SIZE,
        )
        created += len(new)
        updated += len(changed)
    report.created["areas"] = created
    report.updated["areas"] = updated
    return ids


def _area_values(wanted: AreaPlan, ids: dict[Key, int]) -> dict[str, Any]:
    level, code, start = wanted.key
    return {
        "level": level,
        "code": code,
        "valid_from": start,
        "valid_to": wanted.valid_to,
        "parent_id": ids[wanted.parent] if wanted.parent else None,
        "name": wanted.current.name,
        "type_name": wanted.current.type_name,
        # bulk_create skips AdminArea.save(), which computes the folded name.
        "name_folded": fold(wanted.current.name),
    }


def _sync_names(plan: Plan, ids: dict[Key, int], report: ImportReport) -> None:
    existing = {
        (n.area_id, n.valid_from): n for n in AdminAreaName.objects.filter(area_id__in=ids.values())
    }
    wanted: dict[tuple[int, dt.date], tuple[str, str, dt.date | None]] = {
        (ids[area.key], name.valid_from): (name.name, name.type_name, name.valid_to)
        for area in plan.areas.values()
        for name in area.names
    }
    stale = [n.pk for key, n in existing.items() if key not in wanted]
    AdminAreaName.objects.filter(pk__in=stale).delete()
    changed: list[AdminAreaName] = []
    new: list[AdminAreaName] = []
    for (area_id, start), (name, type_name, end) in wanted.items():
        row = existing.get((area_id, start))
        if row is None:
            new.append(
                AdminAreaName(
                    area_id=area_id, name=name, type_name=type_name, valid_from=start, valid_to=end
                )
            )
        elif (row.name, row.type_name, row.valid_to) != (name, type_name, end):
            row.name, row.type_name, row.valid_to = name, type_name, end
            changed.append(row)
    AdminAreaName.objects.bulk_update(
        changed, ["name", "type_name", "valid_to"], batch_size=BATCH_SIZE
    )
    AdminAreaName.objects.bulk_create(new, batch_size=BATCH_SIZE)
    report.created["names"] = len(new)
    report.updated["names"] = len(changed)
    report.deleted["names"] = len(stale)


def _sync_successions(plan: Plan, ids: dict[Key, int], report: ImportReport) -> None:
    successors = {ids[s.successor] for s in plan.successions.values()}
    existing = {
        (s.predecessor_id, s.successor_id): s
        for s in AdminAreaSuccession.objects.filter(successor_id__in=successors)
    }
    wanted = {(ids[s.predecessor], ids[s.successor]): s for s in plan.successions.values()}
    stale = [s.pk for key, s in existing.items() if key not in wanted]
    AdminAreaSuccession.objects.filter(pk__in=stale).delete()
    changed: list[AdminAreaSuccession] = []
    new: list[AdminAreaSuccession] = []
    for (pred_id, succ_id), plan_row in wanted.items():
        values = {
            "effective_date": REFORM_2025,
            "weight": plan_row.weight,
            "partial": plan_row.partial,
            "note": plan_row.note,
        }
        row = existing.get((pred_id, succ_id))
        if row is None:
            new.append(AdminAreaSuccession(predecessor_id=pred_id, successor_id=succ_id, **values))
        elif any(getattr(row, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(row, name, value)
            changed.append(row)
    AdminAreaSuccession.objects.bulk_update(changed, list(values), batch_size=BATCH_SIZE)
    AdminAreaSuccession.objects.bulk_create(new, batch_size=BATCH_SIZE)
    report.created["successions"] = len(new)
    report.updated["successions"] = len(changed)
    report.deleted["successions"] = len(stale)


def _counts(plan: Plan) -> dict[str, int]:
    partial = sum(1 for s in plan.successions.values() if s.partial)
    return {
        "provinces_pre_2025": plan.count(AreaLevel.PROVINCE, PRE_2025_FROM),
        "districts_pre_2025": plan.count(AreaLevel.DISTRICT, PRE_2025_FROM),
        "communes_pre_2025": plan.count(AreaLevel.COMMUNE, PRE_2025_FROM),
        "provinces_2025": plan.count(AreaLevel.PROVINCE, REFORM_2025),
        "communes_2025": plan.count(AreaLevel.COMMUNE, REFORM_2025),
        "name_periods": sum(len(a.names) for a in plan.areas.values()),
        "name_changes": sum(len(a.names) - 1 for a in plan.areas.values()),
        "successions": len(plan.successions),
        "partial_successions": partial,
        "unmatched": len(plan.unmatched),
    }


def import_admin_areas(directory: Path, *, actor: Any = None) -> ImportReport:
    """Load (or bring up to date) the reference of administrative units from ``directory``.

    Raises :class:`~egov.organisations.reference.AdminAreaImportError` for a missing or
    malformed file, before anything is written. Predecessors that cannot be matched are
    reported in ``ImportReport.unmatched``, not fatal."""
    plan = build_plan(directory)
    report = ImportReport(counts=_counts(plan), unmatched=list(plan.unmatched))
    with transaction.atomic():
        ids = _sync_areas(plan, report)
        _sync_names(plan, ids, report)
        _sync_successions(plan, ids, report)
        if report.changed:
            record(
                action=audit_names.AREAS_IMPORT,
                actor=actor,
                object_type="organisations.adminarea",
                object_repr=str(directory.name),
                after=report.as_dict(),
            )
    return report
