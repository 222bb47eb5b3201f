"""Builds the demo province through the organisation actions, in date order: the units of
12/12/2005, the 2008 reorganisation, later renames and staff movements, Kiên Giang from
2020, the department mergers of 1 March 2025 and the two-level government of 1 July 2025."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, cast

from egov.organisations import actions
from egov.organisations.choices import StaffEventKind, UnitKind
from egov.organisations.demo import areas
from egov.organisations.demo import catalogue as cat
from egov.organisations.demo.people import Staffing, unit_slug
from egov.organisations.models import OrgUnit, Person
from egov.organisations.reference.plan import PRE_2025_FROM, REFORM_2025

DECISION_2008 = "Nghị định 13/2008/NĐ-CP"
DECISION_MERGERS_2025 = "Nghị quyết 21/NQ-HĐND ngày 28/02/2025"
DECISION_PROVINCE_2025 = "Nghị quyết 202/2025/QH15"
DECISION_DISTRICTS_2025 = "Luật Tổ chức chính quyền địa phương 72/2025/QH15"


@dataclass
class Demo:
    """Everything the builder created, by key, for the users and the tests."""

    staffing: Staffing
    units: dict[str, OrgUnit] = field(default_factory=dict)
    divisions: dict[str, list[OrgUnit]] = field(default_factory=dict)
    staff: dict[str, list[Person]] = field(default_factory=dict)
    kien_giang: dict[str, OrgUnit] = field(default_factory=dict)
    communes: dict[str, OrgUnit] = field(default_factory=dict)  # by commune name

    def unit(self, key: str) -> OrgUnit:
        """The unit re-read: merges and moves rewrite tree paths behind cached objects."""
        return cast(OrgUnit, OrgUnit.objects.get(pk=self.units[key].pk))


def _create(parent: OrgUnit | None, day: dt.date, **fields: Any) -> OrgUnit:
    return actions.create_unit(
        actor=None, parent=parent, valid_from=day, skip_access_check=True, **fields
    )


def build_2005(demo: Demo) -> None:
    root = _create(
        None,
        cat.START,
        name=cat.PROVINCE_NAME,
        short_name="UBND tỉnh An Giang",
        name_en="An Giang Provincial People's Committee",
        kind=UnitKind.PROVINCE_COMMITTEE,
        abbreviation="UBND",
        organ_code=cat.PROVINCE_CODE,
        area=areas.province(areas.OLD_AN_GIANG, PRE_2025_FROM),
        address="82 Tôn Đức Thắng, phường Mỹ Bình, thành phố Long Xuyên",
        website_host="www.angiang.gov.vn",
        decision_ref="Chỉ thị 26/2005/CT-UBND",
    )
    demo.units["UBND"] = root
    hire = demo.staffing
    demo.staff["UBND"] = hire.hire_team(
        root, "Chủ tịch", "Phó Chủ tịch", cat.START, "ubnd", deputies=2, officers=0, clerk=False
    )
    for agency in (*cat.AGENCIES, *cat.DISTRICTS):
        area = areas.old_district(agency.district) if agency.district else None
        unit = _create(
            root,
            cat.START,
            name=agency.name,
            short_name=agency.short_name,
            kind=agency.kind,
            abbreviation="UBND" if agency.district else agency.key,
            organ_code=agency.organ_code,
            area=area,
        )
        demo.units[agency.key] = unit
        slug = unit_slug(agency.district or agency.key)
        small = agency.kind in (UnitKind.CENTRAL_BRANCH, UnitKind.DISTRICT_COMMITTEE)
        demo.staff[agency.key] = hire.hire_team(
            unit,
            agency.head,
            agency.deputy,
            cat.START,
            slug,
            deputies=1 if small else 2,
            officers=2 if small else 3,
            clerk=True,
        )
        divisions = list(agency.divisions)
        if agency.key == "VPUBND":
            divisions.insert(0, cat.RECEPTION)
        demo.divisions[agency.key] = []
        for division in divisions:
            sub = _create(
                unit,
                cat.START,
                name=division.name,
                short_name=division.name,
                kind=UnitKind.DIVISION,
                abbreviation=division.abbreviation,
            )
            demo.divisions[agency.key].append(sub)
            head = "Chánh Văn phòng" if division.abbreviation == "VP" else "Trưởng phòng"
            deputy = "Phó Chánh Văn phòng" if head == "Chánh Văn phòng" else "Phó Trưởng phòng"
            demo.staff[agency.key] += hire.hire_team(
                sub, head, deputy, cat.START, slug, deputies=1, officers=1, clerk=False
            )


def _merge_into_new(
    demo: Demo, key: str, name: str, short: str, sources: list[str], day: dt.date, ref: str
) -> None:
    unit = _create(
        demo.unit("UBND"),
        day,
        name=name,
        short_name=short,
        kind=UnitKind.AGENCY,
        abbreviation=key,
        decision_ref=ref,
    )
    actions.merge_units(
        actor=None,
        sources=[(demo.unit(s), None) for s in sources],
        target=unit,
        effective_date=day,
        decision_ref=ref,
        note=f"Hợp nhất thành {name}",
        skip_access_check=True,
    )
    demo.units[key] = unit
    demo.staff[key] = [p for s in sources for p in demo.staff.pop(s)]


def _merge_into(demo: Demo, source: str, target: str, day: dt.date, ref: str) -> None:
    actions.merge_units(
        actor=None,
        sources=[(demo.unit(source), None)],
        target=demo.unit(target),
        effective_date=day,
        decision_ref=ref,
        skip_access_check=True,
    )
    demo.staff[target] += demo.staff.pop(source)


def _rename(demo: Demo, key: str, day: dt.date, ref: str, **fields: str) -> None:
    actions.rename_unit(
        actor=None,
        unit=demo.unit(key),
        effective_date=day,
        decision_ref=ref,
        skip_access_check=True,
        **fields,
    )


def build_2008_to_2024(demo: Demo) -> None:
    day = cat.REFORM_2008
    _rename(
        demo,
        "SBCVT",
        day,
        DECISION_2008,
        name="Sở Thông tin và Truyền thông",
        short_name="Sở TT&TT",
        abbreviation="STTTT",
    )
    demo.units["STTTT"] = demo.units.pop("SBCVT")
    demo.staff["STTTT"] = demo.staff.pop("SBCVT")
    _merge_into_new(
        demo, "SCT", "Sở Công Thương", "Sở Công Thương", ["STM", "SCN"], day, DECISION_2008
    )
    _merge_into_new(
        demo,
        "SVHTTDL",
        "Sở Văn hóa, Thể thao và Du lịch",
        "Sở VH-TT&DL",
        ["SVHTT", "STDTT", "SDL"],
        day,
        DECISION_2008,
    )
    # Population work went to the health department; the committee was dissolved.
    for person in demo.staff.pop("UBDSGĐTE"):
        actions.transfer_person(
            actor=None,
            person=person,
            unit=demo.unit("SYT"),
            effective_date=day,
            decision_ref=DECISION_2008,
            note="Chuyển công tác do giải thể Ủy ban Dân số, Gia đình và Trẻ em",
            skip_access_check=True,
        )
        demo.staff["SYT"].append(person)
    actions.dissolve_unit(
        actor=None,
        unit=demo.unit("UBDSGĐTE"),
        effective_date=day,
        decision_ref=DECISION_2008,
        skip_access_check=True,
    )
    _rename(
        demo,
        "H39",
        dt.date(2009, 8, 24),
        "Nghị quyết 40/NQ-CP",
        name="Ủy ban nhân dân thị xã Tân Châu",
        short_name="UBND thị xã Tân Châu",
    )
    _rename(
        demo,
        "H32",
        dt.date(2013, 7, 19),
        "Nghị quyết 86/NQ-CP",
        name="Ủy ban nhân dân thành phố Châu Đốc",
        short_name="UBND thành phố Châu Đốc",
    )
    _rename(
        demo,
        "H37",
        dt.date(2021, 2, 1),
        "Nghị quyết 1107/NQ-UBTVQH14",
        name="Ủy ban nhân dân thị xã Tịnh Biên",
        short_name="UBND thị xã Tịnh Biên",
    )
    _staff_movements(demo)
    _kien_giang(demo)


def _staff_movements(demo: Demo) -> None:
    """A few transfers, a promotion, retirements and a resignation."""
    moved = demo.staff["SKHĐT"][1]  # a deputy director
    actions.transfer_person(
        actor=None,
        person=moved,
        unit=demo.unit("STC"),
        effective_date=dt.date(2012, 9, 1),
        decision_ref="Quyết định 1520/QĐ-UBND",
        skip_access_check=True,
    )
    demo.staff["SKHĐT"].remove(moved)
    demo.staff["STC"].append(moved)
    director, deputy = demo.staff["SYT"][0], demo.staff["SYT"][1]
    actions.end_employment(
        actor=None,
        person=director,
        kind=StaffEventKind.RETIRE,
        effective_date=dt.date(2015, 1, 1),
        decision_ref="Quyết định 2301/QĐ-UBND",
        skip_access_check=True,
    )
    actions.transfer_person(
        actor=None,
        person=deputy,
        unit=demo.unit("SYT"),
        position=demo.staffing.posts["Giám đốc"],
        effective_date=dt.date(2015, 1, 1),
        decision_ref="Quyết định 2302/QĐ-UBND",
        skip_access_check=True,
    )
    demo.staff["SYT"].remove(director)
    actions.end_employment(
        actor=None,
        person=demo.staff["SGDĐT"].pop(-1),
        kind=StaffEventKind.RESIGN,
        effective_date=dt.date(2018, 6, 1),
        skip_access_check=True,
    )
    actions.end_employment(
        actor=None,
        person=demo.staff["CT"].pop(-1),
        kind=StaffEventKind.RETIRE,
        effective_date=dt.date(2019, 10, 1),
        skip_access_check=True,
    )
    moved = demo.staff["STP"].pop(-1)
    actions.transfer_person(
        actor=None,
        person=moved,
        unit=demo.divisions["SNV"][0],
        effective_date=dt.date(2020, 3, 1),
        decision_ref="Quyết định 412/QĐ-SNV",
        skip_access_check=True,
    )
    demo.staff["SNV"].append(moved)


def _kien_giang(demo: Demo) -> None:
    day = cat.KIEN_GIANG_FROM
    root = _create(
        None,
        day,
        name=cat.KIEN_GIANG_NAME,
        short_name="UBND tỉnh Kiên Giang",
        kind=UnitKind.PROVINCE_COMMITTEE,
        abbreviation="UBND",
        organ_code=cat.KIEN_GIANG_CODE,
        area=areas.province("91", PRE_2025_FROM),
    )
    demo.kien_giang["UBND"] = root
    demo.staff["KG.UBND"] = demo.staffing.hire_team(
        root, "Chủ tịch", "Phó Chủ tịch", day, "kiengiang", deputies=1, officers=0, clerk=False
    )
    for number, (key, name, short) in enumerate(cat.KIEN_GIANG_AGENCIES, start=1):
        unit = _create(
            root,
            day,
            name=name,
            short_name=short,
            kind=UnitKind.AGENCY,
            abbreviation=key,
            organ_code=f"000.00.{number:02d}.H34",
        )
        demo.kien_giang[key] = unit
        demo.staff[f"KG.{key}"] = demo.staffing.hire_team(
            unit,
            "Giám đốc",
            "Phó Giám đốc",
            day,
            f"{unit_slug(key)}kg",
            deputies=1,
            officers=2,
            clerk=True,
        )


def build_mergers_2025(demo: Demo) -> None:
    day, ref = cat.MERGERS_2025, DECISION_MERGERS_2025
    _merge_into(demo, "SKHĐT", "STC", day, ref)
    _merge_into(demo, "SLĐTBXH", "SNV", day, ref)
    _merge_into_new(
        demo, "SNNMT", "Sở Nông nghiệp và Môi trường", "Sở NN&MT", ["STNMT", "SNNPTNT"], day, ref
    )
    _merge_into(demo, "STTTT", "SKHCN", day, ref)
    _merge_into(demo, "SGTVT", "SXD", day, ref)


def build_reform_2025(demo: Demo) -> None:
    day = REFORM_2025
    _rename(demo, "UBND", day, DECISION_PROVINCE_2025, organ_code=cat.PROVINCE_NEW_CODE)
    for key, code in cat.NEW_CODES.items():
        _rename(demo, key, day, "Quyết định 09/2025/QĐ-TTg", organ_code=code)
    for key, _name, _short in cat.KIEN_GIANG_AGENCIES:
        actions.merge_units(
            actor=None,
            sources=[(OrgUnit.objects.get(pk=demo.kien_giang[key].pk), None)],
            target=demo.unit(key),
            effective_date=day,
            decision_ref=DECISION_PROVINCE_2025,
            skip_access_check=True,
        )
        demo.staff[key] += demo.staff.pop(f"KG.{key}")
    actions.merge_units(
        actor=None,
        sources=[(OrgUnit.objects.get(pk=demo.kien_giang["UBND"].pk), None)],
        target=demo.unit("UBND"),
        effective_date=day,
        decision_ref=DECISION_PROVINCE_2025,
        note="Hợp nhất tỉnh Kiên Giang và tỉnh An Giang thành tỉnh An Giang",
        skip_access_check=True,
    )
    demo.staff["UBND"] += demo.staff.pop("KG.UBND")
    new_area = areas.province(areas.NEW_AN_GIANG, REFORM_2025)
    if new_area is not None:
        actions.update_unit_contacts(
            actor=None, unit=demo.unit("UBND"), area=new_area, skip_access_check=True
        )
    centre = _create(
        demo.unit("UBND"),
        day,
        name="Trung tâm Phục vụ hành chính công tỉnh An Giang",
        short_name="TTPVHCC tỉnh",
        kind=UnitKind.SERVICE_CENTRE,
        abbreviation="TTPVHCC",
        organ_code=cat.SERVICE_CENTRE_CODE,
    )
    demo.units["TTPVHCC"] = centre
    demo.staff["TTPVHCC"] = demo.staffing.hire_team(
        centre, "Giám đốc", "Phó Giám đốc", day, "ttpvhcc", deputies=1, officers=4, clerk=False
    )
    _communes(demo, day)
    _abolish_districts(demo, day)


def _communes(demo: Demo, day: dt.date) -> None:
    communes = areas.new_communes()
    codes = [c.code for c in communes]
    anchor_code, anchor_number = cat.ANCHOR_COMMUNE
    base = anchor_number - codes.index(anchor_code) if anchor_code in codes else 101
    root = demo.unit("UBND")
    for index, commune in enumerate(communes):
        label = f"{commune.type_name.lower()} {commune.name}"
        unit = _create(
            root,
            day,
            name=f"Ủy ban nhân dân {label}",
            short_name=f"UBND {label}",
            kind=UnitKind.COMMUNE_COMMITTEE,
            abbreviation="UBND",
            organ_code=f"H01.{base + index}",
            area=commune.area,
        )
        demo.communes[commune.name] = unit
        demo.staff[f"X.{commune.name}"] = demo.staffing.hire_team(
            unit,
            "Chủ tịch",
            "Phó Chủ tịch",
            day,
            unit_slug(commune.name),
            deputies=1,
            officers=0,
            clerk=True,
        )


def _abolish_districts(demo: Demo, day: dt.date) -> None:
    for agency in cat.DISTRICTS:
        target = demo.communes.get(cat.DISTRICT_SUCCESSORS[agency.district]) or demo.unit("UBND")
        for person in demo.staff.pop(agency.key):
            actions.transfer_person(
                actor=None,
                person=person,
                unit=target,
                effective_date=day,
                decision_ref=DECISION_DISTRICTS_2025,
                note="Chuyển công tác khi kết thúc tổ chức chính quyền cấp huyện",
                skip_access_check=True,
            )
        actions.dissolve_unit(
            actor=None,
            unit=demo.unit(agency.key),
            effective_date=day,
            decision_ref=DECISION_DISTRICTS_2025,
            note="Kết thúc hoạt động của chính quyền địa phương cấp huyện",
            skip_access_check=True,
        )
