"""Importing unit files: new units (under existing units or rows above), contact updates,
and the changes a file may not make."""

import datetime as dt

import pytest

from egov.audit.models import AuditEvent
from egov.organisations.choices import UnitKind
from egov.organisations.importing import import_units
from egov.organisations.importing.testing import UNIT_HEADERS, xlsx_upload
from egov.organisations.models import OrgUnit
from egov.organisations.testing import refresh

pytestmark = pytest.mark.django_db


def _unit(
    name: str,
    parent: str,
    *,
    code: str = "",
    kind: str = "Phòng, ban, đơn vị trực thuộc",
    abbr: str = "",
    **extra: str,
) -> list[str]:
    return [
        name,
        extra.get("short_name", ""),
        abbr,
        code,
        kind,
        parent,
        extra.get("valid_from", "01/07/2025"),
        extra.get("address", ""),
        extra.get("phone", ""),
        extra.get("email", ""),
        extra.get("website", ""),
    ]


def test_a_units_file_creates_units_under_existing_units_and_rows_above(world):
    upload = xlsx_upload(
        [
            UNIT_HEADERS,
            _unit("Sở Y tế", "000.00.00.H01", code="000.00.04.H01", kind="Sở, ban, ngành"),
            _unit("Phòng Nghiệp vụ Y", "000.00.04.H01", abbr="nvy", email="NVY@angiang.gov.vn"),
            _unit(
                "Phòng Tổ chức", "Sở Nội vụ", kind="division", website="https://tc.angiang.gov.vn/"
            ),
        ]
    )
    report = import_units(actor=world.admin, file=upload)

    assert report.ok, report.errors
    assert [o.label for o in report.created] == ["Sở Y tế", "Phòng Nghiệp vụ Y", "Phòng Tổ chức"]
    health = OrgUnit.objects.get(organ_code="000.00.04.H01")
    assert health.kind == UnitKind.AGENCY
    assert OrgUnit.objects.get_parent(health) == world.province
    division = OrgUnit.objects.get(name="Phòng Nghiệp vụ Y")
    assert OrgUnit.objects.get_parent(division) == health
    assert division.abbreviation == "NVY"
    assert division.email == "nvy@angiang.gov.vn"
    assert division.valid_from == dt.date(2025, 7, 1)
    assert division.versions.count() == 1
    assert OrgUnit.objects.get(name="Phòng Tổ chức").website_host == "tc.angiang.gov.vn"
    event = AuditEvent.objects.get(action="organisations.unit.import")
    assert event.after is not None
    assert event.after == event.after | {"created": 3, "updated": 0, "unchanged": 0}


def test_an_organ_code_in_a_wrong_format_is_a_row_error_with_the_validators_message(world):
    before = OrgUnit.objects.count()
    upload = xlsx_upload(
        [
            UNIT_HEADERS,
            _unit("Sở Y tế", "000.00.00.H01", code="000.00.04.H01", kind="Sở, ban, ngành"),
            _unit("Sở Xây dựng", "000.00.00.H01", code="12-34", kind="Sở, ban, ngành"),
        ]
    )
    report = import_units(actor=world.admin, file=upload)

    assert [(e.row, e.column, e.value) for e in report.errors] == [(3, "Mã định danh", "12-34")]
    assert report.errors[0].message == (
        "Mã định danh “12-34” không đúng định dạng. Dùng dạng cũ 000.00.00.H01 hoặc dạng mới "
        "H01.151."
    )
    assert OrgUnit.objects.count() == before


def test_a_unit_administrator_cannot_add_units_to_another_agency(world):
    before = OrgUnit.objects.count()
    upload = xlsx_upload(
        [
            UNIT_HEADERS,
            _unit("Phòng Mới", "Sở Nội vụ"),
            _unit("Phòng Ngân sách", "000.00.03.H01"),
            _unit("Sở Mới", ""),
        ]
    )
    report = import_units(actor=world.unit_admin, file=upload)

    assert [(e.row, e.column) for e in report.errors] == [
        (3, "Đơn vị cấp trên"),
        (4, "Đơn vị cấp trên"),
    ]
    assert "Sở Tài chính" in report.errors[0].message
    assert OrgUnit.objects.count() == before


def test_an_existing_unit_gets_new_contacts_but_a_rename_is_refused(world):
    upload = xlsx_upload(
        [
            UNIT_HEADERS,
            _unit(
                "Sở Nội vụ",
                "000.00.00.H01",
                code="000.00.02.H01",
                kind="Sở, ban, ngành",
                phone="0296 3852 000",
            ),
        ]
    )
    report = import_units(actor=world.unit_admin, file=upload)
    assert report.ok, report.errors
    assert [(o.row, o.changes) for o in report.updated] == [(2, ("Điện thoại",))]
    assert refresh(world.home_affairs).phone == "0296 3852 000"

    upload = xlsx_upload(
        [
            UNIT_HEADERS,
            _unit("Sở Nội vụ và Lao động", "000.00.00.H01", code="000.00.02.H01", kind="agency"),
        ]
    )
    report = import_units(actor=world.unit_admin, file=upload)
    assert [(e.row, e.column) for e in report.errors] == [(2, "Tên đơn vị")]
    assert "Đổi tên" in report.errors[0].message
    assert refresh(world.home_affairs).name == "Sở Nội vụ"


def test_a_unit_kind_outside_the_list_names_the_allowed_kinds(world):
    upload = xlsx_upload([UNIT_HEADERS, _unit("Phòng X", "Sở Nội vụ", kind="Cục")])
    report = import_units(actor=world.admin, file=upload)
    assert [(e.row, e.column) for e in report.errors] == [(2, "Loại đơn vị")]
    assert "Sở, ban, ngành" in report.errors[0].message
