"""Oversight demo data: the agency records the directive asks for (an IT plan per agency for
this year and last, in every state; IT staff, full-time and part-time, one of them
replaced; a training session with its results), and one documented default ranking method
per kind, each run once over this year. Everything goes through the actions."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile

from egov.lib.dates import local_today
from egov.lib.errors import ActionError
from egov.monitoring import actions
from egov.monitoring.choices import RankingKind, StaffKind
from egov.monitoring.indicators import Period
from egov.monitoring.models import ITPlan, RankingMethod
from egov.monitoring.ranking import CriterionSpec
from egov.organisations.choices import UnitKind
from egov.organisations.models import OrgUnit, Person

IT_USE_METHOD = "Xếp hạng ứng dụng CNTT của cơ quan (mặc định)"
WEBSITE_METHOD = "Xếp hạng trang thông tin điện tử (mặc định)"

#: (name, indicator, weight, floor, target) of the default IT-use method.
IT_USE_CRITERIA = [
    ("Văn bản điện tử", "edoc_electronic_share", "40", "0", "50"),
    ("Tiếp nhận văn bản liên thông trong ngày", "exchange_same_day_rate", "10", "50", "100"),
    ("Phản ánh trả lời đúng hạn", "feedback_on_time_rate", "20", "50", "100"),
    ("Kế hoạch ứng dụng CNTT được duyệt", "records_plan_approved", "10", "0", "100"),
    ("Cán bộ CNTT", "records_has_it_staff", "10", "0", "100"),
    ("Công chức sử dụng được hệ thống", "records_trained_share", "10", "0", "100"),
]
WEBSITE_CRITERIA = [
    ("Trang đạt yêu cầu cập nhật", "portal_site_compliance", "100", "0", "100"),
]

PLAN_GOALS = [
    "100% văn bản đi (trừ văn bản mật) phát hành điện tử có chữ ký số",
    "Cập nhật đủ các mục của trang thông tin điện tử đúng hạn",
    "Tập huấn sử dụng hệ thống cho toàn bộ công chức mới",
]


def _pdf(title: str) -> bytes:
    """A one-page PDF with a title, as a scanned evidence file stands in the demo."""
    stream = f"BT /F1 18 Tf 72 720 Td ({title}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += (
        f"trailer << /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out


def loaded() -> bool:
    return RankingMethod.objects.filter(name=IT_USE_METHOD).exists()


def _agency(key: str) -> OrgUnit | None:
    current = OrgUnit.objects.filter(valid_to__isnull=True)
    if key == "commune":
        unit: OrgUnit | None = (
            current.filter(kind=UnitKind.COMMUNE_COMMITTEE, name__contains="Định Mỹ")
            .order_by("path")
            .first()
        )
        return unit
    agency: OrgUnit | None = (
        current.filter(abbreviation=key).exclude(kind=UnitKind.DIVISION).order_by("path").first()
    )
    return agency


def _specs(rows: list[tuple[str, str, str, str, str]]) -> list[CriterionSpec]:
    return [
        CriterionSpec(name, code, Decimal(w), Decimal(f), Decimal(t))
        for name, code, w, f, t in rows
    ]


def _staff(unit: OrgUnit, count: int) -> list[Person]:
    return list(Person.objects.active().in_subtree(unit).order_by("id")[:count])


def _plan(admin: Any, unit: OrgUnit, year: int, budget: int, state: str) -> None:
    plan = actions.save_plan(
        actor=admin,
        unit=unit,
        year=year,
        goals=PLAN_GOALS,
        planned_budget=Decimal(budget),
        budget_sources="Ngân sách tỉnh (sự nghiệp CNTT)",
        skip_access_check=True,
    )
    if state == "draft":
        return
    plan = actions.submit_plan(actor=admin, plan=plan, skip_access_check=True)
    if state == "submitted":
        return
    plan = actions.decide_plan(
        actor=admin,
        plan=plan,
        approve=True,
        note="Phù hợp kế hoạch của tỉnh.",
        skip_access_check=True,
    )
    if state == "done":
        goals = list(plan.goals.all())
        actions.report_plan_results(
            actor=admin,
            plan=plan,
            spent_budget=Decimal(budget * 9 // 10),
            results=[
                actions.GoalResult(g.pk, "Đã thực hiện" if i < 2 else "Đang thực hiện", i < 2)
                for i, g in enumerate(goals)
            ],
            skip_access_check=True,
        )


def load(stdout: Any) -> None:
    admin = get_user_model().objects.filter(username="quantri").first()
    today = local_today()
    year = today.year
    snv, stc, commune = _agency("SNV"), _agency("STC"), _agency("commune")
    if snv is not None:
        _plan(admin, snv, year - 1, 850_000_000, "done")
        _plan(admin, snv, year, 900_000_000, "approved")
        plan = ITPlan.objects.get(unit=snv, year=year)
        actions.attach_evidence(
            actor=admin,
            target=plan,
            upload=ContentFile(_pdf("Ke hoach ung dung CNTT"), name="ke-hoach-ung-dung-cntt.pdf"),
            skip_access_check=True,
        )
        people = _staff(snv, 8)
        if len(people) >= 2:
            first = actions.assign_it_staff(
                actor=admin,
                unit=snv,
                person=people[0],
                kind=StaffKind.FULL_TIME,
                qualification="Kỹ sư công nghệ thông tin",
                valid_from=dt.date(year - 2, 3, 1),
                skip_access_check=True,
            )
            actions.end_it_staff(
                actor=admin,
                assignment=first,
                valid_to=dt.date(year - 1, 6, 30),
                skip_access_check=True,
            )
            actions.assign_it_staff(
                actor=admin,
                unit=snv,
                person=people[1],
                kind=StaffKind.FULL_TIME,
                qualification="Cử nhân hệ thống thông tin",
                valid_from=dt.date(year - 1, 7, 1),
                skip_access_check=True,
            )
        if people:
            session = actions.record_training(
                actor=admin,
                unit=snv,
                held_on=min(today, dt.date(year, 3, 15)),
                topic="Sử dụng hệ thống quản lý văn bản và điều hành",
                organiser="Sở Khoa học và Công nghệ",
                attendees=[(p, i % 4 != 3) for i, p in enumerate(people)],
                skip_access_check=True,
            )
            actions.attach_evidence(
                actor=admin,
                target=session,
                upload=ContentFile(_pdf("Danh sach tham du"), name="danh-sach-tham-du.pdf"),
                skip_access_check=True,
            )
    if stc is not None:
        _plan(admin, stc, year, 600_000_000, "submitted")
    if commune is not None:
        _plan(admin, commune, year, 120_000_000, "draft")
        people = _staff(commune, 3)
        if people:
            actions.assign_it_staff(
                actor=admin,
                unit=commune,
                person=people[-1],
                kind=StaffKind.PART_TIME,
                qualification="Trung cấp tin học",
                valid_from=dt.date(year, 1, 2),
                skip_access_check=True,
            )
    for name, kind, rows, description in (
        (
            IT_USE_METHOD,
            RankingKind.IT_USE,
            IT_USE_CRITERIA,
            "Xếp loại tình hình ứng dụng CNTT hằng năm (Chỉ thị 07/CT-UBND, mục II.1): văn "
            "bản điện tử (mục tiêu 50%), liên thông văn bản, phản ánh kiến nghị, kế hoạch, "
            "cán bộ CNTT và công chức sử dụng được hệ thống. Thêm tiêu chí hồ sơ một cửa đúng "
            "hạn khi trong kỳ có hồ sơ đã giải quyết xong.",
        ),
        (
            WEBSITE_METHOD,
            RankingKind.WEBSITE,
            WEBSITE_CRITERIA,
            "Xếp loại trang thông tin điện tử hằng năm (Chỉ thị 07/CT-UBND, mục II.1). Hiện "
            "có một tiêu chí; thêm tiêu chí khi có thêm chỉ tiêu nhóm trang thông tin điện tử.",
        ),
    ):
        method = actions.save_method(
            actor=admin,
            name=name,
            description=description,
            kind=kind,
            criteria=_specs(rows),
            skip_access_check=True,
        )
        try:
            actions.run_ranking(
                actor=admin, method=method, period=Period.year(year), skip_access_check=True
            )
        except ActionError as exc:
            stdout.write(f"  {name}: {' '.join(exc.messages)}\n")
    stdout.write("Monitoring: IT plans, IT staff, training and two ranking methods loaded.\n")
