"""Demo data: the province of An Giang, its agencies of 2005 carried through the 2025
reorganisation, staff and one user for every role (listed in the README)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from egov.organisations import actions
from egov.organisations.choices import Role, UnitKind
from egov.organisations.models import OrgUnit, Position
from egov.organisations.testing import make_user

DEMO_MARKER = "000.00.00.H01"
DEMO_PASSWORD = "AnGiang@2025"  # noqa: S105 - published in the README for the demo only
START = dt.date(2005, 12, 12)

#: (username, full name, role, unit abbreviation, whole subtree)
DEMO_USERS: list[tuple[str, str, str, str, bool]] = [
    ("quantri", "Trần Văn Quản", Role.SYSTEM_ADMIN, "UBND", True),
    ("lanhdao.snv", "Nguyễn Thị Lan", Role.LEADER, "SNV", True),
    ("vanthu.snv", "Lê Văn Thư", Role.CLERK, "SNV", False),
    ("chuyenvien.snv", "Phạm Minh Chuyên", Role.SPECIALIST, "SNV", False),
    ("quantri.snv", "Võ Thị Quy", Role.UNIT_ADMIN, "SNV", True),
    ("chuyenvien.stc", "Đặng Văn Tài", Role.SPECIALIST, "STC", False),
]


def demo_loaded() -> bool:
    return bool(OrgUnit.objects.filter(organ_code=DEMO_MARKER).exists())


def load_demo(*, stdout: Any) -> None:
    province = actions.create_unit(
        actor=None,
        parent=None,
        name="Ủy ban nhân dân tỉnh An Giang",
        short_name="UBND tỉnh",
        kind=UnitKind.PROVINCE_COMMITTEE,
        valid_from=START,
        abbreviation="UBND",
        organ_code=DEMO_MARKER,
        skip_access_check=True,
    )
    units = {"UBND": province}
    for name, abbr in [
        ("Sở Nội vụ", "SNV"),
        ("Sở Tài chính", "STC"),
        ("Văn phòng Ủy ban nhân dân tỉnh", "VPUBND"),
    ]:
        units[abbr] = actions.create_unit(
            actor=None,
            parent=province,
            name=name,
            kind=UnitKind.AGENCY,
            valid_from=START,
            abbreviation=abbr,
            short_name=name,
            skip_access_check=True,
        )
    position = Position.objects.get_or_create(name="Chuyên viên")[0]
    for username, full_name, role, abbr, subtree in DEMO_USERS:
        user = make_user(username, full_name, email=f"{username}@angiang.gov.vn")
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
        actions.hire_person(
            actor=None,
            full_name=full_name,
            unit=units[abbr],
            effective_date=START,
            position=position,
            user=user,
            email=f"{username}@angiang.gov.vn",
            skip_access_check=True,
        )
        actions.grant_role(
            actor=None,
            user=user,
            role=role,
            unit=units[abbr],
            valid_from=START,
            covers_subtree=subtree,
            skip_access_check=True,
        )


def print_logins(stdout: Any) -> None:
    stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
    for username, full_name, role, abbr, _ in DEMO_USERS:
        stdout.write(f"  {username:<18} {Role(role).label} @ {abbr} ({full_name})")
