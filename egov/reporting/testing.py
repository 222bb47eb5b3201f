"""A small KT-XH setup on the persona world, shared by the tests (and the demo's shape).

    UBND tỉnh (province)        province_leader (leader, subtree), province_reporter
    ├── Sở Tài chính (finance)  sector department of the budget indicator; finance_leader
    ├── UBND xã Định Mỹ         reporter (commune_reporter), commune_leader
    └── UBND xã Mỹ Hòa          reporter (second_reporter)

Indicators: DANSO (population, by sex), THU_NSNN (budget revenue, sum, managed by
finance), TY_LE_HO_NGHEO (poverty rate, weighted by DANSO), THU_BQ (derived: revenue per
person). Form ``B01-KTXH``, monthly, administrative line, received by the province.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from egov.organisations import actions as org_actions
from egov.organisations.choices import Role, UnitKind
from egov.organisations.models import OrgUnit
from egov.organisations.testing import START, World, make_user
from egov.reporting.actions import catalogue, entry, workflow
from egov.reporting.actions.catalogue import SectionSpec
from egov.reporting.choices import Aggregation, Frequency, Severity, ValueType
from egov.reporting.models import Indicator, OptionCombo, Period, ReportForm, Submission
from egov.reporting.periods import get_period


@dataclass
class Ktxh:
    world: World
    second_commune: OrgUnit
    form: ReportForm
    population: Indicator
    revenue: Indicator
    poverty: Indicator
    revenue_per_person: Indicator
    commune_reporter: Any
    second_reporter: Any
    commune_leader: Any
    province_leader: Any
    province_reporter: Any
    finance_leader: Any

    def combo(self, indicator: Indicator, code: str = "default") -> OptionCombo:
        return OptionCombo.objects.get(combo=indicator.combo, code=code)


def grant(user: Any, role: str, unit: OrgUnit, *, subtree: bool = False) -> Any:
    org_actions.grant_role(
        actor=None,
        user=user,
        role=role,
        unit=unit,
        valid_from=START,
        covers_subtree=subtree,
        skip_access_check=True,
    )
    return user


def build_ktxh(world: World) -> Ktxh:
    second = org_actions.create_unit(
        actor=None,
        parent=world.province,
        name="Ủy ban nhân dân xã Mỹ Hòa",
        kind=UnitKind.COMMUNE_COMMITTEE,
        valid_from=START,
        abbreviation="UBND",
        organ_code="H01.152",
        short_name="UBND xã Mỹ Hòa",
        skip_access_check=True,
    )
    sex = catalogue.create_breakdown(
        actor=None,
        code="GIOI_TINH",
        name="Giới tính",
        categories=[("SEX", "Giới tính", [("M", "Nam"), ("F", "Nữ")])],
        skip_access_check=True,
    )
    population = catalogue.create_indicator(
        actor=None,
        code="DANSO",
        name="Dân số trung bình",
        unit_of_measure="người",
        value_type=ValueType.INTEGER,
        combo=sex,
        skip_access_check=True,
    )
    revenue = catalogue.create_indicator(
        actor=None,
        code="THU_NSNN",
        name="Thu ngân sách nhà nước trên địa bàn",
        unit_of_measure="triệu đồng",
        value_type=ValueType.NON_NEGATIVE,
        sector_unit=world.finance,
        skip_access_check=True,
    )
    poverty = catalogue.create_indicator(
        actor=None,
        code="TY_LE_HO_NGHEO",
        name="Tỷ lệ hộ nghèo",
        unit_of_measure="%",
        value_type=ValueType.PERCENT,
        aggregation=Aggregation.WEIGHTED_AVERAGE,
        weight_indicator=population,
        decimals=2,
        skip_access_check=True,
    )
    per_person = catalogue.create_indicator(
        actor=None,
        code="THU_BQ",
        name="Thu ngân sách bình quân đầu người",
        unit_of_measure="triệu đồng/người",
        formula="[THU_NSNN] / [DANSO]",
        decimals=3,
        skip_access_check=True,
    )
    form = catalogue.create_form(
        actor=None,
        code="B01-KTXH",
        name="Báo cáo một số chỉ tiêu kinh tế - xã hội chủ yếu",
        frequency=Frequency.MONTH,
        receiving_unit=world.province,
        sections=[
            SectionSpec("I. Dân số", ["DANSO", "TY_LE_HO_NGHEO"]),
            SectionSpec("II. Ngân sách", ["THU_NSNN"]),
        ],
        units=[world.commune, second],
        legal_basis="Nghị định 09/2019/NĐ-CP",
        skip_access_check=True,
    )
    catalogue.add_rule(
        actor=None,
        form=form,
        code="R_DANSO_DUONG",
        left="[DANSO]",
        operator=">",
        right="0",
        message="Dân số phải lớn hơn 0",
        skip_access_check=True,
    )
    catalogue.add_rule(
        actor=None,
        form=form,
        code="R_THU_GIAM",
        left="[THU_NSNN]",
        operator=">=",
        right="prev([THU_NSNN]) * 0.5",
        severity=Severity.WARNING,
        message="Thu ngân sách giảm quá một nửa so với kỳ trước",
        skip_access_check=True,
    )

    def person(username: str, name: str, role: str, unit: OrgUnit, subtree: bool = False) -> Any:
        return grant(make_user(username, name), role, unit, subtree=subtree)

    return Ktxh(
        world=world,
        second_commune=second,
        form=form,
        population=population,
        revenue=revenue,
        poverty=poverty,
        revenue_per_person=per_person,
        commune_reporter=person("xa_baocao", "Lý Thị Báo", Role.REPORTER, world.commune),
        second_reporter=person("myhoa_baocao", "Trương Văn Cáo", Role.REPORTER, second),
        commune_leader=person("xa_chutich", "Mai Văn Xã", Role.LEADER, world.commune),
        province_leader=person(
            "tinh_lanhdao", "Đỗ Văn Tỉnh", Role.LEADER, world.province, subtree=False
        ),
        province_reporter=person("tinh_tonghop", "Cao Thị Hợp", Role.REPORTER, world.province),
        finance_leader=person("stc_lanhdao", "Hồ Văn Tài", Role.LEADER, world.finance),
    )


def month(year: int = 2026, number: int = 1) -> Period:
    return get_period(Frequency.MONTH, year, number)


def fill(
    k: Ktxh,
    unit: OrgUnit,
    reporter: Any,
    period: Period,
    *,
    men: int = 5000,
    women: int = 5200,
    revenue: str = "1200",
    poverty: str = "3,5",
    backfill: bool = False,
) -> Submission:
    """Open the unit's report and fill every cell through the actions."""
    submission = entry.open_submission(
        actor=reporter,
        form=k.form,
        unit=unit,
        period=period,
        backfill=backfill,
        provenance="Niên giám thống kê" if backfill else "",
    )
    cells = [
        (k.population, "M", str(men)),
        (k.population, "F", str(women)),
        (k.revenue, "default", revenue),
        (k.poverty, "default", poverty),
    ]
    for indicator, code, raw in cells:
        entry.save_value(
            actor=reporter,
            submission=submission,
            indicator_id=indicator.pk,
            combo_id=k.combo(indicator, code).pk,
            raw=raw,
        )
    return submission


def approve_fully(k: Ktxh, submission: Submission) -> Submission:
    """Submit, accept and approve up to the province (one level for a commune)."""
    submission = workflow.submit(
        actor=k.commune_reporter, submission=submission, skip_access_check=True
    )
    submission = workflow.accept(actor=k.province_reporter, submission=submission)
    return workflow.approve(actor=k.province_leader, submission=submission)
