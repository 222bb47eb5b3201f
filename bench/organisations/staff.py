"""The staff of the benchmark (people with one open employment each, Vietnamese names drawn
with a fixed seed) and the two measured users with their role assignments."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from dataclasses import dataclass
from typing import Any

from bench.organisations.reference import (
    EMAIL_SEARCHES,
    FAMILY_NAMES,
    FEMALE_GIVEN,
    FEMALE_MIDDLE,
    FEMALE_SECOND_MIDDLE,
    MALE_GIVEN,
    MALE_MIDDLE,
    MEASURED_PROVINCE,
    POSITIONS,
    PROVINCES,
    STEPLEN,
)
from bench.organisations.tree import path_step


def weighted(pairs: list[tuple[str, float]], rng: random.Random, k: int) -> list[str]:
    return rng.choices([name for name, _ in pairs], [weight for _, weight in pairs], k=k)


def make_names(count: int, rng: random.Random) -> list[tuple[str, str]]:
    """``count`` (full name, gender) pairs, roughly as common as in the population."""
    from egov.organisations.choices import Gender

    families = weighted(FAMILY_NAMES, rng, count)
    male_middles = weighted(MALE_MIDDLE, rng, count)
    female_middles = weighted(FEMALE_MIDDLE, rng, count)
    names = []
    for i in range(count):
        if rng.random() < 0.5:
            parts = [families[i], male_middles[i], rng.choice(MALE_GIVEN)]
            gender = Gender.MALE
        else:
            middle = female_middles[i]
            if middle == "Thị" and rng.random() < 0.3:
                middle = f"Thị {rng.choice(FEMALE_SECOND_MIDDLE)}"
            parts = [families[i], middle, rng.choice(FEMALE_GIVEN)]
            gender = Gender.FEMALE
        names.append((" ".join(parts), str(gender)))
    return names


def position_for(kind: str, order: int, positions: dict[str, Any]) -> Any:
    """The post of the ``order``-th person placed in a unit of ``kind``."""
    from egov.organisations.choices import UnitKind

    head, deputy, staff = {
        UnitKind.PROVINCE_COMMITTEE: ("Chủ tịch", "Phó Chủ tịch", "Chuyên viên chính"),
        UnitKind.COMMUNE_COMMITTEE: ("Chủ tịch", "Phó Chủ tịch", "Công chức"),
        UnitKind.AGENCY: ("Giám đốc", "Phó Giám đốc", "Chuyên viên"),
        UnitKind.DIVISION: ("Trưởng phòng", "Phó Trưởng phòng", "Chuyên viên"),
    }[UnitKind(kind)]
    name = head if order == 0 else deputy if order < 3 else "Văn thư" if order == 3 else staff
    return positions[name]


#: Relative staff size of a unit, by kind: communes carry most civil servants.
STAFF_WEIGHT = {
    "province_committee": 10.0,
    "agency": 12.0,
    "division": 8.0,
    "commune_committee": 20.0,
}


def insert_staff(units: list[Any], count: int, rng: random.Random) -> list[Any]:
    """``count`` people with one open employment each, spread over ``units`` by kind."""
    from egov.lib.text import fold
    from egov.organisations.choices import StaffStatus
    from egov.organisations.models import Employment, Person, Position

    positions = {
        post.name: post
        for post in Position.objects.bulk_create(
            Position(name=name, is_leader=leader, rank=rank) for name, leader, rank in POSITIONS
        )
    }
    domains = {
        path_step(index): f"{fold(name).replace(' ', '')}.gov.vn"
        for index, (name, _, _) in enumerate(PROVINCES, start=1)
    }
    placed = rng.choices(units, [STAFF_WEIGHT[u.kind] for u in units], k=count)
    names = make_names(count, rng)
    order_in_unit: Counter[int] = Counter()
    mailboxes: Counter[str] = Counter()
    people = []
    hired = []
    for i, (unit, (full_name, gender)) in enumerate(zip(placed, names, strict=True)):
        position = position_for(unit.kind, order_in_unit[unit.pk], positions)
        order_in_unit[unit.pk] += 1
        folded = fold(full_name)
        parts = folded.split(" ")
        mailbox = parts[-1] + "".join(part[0] for part in parts[:-1])
        mailboxes[mailbox] += 1
        if mailboxes[mailbox] > 1:
            mailbox += str(mailboxes[mailbox])
        roll = rng.random()
        people.append(
            Person(
                full_name=full_name,
                full_name_folded=folded,
                staff_code=f"CB{i + 1:07d}",
                gender=gender,
                birth_date=dt.date(1962, 1, 1) + dt.timedelta(days=rng.randrange(40 * 365)),
                email=f"{mailbox}@{domains[unit.path[:STEPLEN]]}",
                phone=f"09{rng.randrange(10**8):08d}",
                status=StaffStatus.ACTIVE if roll < 0.97 else StaffStatus.ON_LEAVE,
                unit_id=unit.pk,
                position_id=position.pk,
                title=position.name,
            )
        )
        hired.append(dt.date(2000, 1, 1) + dt.timedelta(days=rng.randrange(25 * 365)))
    Person.objects.bulk_create(people, batch_size=5000)
    Employment.objects.bulk_create(
        (
            Employment(
                person_id=person.pk,
                unit_id=unit.pk,
                position_id=person.position_id,
                title=person.title,
                valid_from=start,
            )
            for person, unit, start in zip(people, placed, hired, strict=True)
        ),
        batch_size=5000,
    )
    return people


@dataclass
class Subjects:
    """What the figures are measured on."""

    province: Any
    commune: Any
    leader: Any
    commune_clerk: Any
    emails: list[str]


def insert_users(by_path: dict[str, Any], people: list[Any], rng: random.Random) -> Subjects:
    from django.contrib.auth import get_user_model

    from egov.organisations.choices import Role
    from egov.organisations.models import RoleAssignment

    index = [name for name, _, _ in PROVINCES].index(MEASURED_PROVINCE) + 1
    province = by_path[path_step(index)]
    commune = next(
        unit
        for path, unit in sorted(by_path.items())
        if path.startswith(province.path) and unit.kind == "commune_committee"
    )
    user_model = get_user_model()

    def user(username: str, full_name: str, role: str, unit: Any, subtree: bool) -> Any:
        account = user_model(username=username, full_name=full_name)
        account.set_unusable_password()
        account.save()
        RoleAssignment.objects.create(
            user=account,
            role=role,
            unit=unit,
            covers_subtree=subtree,
            valid_from=dt.date(2025, 7, 1),
        )
        return account

    return Subjects(
        province=province,
        commune=commune,
        leader=user("lanhdao.tinh", "Nguyễn Văn Lãnh", Role.LEADER, province, True),
        commune_clerk=user("vanthu.xa", "Huỳnh Thị Thư", Role.CLERK, commune, False),
        emails=[person.email.upper() for person in rng.sample(people, EMAIL_SEARCHES)],
    )
