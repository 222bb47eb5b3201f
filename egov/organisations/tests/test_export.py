"""Exports of units and staff: the importer's own columns, so a file exported and imported
back unchanged reports no error and no change."""

import csv
import datetime as dt
import io
from collections.abc import Callable
from typing import Any

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from egov.organisations import actions
from egov.organisations.importing import ImportReport, import_staff, import_units
from egov.organisations.importing.export import ExportFile, export_staff, export_units
from egov.organisations.importing.testing import STAFF_HEADERS, UNIT_HEADERS
from egov.organisations.models import OrgUnit, Person, StaffEvent
from egov.organisations.testing import person_of

pytestmark = pytest.mark.django_db


def _xlsx_rows(content: bytes) -> list[tuple[Any, ...]]:
    sheet = openpyxl.load_workbook(io.BytesIO(content)).worksheets[0]
    return list(sheet.iter_rows(values_only=True))


def _csv_rows(content: bytes) -> list[list[str]]:
    assert content.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def _reimport(importer: Callable[..., ImportReport], user: Any, export: ExportFile) -> ImportReport:
    return importer(actor=user, file=SimpleUploadedFile(export.filename, export.content))


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_units_exported_and_imported_back_report_no_error_and_no_change(world, fmt):
    actions.update_unit_contacts(
        actor=world.admin, unit=world.home_affairs, phone="+84 296 3852 000", address="=1+1"
    )
    export = export_units(user=world.admin, fmt=fmt)
    before = (OrgUnit.objects.count(), StaffEvent.objects.count())

    report = _reimport(import_units, world.admin, export)

    assert report.ok, report.errors
    assert (len(report.created), len(report.updated), report.unchanged) == (0, 0, 6)
    assert (OrgUnit.objects.count(), StaffEvent.objects.count()) == before


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_staff_exported_and_imported_back_report_no_error_and_no_change(world, fmt):
    actions.update_person(
        actor=world.admin,
        person=person_of(world.clerk),
        staff_code="CB-07",
        birth_date=dt.date(1988, 3, 9),
        gender="female",
        phone="0912 345 678",
    )
    export = export_staff(user=world.admin, fmt=fmt)
    before = (Person.objects.count(), StaffEvent.objects.count())

    report = _reimport(import_staff, world.admin, export)

    assert report.ok, report.errors
    assert (len(report.created), len(report.updated), report.unchanged) == (0, 0, 7)
    assert (Person.objects.count(), StaffEvent.objects.count()) == before


def test_a_units_export_loads_a_whole_tree_into_an_empty_registry(world):
    export = export_units(user=world.admin, fmt="xlsx")
    rows = _xlsx_rows(export.content)
    assert list(rows[0]) == UNIT_HEADERS
    # Rename every unit so nothing matches: the file must then create the whole tree again,
    # parents (named by organ code or by a row above) before children.
    fresh: list[list[Any]] = [list(rows[0])]
    for row in rows[1:]:
        renamed: list[Any] = list(row)
        renamed[0] = f"{row[0]} mới"
        renamed[3] = (row[3] or "").replace("H01", "H02")
        renamed[5] = (row[5] or "").replace("H01", "H02") or None
        if renamed[5] and not renamed[5][0].isdigit():
            renamed[5] = f"{renamed[5]} mới"
        fresh.append(renamed)
    buffer = io.BytesIO()
    book = openpyxl.Workbook()
    for line in fresh:
        book.active.append(line)
    book.save(buffer)

    report = import_units(actor=world.admin, file=SimpleUploadedFile("t.xlsx", buffer.getvalue()))

    assert report.ok, report.errors
    assert len(report.created) == 6
    division = OrgUnit.objects.get(name="Phòng Công chức, viên chức mới")
    assert OrgUnit.objects.get_parent(division).name == "Sở Nội vụ mới"


def test_units_as_of_a_date_carry_the_names_they_had_then(world):
    actions.rename_unit(
        actor=world.admin,
        unit=world.home_affairs,
        effective_date=dt.date(2025, 7, 1),
        name="Sở Nội vụ và Lao động",
    )
    old = _xlsx_rows(export_units(user=world.admin, fmt="xlsx", as_of=dt.date(2024, 1, 1)).content)
    new = _xlsx_rows(export_units(user=world.admin, fmt="xlsx").content)
    assert "Sở Nội vụ" in [row[0] for row in old]
    assert "Sở Nội vụ và Lao động" in [row[0] for row in new]


def test_staff_export_leaves_personal_details_blank_where_the_user_may_not_see_them(world):
    actions.update_person(
        actor=world.admin,
        person=person_of(world.outsider),
        staff_code="TC-1",
        birth_date=dt.date(1980, 1, 1),
    )
    by_admin = {row[0]: row for row in _csv_rows(export_staff(user=world.admin, fmt="csv").content)}
    by_specialist = {
        row[0]: row for row in _csv_rows(export_staff(user=world.specialist, fmt="csv").content)
    }
    assert by_admin["Đặng Văn Ngoài"][1] == "TC-1"
    assert by_admin["Đặng Văn Ngoài"][9] == "01/01/1980"
    assert by_specialist["Đặng Văn Ngoài"][1] == ""
    assert by_specialist["Đặng Văn Ngoài"][9] == ""
    assert by_specialist["Đặng Văn Ngoài"][4] == "000.00.03.H01"
    assert list(by_admin["Họ và tên"]) == STAFF_HEADERS


def test_text_that_looks_like_a_formula_is_never_exported_as_one(world):
    actions.update_unit_contacts(actor=world.admin, unit=world.finance, address="=HYPERLINK(1)")
    csv_row = next(
        r
        for r in _csv_rows(export_units(user=world.admin, fmt="csv").content)
        if r[0] == "Sở Tài chính"
    )
    assert csv_row[7] == "'=HYPERLINK(1)"
    sheet = openpyxl.load_workbook(
        io.BytesIO(export_units(user=world.admin, fmt="xlsx").content)
    ).worksheets[0]
    cell = next(row[7] for row in sheet.iter_rows() if row[0].value == "Sở Tài chính")
    assert cell.data_type == "s"
    assert cell.value == "=HYPERLINK(1)"


def test_export_links_serve_files_to_staff_and_refuse_others(client, client_for, world):
    url = reverse("organisations:export_staff", args=["csv"])
    assert client.get(url).status_code == 302
    assert client_for(world.citizen).get(url).status_code == 403
    response = client_for(world.specialist).get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    units = client_for(world.admin).get(
        reverse("organisations:export_units", args=["xlsx"]), {"as_of": "01/01/2024"}
    )
    assert units.status_code == 200
    assert (
        client_for(world.admin).get(reverse("organisations:export_units", args=["pdf"])).status_code
        == 404
    )
