"""Exports of units and staff in the importer's own columns, and the blank templates.

A file exported here and imported back unchanged reports no error and no change.
Staff codes, birth dates and start dates are personal details (see
``access.can_see_personal_details``): they are left blank for people the user may not
administer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from django.utils.translation import gettext as _

from egov.lib.dates import local_today
from egov.lib.tabular import MAX_ROWS, CellValue, write_csv, write_xlsx
from egov.organisations import access, queries
from egov.organisations.choices import Gender, UnitKind
from egov.organisations.importing.columns import STAFF_COLUMNS, UNIT_COLUMNS, Column, header_row
from egov.organisations.importing.directory import UnitDirectory
from egov.organisations.models import Employment, OrgUnit, Person

Format = Literal["xlsx", "csv"]
FORMATS: tuple[Format, ...] = ("xlsx", "csv")
CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}


@dataclass(frozen=True)
class ExportFile:
    filename: str
    content_type: str
    content: bytes


def _file(
    stem: str, fmt: Format, columns: Sequence[Column], rows: list[list[CellValue]], title: str
) -> ExportFile:
    headers = header_row(columns)
    content = (
        write_xlsx(headers, rows, sheet_title=title) if fmt == "xlsx" else write_csv(headers, rows)
    )
    return ExportFile(f"{stem}.{fmt}", CONTENT_TYPES[fmt], content)


def export_units(*, user: Any, fmt: Format, as_of: dt.date | None = None) -> ExportFile:
    """Units in force today (or on ``as_of``, with the names and parents they had then),
    parents before children. Empty for a user who may not see the registry."""
    units = list(OrgUnit.objects.visible_to(user).current())
    directory = UnitDirectory(units)
    rows: list[list[CellValue]]
    if as_of is None:
        by_path = {unit.path: unit for unit in units}
        rows = [
            _unit_row(unit, by_path.get(unit.path[: -OrgUnit.steplen]), directory) for unit in units
        ]
        stem = _("don-vi-%(date)s") % {"date": local_today().isoformat()}
    else:
        rows = _units_as_of(user, as_of)
        stem = _("don-vi-ngay-%(date)s") % {"date": as_of.isoformat()}
    return _file(stem, fmt, UNIT_COLUMNS, rows, _("Đơn vị"))


def _unit_row(unit: OrgUnit, parent: OrgUnit | None, directory: UnitDirectory) -> list[CellValue]:
    return [
        unit.name,
        unit.short_name,
        unit.abbreviation,
        unit.organ_code,
        str(UnitKind(unit.kind).label) if unit.kind in UnitKind.values else unit.kind,
        directory.reference(parent) if parent is not None else None,
        unit.valid_from,
        unit.address,
        unit.phone,
        unit.email,
        unit.website_host,
    ]


def _units_as_of(user: Any, day: dt.date) -> list[list[CellValue]]:
    if not access.can_view_registry(user):
        return []
    nodes = [node for root in queries.tree_as_of(day) for _depth, node in root.walk()]
    contacts = {unit.pk: unit for unit in OrgUnit.objects.filter(pk__in=[n.unit_id for n in nodes])}
    names: dict[str, int] = {}
    for node in nodes:
        names[node.name.casefold()] = names.get(node.name.casefold(), 0) + 1
    by_id = {node.unit_id: node for node in nodes}

    def reference(unit_id: int | None) -> str | None:
        node = by_id.get(unit_id) if unit_id is not None else None
        if node is None:
            return None
        if node.organ_code:
            return node.organ_code
        return node.name if names[node.name.casefold()] == 1 else f"{node.name} [#{node.unit_id}]"

    rows: list[list[CellValue]] = []
    for node in nodes:
        unit = contacts[node.unit_id]
        rows.append(
            [
                node.name,
                node.short_name,
                node.abbreviation,
                node.organ_code,
                node.kind_label,
                reference(node.parent_id),
                unit.valid_from,
                unit.address,
                unit.phone,
                unit.email,
                unit.website_host,
            ]
        )
    return rows


def export_staff(*, user: Any, fmt: Format) -> ExportFile:
    """People at work or on leave that ``user`` may see, personal details only where the
    user may see them."""
    people = list(Person.objects.visible_to(user).active().select_related("unit", "position"))
    starts = dict(
        Employment.objects.filter(person__in=people, valid_to__isnull=True).values_list(
            "person_id", "valid_from"
        )
    )
    scope = access.admin_scope(user)
    directory = UnitDirectory()
    rows: list[list[CellValue]] = []
    for person in people:
        personal = person.user_id == getattr(user, "pk", None) or (
            person.unit is not None and scope.contains(person.unit)
        )
        rows.append(
            [
                person.full_name,
                person.staff_code if personal else None,
                person.email,
                person.phone,
                directory.reference(person.unit) if person.unit else None,
                person.position.name if person.position else None,
                person.title,
                starts.get(person.pk) if personal else None,
                str(Gender(person.gender).label) if person.gender else None,
                person.birth_date if personal else None,
            ]
        )
    stem = _("can-bo-%(date)s") % {"date": local_today().isoformat()}
    return _file(stem, fmt, STAFF_COLUMNS, rows, _("Cán bộ"))


def _notes(kind: Literal["units", "staff"]) -> list[str]:
    notes = [
        _("Dòng 1 là dòng tiêu đề; mỗi dòng dưới là một %(what)s.")
        % {"what": _("đơn vị") if kind == "units" else _("cán bộ")},
        _("Ngày ghi dạng DD/MM/YYYY (ví dụ 01/07/2025) hoặc dùng ô kiểu ngày của Excel."),
        _("Ô để trống: giữ nguyên giá trị đang có (tệp không bao giờ xóa dữ liệu)."),
        _("Tối đa %(rows)s dòng mỗi tệp; tệp có lỗi ở bất kỳ dòng nào sẽ không được ghi.")
        % {"rows": f"{MAX_ROWS:,}".replace(",", ".")},
    ]
    if kind == "units":
        notes += [
            _("Đơn vị cấp trên: ghi mã định danh, tên chính xác, hoặc đơn vị ở dòng phía trên."),
            _("Loại đơn vị, một trong:"),
            *[f"  • {label}" for _code, label in UnitKind.choices],
        ]
    else:
        notes += [
            _(
                "Cán bộ đã có (trùng mã cán bộ hoặc thư điện tử) sẽ được cập nhật; đổi đơn vị là "
                "điều động từ ngày bắt đầu ghi trong tệp."
            ),
            _("Giới tính: %(values)s.")
            % {"values": ", ".join(str(label) for _code, label in Gender.choices)},
        ]
    return notes


def template_file(kind: Literal["units", "staff"]) -> ExportFile:
    """A blank XLSX: the header row, one example row, and a sheet of instructions."""
    if kind == "units":
        columns, title, stem = UNIT_COLUMNS, _("Đơn vị"), _("mau-nhap-don-vi")
        example: list[CellValue] = [
            _("Phòng Tổ chức cán bộ"),
            _("Phòng TCCB"),
            "TCCB",
            "",
            str(UnitKind.DIVISION.label),
            "000.00.02.H01",
            dt.date(2025, 7, 1),
            _("Số 1 Lê Lợi, phường Long Xuyên"),
            "0296 3852 123",
            "tccb.snv@angiang.gov.vn",
            "",
        ]
    else:
        columns, title, stem = STAFF_COLUMNS, _("Cán bộ"), _("mau-nhap-can-bo")
        example = [
            "Nguyễn Thị Minh Anh",
            "CB001234",
            "anh.ntm@angiang.gov.vn",
            "0912 345 678",
            "000.00.02.H01",
            _("Chuyên viên"),
            _("Chuyên viên chính"),
            dt.date(2025, 7, 1),
            str(Gender.FEMALE.label),
            dt.date(1990, 5, 17),
        ]
    content = write_xlsx(header_row(columns), [example], sheet_title=title, notes=_notes(kind))
    return ExportFile(f"{stem}.xlsx", CONTENT_TYPES["xlsx"], content)
