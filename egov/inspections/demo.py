"""Inspections demo: one approved plan of this year led by the administrator (``quantri``)
with the commune's inspector (``thanhtra.dinhmy``) on the team; Sở Nội vụ inspected three
months ago, concluded and in follow-up with findings in every state (one overdue, one
fixed and waiting for the inspector, one reopened, one closed); Sở Tài chính being
inspected now, its checklist half filled. Everything goes through the actions; the agency
leader ``lanhdao.snv`` answers Sở Nội vụ's findings."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth import get_user_model

from egov.inspections.actions import checklist, findings, inspections, plans
from egov.inspections.choices import Result, Severity
from egov.inspections.models import Plan
from egov.lib.dates import local_today
from egov.organisations.choices import UnitKind
from egov.organisations.models import OrgUnit

DEMO_NUMBER = "15/KH-TKT"


def loaded() -> bool:
    return Plan.objects.filter(number=DEMO_NUMBER).exists()


def _agency(abbreviation: str) -> OrgUnit | None:
    unit: OrgUnit | None = (
        OrgUnit.objects.filter(valid_to__isnull=True, abbreviation=abbreviation)
        .exclude(kind=UnitKind.DIVISION)
        .order_by("path")
        .first()
    )
    return unit


def load(stdout: Any) -> None:
    users = get_user_model().objects
    admin = users.filter(username="quantri").first()
    member = users.filter(username="thanhtra.dinhmy").first()
    snv_leader = users.filter(username="lanhdao.snv").first()
    snv, stc = _agency("SNV"), _agency("STC")
    if admin is None or snv is None:
        stdout.write("inspections: no administrator or Sở Nội vụ in the demo; skipped\n")
        return
    today = local_today()
    first_day = max(dt.date(today.year, 1, 1), today - dt.timedelta(days=92))
    plan = plans.create_plan(
        actor=admin,
        year=today.year,
        number=DEMO_NUMBER,
        title=f"Kế hoạch kiểm tra việc vận hành hệ thống thông tin điện tử năm {today.year}",
        purpose=(
            "Kiểm tra việc vận hành phần mềm quản lý văn bản, thư điện tử, một cửa điện tử và"
            " cập nhật Trang thông tin điện tử của các cơ quan (Chỉ thị 26/2005/CT-UBND,"
            " Công văn 459/UBND-TTTH)."
        ),
        period_from=dt.date(today.year, 1, 1),
        period_to=max(dt.date(today.year, 1, 1), first_day - dt.timedelta(days=1)),
        leader=admin,
        skip_access_check=True,
    )
    if member is not None:
        plans.add_member(actor=admin, plan=plan, user=member, skip_access_check=True)
    done = plans.add_agency(
        actor=admin, plan=plan, agency=snv, scheduled_on=first_day, skip_access_check=True
    )
    current = None
    if stc is not None:
        current = plans.add_agency(
            actor=admin, plan=plan, agency=stc, scheduled_on=today, skip_access_check=True
        )
    plans.approve_plan(
        actor=admin,
        plan=plan,
        note="Quyết định phê duyệt của Chủ tịch UBND tỉnh",
        skip_access_check=True,
    )

    done = inspections.start_inspection(
        actor=admin, inspection=done, on=first_day, skip_access_check=True
    )
    items = list(done.items.order_by("order"))
    for item in items:
        result = item.result if item.result != Result.PENDING else Result.PASS
        note = ""
        if item.code == "mail-in-use":
            result, note = Result.FAIL, "Lãnh đạo phòng chưa giao việc qua thư điện tử công vụ."
        checklist.record_item(
            actor=admin, item=item, result=result, note=note, skip_access_check=True
        )
    failed = [i for i in items if i.result == Result.FAIL] + [None, None, None, None]

    def finding(text: str, remedy: str, item: Any, **extra: Any) -> Any:
        return findings.record_finding(
            actor=admin,
            inspection=done,
            description=text,
            remedy=remedy,
            item=item,
            skip_access_check=True,
            **extra,
        )

    finding(
        "Lãnh đạo các phòng chưa giao việc, trao đổi công tác bằng thư điện tử công vụ.",
        "Ban hành quy định nội bộ giao việc qua thư điện tử công vụ; báo cáo kèm minh chứng.",
        next((i for i in items if i.code == "mail-in-use"), None),
        severity=Severity.HIGH,
        # The default 60 days when they are over already; early in January, yesterday.
        deadline=min(findings.default_deadline(done), max(first_day, today - dt.timedelta(days=1))),
    )
    reported = finding(
        "Mục Lịch công tác tuần của lãnh đạo trên Trang thông tin điện tử cập nhật không đều.",
        "Phân công cán bộ cập nhật lịch công tác hằng tuần.",
        failed[0],
        deadline=today + dt.timedelta(days=20),
    )
    reopened = finding(
        "Danh bạ thư điện tử của các phòng chưa đầy đủ trên trang Bộ máy tổ chức.",
        "Bổ sung địa chỉ thư điện tử của cá nhân, đơn vị theo Công văn 459.",
        failed[1],
        severity=Severity.LOW,
        deadline=today + dt.timedelta(days=30),
    )
    closed = finding(
        "Một số văn bản đến còn được chuyển bản giấy song song với bản điện tử.",
        "Chấm dứt chuyển bản giấy song song đối với văn bản đã nhận qua hệ thống.",
        None,
    )
    inspections.conclude_inspection(
        actor=admin,
        inspection=done,
        conclusion=(
            "Sở Nội vụ vận hành cơ bản đầy đủ hệ thống thông tin điện tử; còn một số tồn tại"
            " về sử dụng thư điện tử và cập nhật Trang thông tin điện tử cần khắc phục trong"
            " 60 ngày."
        ),
        on=first_day + dt.timedelta(days=1),
        skip_access_check=True,
    )
    inspections.begin_follow_up(actor=admin, inspection=done, skip_access_check=True)
    answerer = snv_leader or admin
    for f, note in (
        (reported, "Đã phân công cán bộ văn phòng cập nhật lịch công tác vào thứ Hai hằng tuần."),
        (reopened, "Đã bổ sung danh bạ."),
        (closed, "Văn thư đã dừng chuyển bản giấy từ ngày 01 của tháng sau kiểm tra."),
    ):
        findings.report_fix(actor=answerer, finding=f, note=note, skip_access_check=True)
    findings.reopen_finding(
        actor=admin,
        finding=reopened,
        reason="Danh bạ còn thiếu địa chỉ thư của 2 phòng chuyên môn.",
        skip_access_check=True,
    )
    findings.accept_fix(
        actor=admin, finding=closed, note="Đã kiểm tra sổ văn bản đến.", skip_access_check=True
    )

    if current is not None:
        current = inspections.start_inspection(
            actor=admin, inspection=current, on=today, skip_access_check=True
        )
        for item in current.items.filter(source="indicator"):
            if item.result != Result.PENDING:
                checklist.record_item(
                    actor=admin, item=item, result=item.result, skip_access_check=True
                )
    stdout.write("inspections: one plan, two inspections, four findings\n")
