"""The import screen: who may use it, what it shows on errors and on success, templates."""

import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from egov.organisations.importing.testing import STAFF_HEADERS, xlsx_upload
from egov.organisations.models import Person

pytestmark = pytest.mark.django_db
URL = "/org/import/"


def test_anonymous_visitors_are_sent_to_the_login_page(client, world):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize(
    ("persona", "status"),
    [("citizen", 403), ("specialist", 403), ("outsider", 403), ("unit_admin", 200), ("admin", 200)],
)
def test_only_administrators_may_open_the_import_page(client_for, world, persona, status):
    assert client_for(getattr(world, persona)).get(URL).status_code == status


def test_a_citizen_cannot_post_a_file_either(client_for, world):
    upload = xlsx_upload([STAFF_HEADERS, ["A", "", "a@x.vn", "", "Sở Nội vụ"]])
    response = client_for(world.citizen).post(URL, {"kind": "staff", "file": upload})
    assert response.status_code == 403


def test_a_file_with_errors_shows_the_summary_and_the_table_and_writes_nothing(client_for, world):
    before = Person.objects.count()
    upload = xlsx_upload(
        [
            STAFF_HEADERS,
            ["Trần Văn Bình", "", "binh@@x", "", "Sở Nội vụ"],
            ["Lê Thị Cúc", "", "cuc@angiang.gov.vn", "", "Sở Tài chính"],
        ]
    )
    response = client_for(world.unit_admin).post(URL, {"kind": "staff", "file": upload})
    page = response.content.decode()

    assert response.status_code == 200
    assert 'class="error-summary"' in page
    assert "có 2 lỗi ở 2 dòng. Chưa ghi dữ liệu nào" in page
    assert 'href="#import-error-1"' in page
    assert '<tr id="import-error-2">' in page
    assert "Bạn không có quyền quản trị đơn vị “Sở Tài chính”." in page
    assert Person.objects.count() == before


def test_a_clean_file_shows_the_counts(client_for, world):
    upload = xlsx_upload(
        [STAFF_HEADERS, ["Trần Văn Bình", "", "binh@angiang.gov.vn", "", "000.00.02.H01"]]
    )
    response = client_for(world.unit_admin).post(URL, {"kind": "staff", "file": upload})
    page = response.content.decode()
    assert "1 dòng: 1 tạo mới, 0 cập nhật, 0 không thay đổi." in page
    assert Person.objects.filter(email="binh@angiang.gov.vn").exists()


def test_a_file_level_problem_is_named_in_the_error_summary(client_for, world):
    upload = SimpleUploadedFile("ds.xlsx", b"not a workbook at all")
    response = client_for(world.admin).post(URL, {"kind": "units", "file": upload})
    page = response.content.decode()
    assert 'class="error-summary"' in page
    assert '<a href="#id_file">Tệp không phải là bảng tính Excel hợp lệ.</a>' in page


def test_posting_without_a_file_asks_for_one(client_for, world):
    response = client_for(world.admin).post(URL, {"kind": "staff"})
    assert '<a href="#id_file">Hãy chọn tệp cần nhập.</a>' in response.content.decode()


@pytest.mark.parametrize(
    ("kind", "first_header"), [("units", "Tên đơn vị"), ("staff", "Họ và tên")]
)
def test_the_templates_have_the_headers_and_one_example_that_imports_as_is(
    client_for, world, kind, first_header
):
    client = client_for(world.admin)
    response = client.get(reverse("organisations:import_template", args=[kind]))
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == first_header
    assert len(rows) == 2

    upload = SimpleUploadedFile(f"mau-{kind}.xlsx", response.content)
    result = client.post(URL, {"kind": kind, "file": upload}).content.decode()
    assert "1 tạo mới" in result


def test_templates_are_for_administrators_only(client_for, world):
    url = reverse("organisations:import_template", args=["staff"])
    assert client_for(world.specialist).get(url).status_code == 403
