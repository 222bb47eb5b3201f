"""The generated organisation: provinces, agencies, divisions, users, registers."""

from __future__ import annotations

import datetime as dt
import itertools
import random
from dataclasses import dataclass, field
from typing import Any

from egov.documents.seeding.reference import (
    BUSY_SHARE,
    DEPARTMENTS,
    MEASURED_PROVINCE,
    OTHER_AGENCIES,
    PROVINCES,
    path_step,
    person_name,
)
from egov.lib.text import fold

# --- The organisation ----------------------------------------------------------------------


@dataclass
class Agency:
    pk: int
    path: str
    name: str
    abbreviation: str
    province: str
    province_pk: int
    is_city: bool
    is_office: bool
    organ_code: str
    divisions: list[tuple[int, str, str]]  # (pk, abbreviation, name)
    weight: float = 1.0
    clerk: int = 0
    leader: int = 0
    deputy: int = 0
    specialist: int = 0
    registers: dict[str, int] = field(default_factory=dict)
    names: dict[int, str] = field(default_factory=dict)  # account id: full name

    @property
    def issuer_name(self) -> str:
        """The name an agency signs with: the province added to a department's name."""
        if self.province in self.name:
            return self.name
        level = _level(self.is_city)
        return (
            f"{self.name} {self.province}"
            if self.name.endswith(level)
            else (f"{self.name} {level} {self.province}")
        )


@dataclass
class Organisation:
    agencies: list[Agency]
    by_province: dict[str, list[Agency]]
    busy: Agency
    province_leader: int
    built: bool


def _level(is_city: bool) -> str:
    return "thành phố" if is_city else "tỉnh"


