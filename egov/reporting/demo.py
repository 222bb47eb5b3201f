"""KT-XH demo data for An Giang: a small indicator catalogue (population by sex, budget
revenue through the Department of Finance, new enterprises, retail sales, the poverty rate
weighted by population, revenue per person), the monthly form B01-KTXH of the communes,
sixteen months of approved reports from ten communes, this month's report of xã Định Mỹ
left open, and the province's plan for the year. All through the actions, as the demo users
would do it."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

from egov.lib.dates import local_today
from egov.organisations import actions as org_actions
from egov.organisations.choices import Role, UnitKind
from egov.organisations.models import OrgUnit
from egov.reporting.actions import catalogue, entry, plans, upload, workflow
from egov.reporting.actions.catalogue import SectionSpec
from egov.reporting.choices import Aggregation, Frequency, Severity, ValueStatus, ValueType
from egov.reporting.models import Indicator, OptionCombo, ReportForm
from egov.reporting.periods import recent_periods

FORM_CODE = "B01-KTXH"
DEMO_PASSWORD = "AnGiang@2025"  # noqa: S105 - the demo's published password (README)
#: (username, full name, role) at the provincial People's Committee.
PROVINCE_USERS = (
    ("baocao.tinh", "Cao Thị Tổng Hợp", Role.REPORTER),
    ("lanhdao.tinh", "Lê Văn Duyệt", Role.LEADER),
)
REPORTING_COMMUNES = 10
FIRST_MONTH = dt.date(2025, 7, 1)  # the communes of the two-level government start here


def loaded() -> bool:
    return ReportForm.objects.filter(code=FORM_CODE).exists()


def _province() -> OrgUnit:
    unit: OrgUnit = (
        OrgUnit.objects.current()
        .filter(kind=UnitKind.PROVINCE_COMMITTEE, depth=1)
        .order_by("path")
        .first()
    )
    return unit


def _catalogue(finance: OrgUnit | None) -> dict[str, Indicator]:
    sex = catalogue.create_breakdown(
        actor=None,
        code="GIOI_TINH",
        name="Giới tính",
        categories=[("SEX", "Giới tính", [("M", "Nam"), ("F", "Nữ")])],
        skip_access_check=True,
    )
    specs: list[dict[str, Any]] = [
        {
            "code": "DANSO",
            "name": "Dân số trung bình",
            "unit_of_measure": "người",
            "value_type": ValueType.INTEGER,
            "combo": sex,
            "aggregation": Aggregation.LAST,
        },
        {
            "code": "THU_NSNN",
            "name": "Thu ngân sách nhà nước trên địa bàn",
            "unit_of_measure": "triệu đồng",
            "value_type": ValueType.NON_NEGATIVE,
            "sector_unit": finance,
        },
        {
            "code": "DN_MOI",
            "name": "Số doanh nghiệp thành lập mới",
            "unit_of_measure": "doanh nghiệp",
            "value_type": ValueType.INTEGER,
        },
        {
            "code": "BAN_LE",
            "name": "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng",
            "unit_of_measure": "triệu đồng",
            "value_type": ValueType.NON_NEGATIVE,
        },
    ]
    made = {
        spec["code"]: catalogue.create_indicator(actor=None, skip_access_check=True, **spec)
        for spec in specs
    }
    made["TY_LE_HO_NGHEO"] = catalogue.create_indicator(
        actor=None,
        code="TY_LE_HO_NGHEO",
        name="Tỷ lệ hộ nghèo đa chiều",
        unit_of_measure="%",
        value_type=ValueType.PERCENT,
        aggregation=Aggregation.WEIGHTED_AVERAGE,
        weight_indicator=made["DANSO"],
        decimals=2,
        skip_access_check=True,
    )
    made["THU_BQ"] = catalogue.create_indicator(
        actor=None,
        code="THU_BQ",
        name="Thu ngân sách bình quân đầu người",
        unit_of_measure="triệu đồng/người",
        formula="[THU_NSNN] / [DANSO]",
        decimals=3,
        skip_access_check=True,
    )
    return made


def _users(province: OrgUnit) -> dict[str, Any]:
    encoded = make_password(DEMO_PASSWORD)
    users = {}
    for username, full_name, role in PROVINCE_USERS:
        user, _created = get_user_model().objects.get_or_create(
            username=username,
            defaults={
                "full_name": full_name,
                "email": f"{username}@angiang.gov.vn",
                "password": encoded,
            },
        )
        org_actions.grant_role(
            actor=None,
            user=user,
            role=role,
            unit=province,
            valid_from=FIRST_MONTH,
            skip_access_check=True,
        )
        users[username] = user
    return users


def _explain_warnings(actor: Any, submission: Any) -> None:
    """What a careful reporter does before sending: explain each outlier warning."""
    from egov.reporting.choices import CommentKind
    from egov.reporting.models import DataValue
    from egov.reporting.validation import check

    for issue in check(submission):
        if issue.severity != Severity.WARNING or issue.explained:
            continue
        for indicator_id in issue.indicator_ids:
            cell = DataValue.objects.filter(
                submission=submission, indicator_id=indicator_id
            ).first()
            if cell is not None:
                entry.add_comment(
                    actor=actor,
                    submission=submission,
                    indicator_id=indicator_id,
                    combo_id=cell.combo_id,
                    text="Đã kiểm tra lại với sổ sách của xã; số liệu đúng.",
                    kind=CommentKind.EXPLANATION,
                    skip_access_check=True,
                )


def load(stdout: Any) -> None:
    province = _province()
    finance = (
        OrgUnit.objects.current().filter(abbreviation="STC", path__startswith=province.path).first()
    )
    indicators = _catalogue(finance)
    communes = list(
        OrgUnit.objects.current()
        .filter(kind=UnitKind.COMMUNE_COMMITTEE, path__startswith=province.path)
        .order_by("organ_code")
    )
    form = catalogue.create_form(
        actor=None,
        code=FORM_CODE,
        name="Báo cáo một số chỉ tiêu kinh tế - xã hội chủ yếu cấp xã",
        frequency=Frequency.MONTH,
        receiving_unit=province,
        sections=[
            SectionSpec("I. Dân số, xã hội", ["DANSO", "TY_LE_HO_NGHEO"]),
            SectionSpec("II. Kinh tế", ["THU_NSNN", "DN_MOI", "BAN_LE"]),
        ],
        units=communes,
        legal_basis="Nghị định 09/2019/NĐ-CP; Quyết định 05/2023/QĐ-TTg",
        valid_from=FIRST_MONTH,
        skip_access_check=True,
    )
    catalogue.add_rule(
        actor=None,
        form=form,
        code="DANSO_DUONG",
        left="[DANSO]",
        operator=">",
        right="0",
        message="Dân số trung bình phải lớn hơn 0",
        skip_access_check=True,
    )
    catalogue.add_rule(
        actor=None,
        form=form,
        code="THU_GIAM_MANH",
        left="[THU_NSNN]",
        operator=">=",
        right="prev([THU_NSNN]) * 0.5",
        severity=Severity.WARNING,
        message="Thu ngân sách giảm quá một nửa so với tháng trước",
        skip_access_check=True,
    )
    users = _users(province)
    reporter = get_user_model().objects.filter(username="baocao.dinhmy").first()
    periods = [
        p
        for p in reversed(recent_periods(Frequency.MONTH, local_today(), count=24))
        if p.start >= FIRST_MONTH
    ]
    combos = {(c.combo_id, c.code): c.pk for c in OptionCombo.objects.all()}
    rng = random.Random(2026)  # noqa: S311 - demo figures, not security
    dinh_my = next(
        (c for c in communes if c.organ_code == "H01.151"), communes[0] if communes else None
    )
    chosen = ([dinh_my] if dinh_my else []) + [c for c in communes if c != dinh_my][
        : REPORTING_COMMUNES - 1
    ]
    count = 0
    for unit in chosen:
        base = rng.randint(8000, 30000)
        poverty = rng.uniform(1.5, 6.5)
        for index, period in enumerate(periods):
            submission = entry.open_submission(
                actor=None, form=form, unit=unit, period=period, skip_access_check=True
            )
            growth = Decimal(1) + Decimal(index) / 100
            men = int(base * Decimal("0.49") * growth)
            cells = {
                (indicators["DANSO"].pk, combos[(indicators["DANSO"].combo_id, "M")]): str(men),
                (indicators["DANSO"].pk, combos[(indicators["DANSO"].combo_id, "F")]): str(
                    int(men * 1.04)
                ),
                (
                    indicators["TY_LE_HO_NGHEO"].pk,
                    combos[(indicators["TY_LE_HO_NGHEO"].combo_id, "default")],
                ): f"{poverty * (1 - index / 100) + rng.uniform(-0.1, 0.1):.2f}".replace(".", ","),
                (
                    indicators["THU_NSNN"].pk,
                    combos[(indicators["THU_NSNN"].combo_id, "default")],
                ): str(int(base * Decimal("0.12") * growth) + rng.randint(0, 300)),
                (indicators["DN_MOI"].pk, combos[(indicators["DN_MOI"].combo_id, "default")]): str(
                    rng.randint(0, 12)
                ),
                (indicators["BAN_LE"].pk, combos[(indicators["BAN_LE"].combo_id, "default")]): str(
                    int(base * Decimal("1.8") * growth) + rng.randint(0, 2000)
                ),
            }
            last = index == len(periods) - 1
            actor = reporter if unit == dinh_my and reporter else None
            upload.save_grid(
                actor=actor,
                submission=submission,
                cells=cells,
                status=ValueStatus.ESTIMATE if last else ValueStatus.OFFICIAL,
                skip_access_check=True,
            )
            if last:
                continue  # this month's report stays open for the demo users
            _explain_warnings(actor, submission)
            workflow.submit(actor=actor, submission=submission, skip_access_check=True)
            workflow.accept(actor=users["baocao.tinh"], submission=submission)
            workflow.approve(actor=users["lanhdao.tinh"], submission=submission)
            count += 1
    if periods:
        year = periods[-1].year
        for code, value in (
            ("THU_NSNN", Decimal(500000)),
            ("BAN_LE", Decimal(8000000)),
            ("DN_MOI", Decimal(600)),
        ):
            plans.set_plan(
                actor=None,
                indicator=indicators[code],
                unit=province,
                year=year,
                value=value,
                skip_access_check=True,
            )
    stdout.write(
        f"KT-XH: {len(indicators)} chỉ tiêu, biểu {FORM_CODE} cho {len(communes)} xã, "
        f"{count} báo cáo đã duyệt. Đăng nhập: baocao.dinhmy (nhập), baocao.tinh (tiếp nhận), "
        f"lanhdao.tinh (duyệt)."
    )
