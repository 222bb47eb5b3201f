"""Building blocks of the agency-records tests."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from egov.monitoring import actions
from egov.monitoring.choices import StaffKind
from egov.monitoring.models import ITPlan
from egov.organisations.choices import Role
from egov.organisations.testing import hire_with_role, person_of

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf(name: str = "ke-hoach.pdf", content: bytes = PDF_BYTES) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def provincial_inspector() -> Any:
    from egov.organisations.models import OrgUnit

    province = OrgUnit.objects.get(depth=1)
    return hire_with_role("inspector", "Mai Thanh Tra", province, Role.INSPECTOR, subtree=True)


def finance_leader(world: Any) -> Any:
    return hire_with_role("finleader", "Lý Tài Chính", world.finance, Role.LEADER, subtree=True)


def draft_plan(world: Any, year: int = 2026, budget: str = "500000000") -> ITPlan:
    return actions.save_plan(
        actor=world.leader,
        unit=world.home_affairs,
        year=year,
        goals=["Văn bản điện tử 100%", "Trang thông tin cập nhật đúng hạn"],
        planned_budget=Decimal(budget),
        budget_sources="Ngân sách tỉnh",
    )


def approved_plan(world: Any, year: int = 2026, budget: str = "500000000") -> ITPlan:
    plan = actions.submit_plan(actor=world.leader, plan=draft_plan(world, year, budget))
    return actions.decide_plan(actor=world.admin, plan=plan, approve=True)


def assign(world: Any, user: Any, start: dt.date = dt.date(2026, 1, 5)) -> Any:
    return actions.assign_it_staff(
        actor=world.leader,
        unit=world.home_affairs,
        person=person_of(user),
        kind=StaffKind.FULL_TIME,
        qualification="Kỹ sư CNTT",
        valid_from=start,
    )


def train(world: Any, results: dict[Any, bool], day: dt.date = dt.date(2026, 3, 15)) -> Any:
    return actions.record_training(
        actor=world.leader,
        unit=world.home_affairs,
        held_on=day,
        topic="Sử dụng hệ thống quản lý văn bản",
        organiser="Sở Khoa học và Công nghệ",
        attendees=[(person_of(u), ok) for u, ok in results.items()],
    )