def build_tree(agency_count: int, rng: random.Random) -> None:
    """Provinces, agencies and divisions with treebeard's paths computed here, one version
    each (valid since 2015)."""
    from egov.organisations.choices import UnitKind
    from egov.organisations.models import OrgUnit, OrgUnitVersion

    start = dt.date(2015, 1, 1)
    per_province = [agency_count // len(PROVINCES)] * len(PROVINCES)
    for i in range(agency_count - sum(per_province)):
        per_province[i] += 1
    units: list[OrgUnit] = []
    parents: list[int | None] = []

    def add(unit: OrgUnit, parent: int | None) -> int:
        unit.name_folded = fold(f"{unit.name} {unit.short_name} {unit.abbreviation}")
        unit.valid_from = start
        units.append(unit)
        parents.append(parent)
        return len(units) - 1

    for index, (province, is_city) in enumerate(PROVINCES, start=1):
        level = _level(is_city)
        root_path = path_step(index)
        count = per_province[index - 1]
        root = add(
            OrgUnit(
                path=root_path,
                depth=1,
                numchild=count,
                name=f"Ủy ban nhân dân {level} {province}",
                short_name=f"UBND {level} {province}",
                abbreviation="UBND",
                organ_code=f"000.00.00.H{index:02d}",
                kind=UnitKind.PROVINCE_COMMITTEE,
            ),
            None,
        )
        others = itertools.chain(
            OTHER_AGENCIES,
            ((f"TTYTKV{n}", f"Trung tâm Y tế khu vực {n}") for n in itertools.count(1)),
        )
        for number in range(1, count + 1):
            path = root_path + path_step(number)
            if number <= len(DEPARTMENTS):
                abbreviation, name, divisions = DEPARTMENTS[number - 1]
                name = f"{name} {level} {province}" if abbreviation == "VPUBND" else name
            else:
                abbreviation, name = next(others)
                divisions = []
            agency = add(
                OrgUnit(
                    path=path,
                    depth=2,
                    numchild=len(divisions),
                    name=name,
                    short_name=name,
                    abbreviation=abbreviation,
                    organ_code=f"000.{number // 100:02d}.{number % 100:02d}.H{index:02d}",
                    kind=UnitKind.AGENCY,
                ),
                root,
            )
            for step, (division_abbr, division_name) in enumerate(divisions, start=1):
                add(
                    OrgUnit(
                        path=path + path_step(step),
                        depth=3,
                        numchild=0,
                        name=division_name,
                        short_name=division_name,
                        abbreviation=division_abbr,
                        kind=UnitKind.DIVISION,
                    ),
                    agency,
                )
    OrgUnit.objects.bulk_create(units, batch_size=2000)
    OrgUnitVersion.objects.bulk_create(
        (
            OrgUnitVersion(
                unit=unit,
                parent=units[parent] if parent is not None else None,
                name=unit.name,
                short_name=unit.short_name,
                abbreviation=unit.abbreviation,
                organ_code=unit.organ_code,
                kind=unit.kind,
                valid_from=start,
            )
            for unit, parent in zip(units, parents, strict=True)
        ),
        batch_size=2000,
    )


def read_organisation(agency_count: int) -> tuple[list[Agency], Agency]:
    """The current agencies (at most ``agency_count``, in tree order) with their divisions;
    the busiest is the Office of the measured province (else the first agency)."""
    from egov.organisations.choices import UnitKind
    from egov.organisations.models import OrgUnit

    rows = list(
        OrgUnit.objects.current()
        .filter(kind__in=[UnitKind.AGENCY, UnitKind.DIVISION, UnitKind.PROVINCE_COMMITTEE])
        .order_by("path")
        .values("pk", "path", "name", "abbreviation", "organ_code", "kind", "depth", "short_name")
    )
    roots = {row["path"][:4]: row for row in rows if row["depth"] == 1}
    agencies: list[Agency] = []
    by_path: dict[str, Agency] = {}
    for row in rows:
        if row["kind"] == UnitKind.AGENCY and len(agencies) < agency_count:
            root = roots.get(row["path"][:4])
            root_name = root["name"] if root else row["name"]
            is_city = "thành phố" in root_name
            province = root_name.split(" tỉnh ", 1)[-1].split(" thành phố ", 1)[-1]
            abbreviation = row["abbreviation"] or "".join(
                word[0] for word in row["name"].split() if word[0].isupper()
            )
            agency = Agency(
                pk=row["pk"],
                path=row["path"],
                name=row["name"],
                abbreviation=abbreviation.replace(" ", "").upper()[:20] or "CQ",
                province=province,
                province_pk=root["pk"] if root else row["pk"],
                is_city=is_city,
                is_office=row["name"].startswith("Văn phòng Ủy ban nhân dân"),
                organ_code=row["organ_code"],
                divisions=[],
            )
            agencies.append(agency)
            by_path[row["path"]] = agency
        elif row["kind"] == UnitKind.DIVISION and row["abbreviation"]:
            parent = by_path.get(row["path"][:-4])
            if parent is not None:
                parent.divisions.append((row["pk"], row["abbreviation"], row["name"]))
    if not agencies:
        raise SystemExit("no agency to give documents to: create the organisation first")
    busy = next(
        (a for a in agencies if a.is_office and a.province == MEASURED_PROVINCE), agencies[0]
    )
    for agency in agencies:
        agency.weight = 6.0 if agency.is_office else 2.5 if agency.divisions else 1.0
    rest = sum(a.weight for a in agencies if a is not busy)
    busy.weight = rest * BUSY_SHARE / (1 - BUSY_SHARE)
    return agencies, busy


def create_users(agencies: list[Agency], busy: Agency, rng: random.Random) -> int:
    """A clerk, a leader, a deputy and a specialist per agency (roles from 2024, clearances
    for secret documents), and the measured province's leader. Returns that leader's id."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    from egov.documents.models import Clearance
    from egov.organisations.choices import Role
    from egov.organisations.models import RoleAssignment

    user_model = get_user_model()
    unusable = make_password(None)  # accounts to measure with, not to log in with
    since = dt.date(2024, 1, 1)
    posts = [("clerk", "vt"), ("leader", "ld"), ("deputy", "pld"), ("specialist", "cv")]
    named = {
        ("clerk", busy.pk): "vanthu.vp",
        ("leader", busy.pk): "lanhdao.vp",
        ("deputy", busy.pk): "pholanhdao.vp",
        ("specialist", busy.pk): "chuyenvien.vp",
    }
    wanted: dict[str, tuple[Agency | None, str]] = {}
    for agency in agencies:
        for post, short in posts:
            username = named.get((post, agency.pk), f"seed.{short}.{agency.pk}")
            wanted[username] = (agency, post)
    wanted["lanhdao.tinh"] = (None, "province")
    existing = set(
        user_model.objects.filter(username__in=wanted).values_list("username", flat=True)
    )
    user_model.objects.bulk_create(
        [
            user_model(username=username, full_name=person_name(rng), password=unusable)
            for username in wanted
            if username not in existing
        ],
        batch_size=2000,
    )
    accounts = {
        username: (pk, full_name)
        for username, pk, full_name in user_model.objects.filter(username__in=wanted).values_list(
            "username", "pk", "full_name"
        )
    }
    ids = {username: pk for username, (pk, _) in accounts.items()}
    roles: list[RoleAssignment] = []
    clearances: list[Clearance] = []
    province_pk = busy.province_pk
    for username, (holder, post) in wanted.items():
        pk = ids[username]
        if holder is None:
            if username not in existing:
                roles.append(
                    RoleAssignment(
                        user_id=pk,
                        role=Role.LEADER,
                        unit_id=province_pk,
                        covers_subtree=True,
                        valid_from=since,
                    )
                )
            continue
        setattr(holder, post, pk)
        holder.names[pk] = accounts[username][1]
        if username in existing or post == "specialist":
            continue
        role = Role.CLERK if post == "clerk" else Role.LEADER
        roles.append(
            RoleAssignment(
                user_id=pk,
                role=role,
                unit_id=holder.pk,
                covers_subtree=role == Role.LEADER,
                valid_from=since,
            )
        )
        clearances.append(
            Clearance(user_id=pk, unit_id=holder.pk, level=3 if holder is busy else 2)
        )
    RoleAssignment.objects.bulk_create(roles, batch_size=5000)
    Clearance.objects.bulk_create(clearances, batch_size=5000, ignore_conflicts=True)
    return ids["lanhdao.tinh"]


def open_registers(agencies: list[Agency], types: dict[str, Any]) -> None:
    """The registers each agency numbers into, reused when open already."""
    from egov.documents.choices import Direction, RegisterKind
    from egov.documents.models import Register

    wanted = [
        ("in", Direction.INCOMING, RegisterKind.GENERAL, None, "Sổ đăng ký văn bản đến"),
        ("in_secret", Direction.INCOMING, RegisterKind.SECRET, None, "Sổ văn bản đến mật"),
        ("out", Direction.OUTGOING, RegisterKind.GENERAL, None, "Sổ đăng ký văn bản đi"),
        ("out_secret", Direction.OUTGOING, RegisterKind.SECRET, None, "Sổ văn bản đi mật"),
        (
            "out_legal",
            Direction.OUTGOING,
            RegisterKind.LEGAL,
            types["quyet-dinh"].pk,
            "Sổ Quyết định quy phạm pháp luật",
        ),
    ]
    found = {
        (r.unit_id, r.direction, r.kind, r.document_type_id): r.pk
        for r in Register.objects.filter(unit_id__in=[a.pk for a in agencies], active=True)
    }
    missing = [
        Register(
            unit_id=agency.pk,
            direction=direction,
            kind=kind,
            document_type_id=type_id,
            name=f"{name} — {agency.name}"[:200],
        )
        for agency in agencies
        for _key, direction, kind, type_id, name in wanted
        if (agency.pk, direction, kind, type_id) not in found
    ]
    for register in Register.objects.bulk_create(missing, batch_size=5000):
        found[(register.unit_id, register.direction, register.kind, register.document_type_id)] = (
            register.pk
        )
    for agency in agencies:
        for key, direction, kind, type_id, _name in wanted:
            agency.registers[key] = found[(agency.pk, direction, kind, type_id)]
