"""One login for every role, at Sở Nội vụ and at the commune of Định Mỹ, plus a specialist of
a sibling agency and a citizen. Each staff login is linked to a person of the demo staff."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

from egov.organisations import actions
from egov.organisations.choices import Role
from egov.organisations.demo import catalogue as cat
from egov.organisations.demo.builder import Demo
from egov.organisations.models import OrgUnit, Person

DEMO_PASSWORD = "AnGiang@2025"  # noqa: S105 - published in the README for the demo only
DEMO_COMMUNE = "Định Mỹ"


@dataclass(frozen=True)
class DemoUser:
    username: str
    role: str | None  # None: a citizen without a role
    unit: str  # "SNV", "STC", "UBND", "commune"; "" for the citizen
    subtree: bool
    post: str  # the post of the staff record the login is linked to
    unit_label: str


def _users() -> tuple[DemoUser, ...]:
    snv, commune = "Sở Nội vụ", f"UBND xã {DEMO_COMMUNE}"
    rows = [
        DemoUser(
            "quantri",
            Role.SYSTEM_ADMIN,
            "UBND",
            True,
            "Chuyên viên",
            "UBND tỉnh An Giang (toàn tỉnh)",
        ),
        DemoUser("chuyenvien.stc", Role.SPECIALIST, "STC", False, "Chuyên viên", "Sở Tài chính"),
    ]
    for suffix, unit, label in (("snv", "SNV", snv), ("dinhmy", "commune", commune)):
        leader_post = "Giám đốc" if unit == "SNV" else "Chủ tịch"
        rows += [
            DemoUser(f"quantri.{suffix}", Role.UNIT_ADMIN, unit, True, "Chuyên viên", label),
            DemoUser(f"lanhdao.{suffix}", Role.LEADER, unit, True, leader_post, label),
            DemoUser(f"vanthu.{suffix}", Role.CLERK, unit, False, "Văn thư", label),
            DemoUser(f"chuyenvien.{suffix}", Role.SPECIALIST, unit, False, "Chuyên viên", label),
            DemoUser(f"baocao.{suffix}", Role.REPORTER, unit, False, "Chuyên viên", label),
            DemoUser(f"bientap.{suffix}", Role.PORTAL_EDITOR, unit, False, "Chuyên viên", label),
            DemoUser(f"motcua.{suffix}", Role.ONESTOP_OFFICER, unit, False, "Chuyên viên", label),
            DemoUser(f"thanhtra.{suffix}", Role.INSPECTOR, unit, False, "Chuyên viên", label),
        ]
    rows.append(DemoUser("congdan", None, "", False, "", "— (người dân, không có hồ sơ cán bộ)"))
    return tuple(rows)


DEMO_USERS = _users()


def _unit_for(demo: Demo, user: DemoUser) -> OrgUnit:
    if user.unit == "commune":
        return cast(OrgUnit, OrgUnit.objects.get(pk=demo.communes[DEMO_COMMUNE].pk))
    return demo.unit(user.unit)


def _person_for(demo: Demo, user: DemoUser, unit: OrgUnit, taken: set[int]) -> Person:
    """A person of the unit's subtree holding ``user.post`` and without a login yet; a new
    hire when there is none (communes have three staff only)."""
    candidates = (
        Person.objects.active()
        .in_subtree(unit)
        .filter(user__isnull=True, position__name=user.post)
        .exclude(pk__in=taken)
        .order_by("id")
    )
    person = candidates.first()
    if person is None:
        slug = "dinhmy" if user.unit == "commune" else user.unit.lower()
        person = demo.staffing.hire(unit, user.post, cat.REFORM_2025, slug)
    return person


def create_users(demo: Demo) -> None:
    encoded = make_password(DEMO_PASSWORD)  # hashed once: the demo accounts share it
    user_model = get_user_model()
    taken: set[int] = set()
    for row in DEMO_USERS:
        if row.role is None:
            user_model.objects.create(
                username=row.username,
                full_name="Nguyễn Văn Dân",
                email="congdan@example.com",
                password=encoded,
            )
            continue
        unit = _unit_for(demo, row)
        person = _person_for(demo, row, unit, taken)
        taken.add(person.pk)
        user: Any = user_model.objects.create(
            username=row.username, full_name=person.full_name, email=person.email, password=encoded
        )
        actions.link_user(actor=None, person=person, user=user, skip_access_check=True)
        actions.grant_role(
            actor=None,
            user=user,
            role=row.role,
            unit=unit,
            valid_from=max(unit.valid_from, cat.START),
            covers_subtree=row.subtree,
            skip_access_check=True,
        )
