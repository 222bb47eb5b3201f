"""Personas on a small fixed organisation tree, shared by the tests of every app.

    UBND tỉnh An Giang (H01)                       admin: system administrator over all
    ├── Văn phòng UBND tỉnh (VPUBND)
    ├── Sở Nội vụ (SNV)                            unit_admin, leader (subtree), clerk
    │   └── Phòng Công chức, viên chức             specialist
    ├── Sở Tài chính (STC)                         outsider: a specialist of a sibling agency
    └── UBND xã Định Mỹ (H01.151)                  commune_clerk

plus ``citizen`` (an account with no staff record) and anonymous visitors (no user).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, cast

from django.contrib.auth import get_user_model

from egov.organisations import actions
from egov.organisations.choices import Role, UnitKind
from egov.organisations.models import OrgUnit, Person, Position

PERSONA_PASSWORD = "Egov-Test-2025!"  # noqa: S105 - test personas only
START = dt.date(2020, 1, 1)


@dataclass
class World:
    province: OrgUnit
    office: OrgUnit
    home_affairs: OrgUnit
    civil_service_division: OrgUnit
    finance: OrgUnit
    commune: OrgUnit
    admin: Any
    unit_admin: Any
    leader: Any
    clerk: Any
    specialist: Any
    outsider: Any
    commune_clerk: Any
    citizen: Any


def make_user(username: str, full_name: str = "", **extra: Any) -> Any:
    user_model = get_user_model()
    user = user_model(username=username, full_name=full_name or username, **extra)
    user.set_password(PERSONA_PASSWORD)
    user.save()
    return user


def hire_with_role(
    username: str,
    full_name: str,
    at: OrgUnit,
    role: str,
    *,
    subtree: bool = False,
    post: Position | None = None,
) -> Any:
    """A user on the staff of ``at`` since START, holding ``role`` there (and below it with
    ``subtree``), e-mail ``<username>@angiang.gov.vn``: a persona in one call."""
    user = make_user(username, full_name, email=f"{username}@angiang.gov.vn")
    actions.hire_person(
        actor=None,
        full_name=full_name,
        unit=at,
        effective_date=START,
        position=post,
        email=f"{username}@angiang.gov.vn",
        user=user,
        skip_access_check=True,
    )
    actions.grant_role(
        actor=None,
        user=user,
        role=role,
        unit=at,
        valid_from=START,
        covers_subtree=subtree,
        skip_access_check=True,
    )
    return user


def build_world() -> World:
    def unit(parent: OrgUnit | None, name: str, kind: str, abbr: str, code: str = "") -> OrgUnit:
        return actions.create_unit(
            actor=None,
            parent=parent,
            name=name,
            kind=kind,
            valid_from=START,
            abbreviation=abbr,
            organ_code=code,
            short_name=name,
            skip_access_check=True,
        )

    province = unit(
        None, "Ủy ban nhân dân tỉnh An Giang", UnitKind.PROVINCE_COMMITTEE, "UBND", "000.00.00.H01"
    )
    office = unit(
        province, "Văn phòng Ủy ban nhân dân tỉnh", UnitKind.AGENCY, "VPUBND", "000.00.01.H01"
    )
    home_affairs = unit(province, "Sở Nội vụ", UnitKind.AGENCY, "SNV", "000.00.02.H01")
    division = unit(home_affairs, "Phòng Công chức, viên chức", UnitKind.DIVISION, "CCVC")
    finance = unit(province, "Sở Tài chính", UnitKind.AGENCY, "STC", "000.00.03.H01")
    commune = unit(
        province, "Ủy ban nhân dân xã Định Mỹ", UnitKind.COMMUNE_COMMITTEE, "UBND", "H01.151"
    )
    leader_post = Position.objects.get_or_create(
        name="Giám đốc", defaults={"is_leader": True, "rank": 10}
    )[0]
    specialist_post = Position.objects.get_or_create(name="Chuyên viên", defaults={"rank": 80})[0]

    staff = hire_with_role

    return World(
        province=province,
        office=office,
        home_affairs=home_affairs,
        civil_service_division=division,
        finance=finance,
        commune=commune,
        admin=staff("admin", "Trần Quản Trị", province, Role.SYSTEM_ADMIN, subtree=True),
        unit_admin=staff("unitadmin", "Lê Quản Lý", home_affairs, Role.UNIT_ADMIN, subtree=True),
        leader=staff(
            "leader", "Nguyễn Văn Lãnh", home_affairs, Role.LEADER, subtree=True, post=leader_post
        ),
        clerk=staff("clerk", "Phạm Thị Thư", home_affairs, Role.CLERK),
        specialist=staff(
            "specialist", "Võ Minh Chuyên", division, Role.SPECIALIST, post=specialist_post
        ),
        outsider=staff(
            "outsider", "Đặng Văn Ngoài", finance, Role.SPECIALIST, post=specialist_post
        ),
        commune_clerk=staff("communeclerk", "Huỳnh Thị Xã", commune, Role.CLERK),
        citizen=make_user("citizen", "Công Dân Một", email="citizen@example.com"),
    )


def refresh(unit: OrgUnit) -> OrgUnit:
    return cast(OrgUnit, OrgUnit.objects.get(pk=unit.pk))


def person_of(user: Any) -> Person:
    return Person.objects.get(user=user)
