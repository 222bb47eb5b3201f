"""A small inspection world on top of the persona world: a provincial inspector, a team
member from the provincial office, an approved plan with Sở Nội vụ (led by ``leader``)
and the commune on it; Sở Tài chính (the ``outsider``'s agency, plus its own leader) is
not in it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from egov.inspections.actions import checklist, findings, inspections, plans
from egov.inspections.choices import Result
from egov.inspections.models import Finding, Inspection, Plan
from egov.organisations.choices import Role
from egov.organisations.testing import hire_with_role

DAY = dt.date(2026, 3, 2)  # a Monday
PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@dataclass
class Team:
    inspector: Any  # provincial inspector (role over the province subtree)
    member: Any  # team member, no inspector role
    finance_leader: Any  # leader of a sibling agency
    plan: Plan
    snv: Inspection  # Sở Nội vụ, planned
    commune: Inspection


def build_team(world: Any) -> Team:
    inspector = hire_with_role(
        "inspector", "Lý Thanh Tra", world.province, Role.INSPECTOR, subtree=True
    )
    member = hire_with_role("member", "Mai Tổ Viên", world.office, Role.SPECIALIST)
    finance_leader = hire_with_role(
        "financeleader", "Tạ Lãnh Đạo", world.finance, Role.LEADER, subtree=True
    )
    plan = plans.create_plan(
        actor=inspector,
        year=2026,
        number="01/KH-TKT",
        title="Kiểm tra vận hành hệ thống năm 2026",
        purpose="Kiểm tra theo Chỉ thị 26/2005/CT-UBND",
        period_from=dt.date(2026, 1, 1),
        period_to=dt.date(2026, 2, 28),
        leader=inspector,
    )
    plans.add_member(actor=inspector, plan=plan, user=member)
    snv = plans.add_agency(actor=inspector, plan=plan, agency=world.home_affairs, scheduled_on=DAY)
    commune = plans.add_agency(
        actor=inspector, plan=plan, agency=world.commune, scheduled_on=DAY + dt.timedelta(days=7)
    )
    plan = plans.approve_plan(actor=inspector, plan=plan)
    snv.plan = commune.plan = plan
    return Team(inspector, member, finance_leader, plan, snv, commune)


def started(team: Team) -> Inspection:
    return inspections.start_inspection(actor=team.member, inspection=team.snv, on=DAY)


def decide_all(team: Team, inspection: Inspection, actor: Any = None) -> None:
    """Every item not decided yet gets the system's result, or "đạt"."""
    for item in inspection.items.filter(checked_at__isnull=True):
        result = item.result if item.result != Result.PENDING else Result.PASS
        checklist.record_item(actor=actor or team.member, item=item, result=result)


def concluded_with_finding(team: Team) -> tuple[Inspection, Finding]:
    inspection = started(team)
    finding = findings.record_finding(
        actor=team.member,
        inspection=inspection,
        description="Chưa giao việc qua thư điện tử công vụ",
        remedy="Ban hành quy định giao việc qua thư điện tử",
    )
    decide_all(team, inspection)
    inspection = inspections.conclude_inspection(
        actor=team.member, inspection=inspection, conclusion="Cơ bản đạt yêu cầu.", on=DAY
    )
    return inspection, finding


def pdf_upload(name: str = "minh-chung.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")
