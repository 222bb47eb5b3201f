"""Importing staff files: all rows are valid and written, or none is."""

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from egov.audit.models import AuditEvent
from egov.organisations.choices import StaffEventKind
from egov.organisations.importing import import_staff
from egov.organisations.importing.testing import STAFF_HEADERS, xlsx_upload
from egov.organisations.models import Person, StaffEvent
from egov.organisations.testing import person_of

pytestmark = pytest.mark.django_db


def _row(name: str, email: str, unit: str = "000.00.02.H01", **extra: Any) -> list[Any]:
    values = {
        "code": "",
        "phone": "0912 345 678",
        "position": "Chuyên viên",
        "title": "Chuyên viên chính",
        "start": "01/07/2025",
        "gender": "Nữ",
        "birth": "17/05/1990",
    } | extra
    return [
        name,
        values["code"],
        email,
        values["phone"],
        unit,
        values["position"],
        values["title"],
        values["start"],
        values["gender"],
        values["birth"],
    ]


def test_a_clean_staff_file_hires_everyone_in_it(world):
    upload = xlsx_upload(
        [
            STAFF_HEADERS,
            _row("Nguyễn Thị Minh Anh", "anh.ntm@angiang.gov.vn", code="CB001"),
            _row("Trần Văn Bình", "BINH.TV@angiang.gov.vn", unit="Phòng Công chức, viên chức"),
        ]
    )
    report = import_staff(actor=world.admin, file=upload)

    assert report.ok, report.errors
    assert [(o.row, o.label) for o in report.created] == [
        (2, "Nguyễn Thị Minh Anh"),
        (3, "Trần Văn Bình"),
    ]
    anh = Person.objects.get(email="anh.ntm@angiang.gov.vn")
    assert anh.unit == world.home_affairs
    assert anh.staff_code == "CB001"
    assert anh.position is not None
    assert anh.position.name == "Chuyên viên"
    assert anh.birth_date == dt.date(1990, 5, 17)
    assert anh.gender == "female"
    assert anh.employments.get().valid_from == dt.date(2025, 7, 1)
    binh = Person.objects.get(email="binh.tv@angiang.gov.vn")
    assert binh.unit == world.civil_service_division
    event = AuditEvent.objects.get(action="organisations.person.import")
    assert event.after is not None
    assert event.after == event.after | {"created": 2, "rows": 2, "updated": 0}
    assert event.unit_id == world.home_affairs.pk


def test_a_file_with_bad_rows_reports_exactly_those_rows_and_writes_nothing(world):
    before = Person.objects.count()
    upload = xlsx_upload(
        [
            STAFF_HEADERS,
            _row("Nguyễn Thị Minh Anh", "anh.ntm@angiang.gov.vn"),
            _row("Trần Văn Bình", "binh@@angiang"),
            _row("Lê Thị Cúc", "cuc@angiang.gov.vn", unit="Sở Không Tồn Tại"),
            _row("Phạm Văn Dũng", "dung@angiang.gov.vn", unit="000.00.03.H01"),
            _row("Võ Thị Én", "en@angiang.gov.vn", unit="Phòng Công chức, viên chức"),
        ]
    )
    report = import_staff(actor=world.unit_admin, file=upload)

    assert not report.ok
    assert [(e.row, e.column) for e in report.errors] == [
        (3, "Thư điện tử"),
        (4, "Đơn vị"),
        (5, "Đơn vị"),
    ]
    messages = [e.message for e in report.errors]
    assert "Thư điện tử “binh@@angiang” không hợp lệ" in messages[0]
    assert "Không tìm thấy đơn vị đang hoạt động “Sở Không Tồn Tại”" in messages[1]
    assert messages[2] == "Bạn không có quyền quản trị đơn vị “Sở Tài chính”."
    assert report.errors[2].value == "000.00.03.H01"
    assert Person.objects.count() == before
    assert report.created == []
    assert not AuditEvent.objects.filter(action="organisations.person.import").exists()


