"""Filling the benchmark database and checking that what was written reads back as the
application would have written it."""

from __future__ import annotations

import random
import time
from typing import Any

from bench._common import Report, log
from bench.organisations.reference import (
    BEFORE_RENAMES,
    FULL_STAFF,
    PROVINCES,
    RENAME_DAY,
    SEED,
)
from bench.organisations.staff import Subjects, insert_staff, insert_users
from bench.organisations.tree import insert_units, plan_tree


def analyze() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE)")


def build(scale: float, report: Report) -> Subjects:
    from egov.organisations.models import (
        Employment,
        OrgUnit,
        OrgUnitVersion,
        Person,
        RoleAssignment,
    )

    rng = random.Random(SEED)
    started = time.perf_counter()
    roots = plan_tree(scale, rng)
    by_path = insert_units(roots, rng)
    log(f"units: {len(by_path)} in {time.perf_counter() - started:.1f} s")
    units = sorted(by_path.values(), key=lambda unit: unit.path)
    people = insert_staff(units, round(FULL_STAFF * scale), rng)
    log(f"staff: {len(people)} in {time.perf_counter() - started:.1f} s")
    subjects = insert_users(by_path, people, rng)
    analyze()
    report.emit("build_s", time.perf_counter() - started, "s", better=None)
    counts = {
        "rows_units": OrgUnit.objects.count(),
        "rows_provinces": OrgUnit.objects.filter(kind="province_committee").count(),
        "rows_communes": OrgUnit.objects.filter(kind="commune_committee").count(),
        "rows_agencies": OrgUnit.objects.filter(kind="agency").count(),
        "rows_divisions": OrgUnit.objects.filter(kind="division").count(),
        "rows_unit_versions": OrgUnitVersion.objects.count(),
        "rows_people": Person.objects.count(),
        "rows_employments": Employment.objects.count(),
        "rows_role_assignments": RoleAssignment.objects.count(),
    }
    for figure, value in counts.items():
        report.emit(figure, value, "rows", better=None)
    return subjects


def shape(root: Any) -> list[tuple[int, int, int | None, str]]:
    """A tree node and everything under it, in order, as comparable tuples."""
    return [(depth, node.unit_id, node.parent_id, node.name) for depth, node in root.walk()]


def check_tree(subjects: Subjects) -> None:
    """The computed paths form the tree treebeard would have built; the history reads back."""
    from egov.lib.dates import local_today
    from egov.organisations.models import OrgUnit, OrgUnitVersion
    from egov.organisations.queries import tree_as_of

    province = OrgUnit.objects.get(pk=subjects.province.pk)
    problems = OrgUnit.objects.find_problems(parent=province)
    if any(problems):
        raise SystemExit(f"treebeard reports problems in the built tree: {problems}")
    children = list(OrgUnit.objects.get_children(province))
    if len(children) != province.numchild or OrgUnit.objects.get_root_nodes().count() != len(
        PROVINCES
    ):
        raise SystemExit("the built tree does not read back through treebeard")
    units = OrgUnit.objects.count()
    for day in (BEFORE_RENAMES, local_today()):
        country = tree_as_of(day)
        nodes = sum(len(root.walk()) for root in country)
        if nodes != units:
            raise SystemExit(f"tree as of {day} has {nodes} units, expected {units}")
        # One province read alone (a walk down from it) is that province of the whole tree.
        (whole,) = [root for root in country if root.unit_id == province.pk]
        alone = tree_as_of(day, root_id=province.pk)
        if len(alone) != 1 or shape(alone[0]) != shape(whole):
            raise SystemExit(f"province {province.pk} as of {day} differs when read alone")
    renamed = OrgUnitVersion.objects.filter(valid_to=RENAME_DAY).count()
    log(f"checks passed: {units} units, {renamed} renamed on {RENAME_DAY}")