def test_the_same_email_twice_in_a_file_is_an_error_on_the_second_row(world):
    upload = xlsx_upload(
        [
            STAFF_HEADERS,
            _row("Nguyễn Thị Minh Anh", "anh@angiang.gov.vn"),
            _row("Nguyễn Minh Anh", "ANH@angiang.gov.vn"),
        ]
    )
    before = Person.objects.count()
    report = import_staff(actor=world.admin, file=upload)

    assert [(e.row, e.column, e.message) for e in report.errors] == [
        (3, "Thư điện tử", "“anh@angiang.gov.vn” đã có ở dòng 2 của tệp.")
    ]
    assert Person.objects.count() == before


def test_a_known_email_updates_and_transfers_the_person_instead_of_hiring(world):
    clerk = person_of(world.clerk)
    upload = xlsx_upload(
        [
            STAFF_HEADERS,
            _row(
                "Phạm Thị Thư",
                "CLERK@angiang.gov.vn",
                unit="Phòng Công chức, viên chức",
                phone="0296 111 222",
                start="15/08/2025",
            ),
            _row("Người Mới", "moi@angiang.gov.vn"),
        ]
    )
    report = import_staff(actor=world.unit_admin, file=upload)

    assert report.ok, report.errors
    assert [o.row for o in report.created] == [3]
    assert [(o.row, o.label) for o in report.updated] == [(2, "Phạm Thị Thư")]
    assert "Điện thoại" in report.updated[0].changes
    assert "Đơn vị" in report.updated[0].changes
    clerk.refresh_from_db()
    assert clerk.unit == world.civil_service_division
    assert clerk.phone == "0296 111 222"
    transfer = StaffEvent.objects.get(person=clerk, kind=StaffEventKind.TRANSFER)
    assert transfer.effective_date == dt.date(2025, 8, 15)


def test_a_unit_administrator_cannot_update_a_person_of_another_agency(world):
    upload = xlsx_upload(
        [STAFF_HEADERS, _row("Đặng Văn Ngoài", "outsider@angiang.gov.vn", phone="0999 999 999")]
    )
    report = import_staff(actor=world.unit_admin, file=upload)

    assert [(e.row, e.column) for e in report.errors] == [(2, "Thư điện tử")]
    assert "Sở Tài chính" in report.errors[0].message
    assert person_of(world.outsider).phone == ""


def test_dates_are_read_in_every_form_users_write_them(world):
    good = [
        _row("A Một", "a1@angiang.gov.vn", start="2025-07-01", birth=dt.date(1990, 5, 17)),
        _row("A Hai", "a2@angiang.gov.vn", start=45839, birth=dt.datetime(1991, 1, 2)),
    ]
    bad = _row("A Ba", "a3@angiang.gov.vn", start="32/13/2025")
    report = import_staff(actor=world.admin, file=xlsx_upload([STAFF_HEADERS, *good, bad]))
    assert [(e.row, e.column) for e in report.errors] == [(4, "Ngày bắt đầu")]
    assert "Ngày “32/13/2025” không hợp lệ" in report.errors[0].message

    assert import_staff(actor=world.admin, file=xlsx_upload([STAFF_HEADERS, *good])).ok
    second = Person.objects.get(email="a2@angiang.gov.vn")
    assert second.employments.get().valid_from == dt.date(2025, 7, 1)
    assert second.birth_date == dt.date(1991, 1, 2)


def test_a_person_without_a_staff_code_or_email_cannot_be_recognised_later(world):
    upload = xlsx_upload([STAFF_HEADERS, _row("Không Danh Tính", "")])
    report = import_staff(actor=world.admin, file=upload)
    assert [(e.row, e.column) for e in report.errors] == [(2, "Mã cán bộ")]


def test_someone_who_administers_nothing_may_not_import(world):
    upload = xlsx_upload([STAFF_HEADERS, _row("A", "a@angiang.gov.vn")])
    with pytest.raises(PermissionDenied):
        import_staff(actor=world.specialist, file=upload)
