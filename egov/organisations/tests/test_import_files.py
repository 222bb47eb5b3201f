"""Reading uploaded files: size and content checked before parsing, encodings and
delimiters of real-world CSV files, lenient headers, specific errors."""

import io
import os
import unicodedata
import zipfile
from typing import Any

import pytest
from django.core.files import File
from django.core.files.uploadedfile import SimpleUploadedFile

from egov.lib.errors import ActionError
from egov.lib.tabular import read_table
from egov.organisations.importing import import_staff
from egov.organisations.importing.testing import STAFF_HEADERS, csv_upload, xlsx_bytes
from egov.organisations.models import Person

pytestmark = pytest.mark.django_db

COLUMNS = {"full_name": ["Họ và tên", "Họ tên"], "unit": ["Đơn vị"], "note": ["Ghi chú"]}
STAFF_ROW = [
    "Nguyễn Thị Hồng Nhung",
    "",
    "nhung@angiang.gov.vn",
    "",
    "Sở Nội vụ",
    "",
    "Chuyên viên chính",
    "",
    "Nữ",
    "",
]
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def _cp1258(text: str) -> bytes:
    """Encode as Windows-1258 does: precomposed base letters, tone marks combining."""
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        out.append(base + "".join(c for c in parts if c in _TONES))
    return "".join(out).encode("cp1258")


def _error(
    content: bytes, name: str, columns: dict[str, list[str]] = COLUMNS, **kwargs: Any
) -> ActionError:
    with pytest.raises(ActionError) as caught:
        read_table(content, name, columns=columns, **kwargs)
    return caught.value


def test_a_file_missing_required_columns_names_the_missing_columns(world):
    upload = csv_upload([["Họ và tên", "Điện thoại"], ["Trần Văn A", "0912"]])
    with pytest.raises(ActionError) as caught:
        import_staff(actor=world.admin, file=upload)
    assert caught.value.code == "missing_columns"
    message = caught.value.messages[0]
    assert message.startswith("Thiếu cột bắt buộc: “Đơn vị”.")
    assert "“Họ và tên”, “Điện thoại”" in message


def test_headers_match_whatever_their_case_accents_and_punctuation():
    content = "HỌ TÊN;ho va ten:\nA;B\n".encode()
    error = _error(content, "a.csv")
    assert error.code == "duplicate_column"
    assert "(cột A và cột B)" in error.messages[0]

    table = read_table(
        "  Đơn Vị (*) ;HỌ VÀ TÊN;Cột lạ\nSở Nội vụ;Lê Văn Tám;x\n".encode(),
        "a.csv",
        columns=COLUMNS,
        required=["full_name", "unit"],
    )
    assert table.rows[0].values == {"unit": "Sở Nội vụ", "full_name": "Lê Văn Tám"}
    assert table.ignored_headers == ["Cột lạ"]


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [("cp1258", ","), ("utf-8-sig", ";"), ("utf-8", "\t"), ("utf-16", ",")],
)
def test_csv_files_keep_their_diacritics_whatever_the_encoding(world, encoding, delimiter):
    text = "\r\n".join(delimiter.join(row) for row in [STAFF_HEADERS, STAFF_ROW]) + "\r\n"
    content = _cp1258(text) if encoding == "cp1258" else text.encode(encoding)
    report = import_staff(actor=world.admin, file=SimpleUploadedFile("ds.csv", content))

    assert report.ok, report.errors
    person = Person.objects.get(email="nhung@angiang.gov.vn")
    assert person.full_name == "Nguyễn Thị Hồng Nhung"
    assert person.title == "Chuyên viên chính"
    assert person.unit == world.home_affairs
    assert person.gender == "female"


def test_a_utf8_bom_is_not_part_of_the_first_header():
    table = read_table("\ufeffHọ và tên,Đơn vị\r\nA,B\r\n".encode(), "x.csv", columns=COLUMNS)
    assert table.headers["full_name"] == "Họ và tên"


def test_fifty_megabytes_of_random_bytes_are_refused_by_size_before_parsing(world, tmp_path):
    path = tmp_path / "huge.xlsx"
    with path.open("wb") as out:
        for _ in range(50):
            out.write(os.urandom(1024 * 1024))
    with path.open("rb") as handle, pytest.raises(ActionError) as caught:
        import_staff(actor=world.admin, file=File(handle, name="huge.xlsx"))
    assert caught.value.code == "file_too_large"
    assert caught.value.messages[0] == "Tệp lớn 50.0 MB, vượt giới hạn 10 MB."


def test_five_megabytes_of_junk_named_xlsx_are_not_a_valid_excel_file(world, tmp_path):
    path = tmp_path / "junk.xlsx"
    path.write_bytes(os.urandom(5 * 1024 * 1024))
    with path.open("rb") as handle, pytest.raises(ActionError) as caught:
        import_staff(actor=world.admin, file=File(handle, name="junk.xlsx"))
    assert caught.value.code == "not_excel"
    assert caught.value.messages[0] == "Tệp không phải là bảng tính Excel hợp lệ."


def test_binary_junk_named_csv_is_refused_as_binary():
    error = _error(os.urandom(64 * 1024), "ds.csv")
    assert error.code == "binary_not_csv"
    assert error.messages[0] == "Tệp chứa dữ liệu nhị phân, không phải CSV."


def test_workbooks_with_macros_or_a_password_are_refused_with_their_own_reason():
    assert _error(xlsx_bytes([["Họ và tên"]]), "ds.xlsm").code == "macro_file"

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/vbaProject.bin", b"\x00macro")
    assert _error(buffer.getvalue(), "ds.xlsx").code == "macro_file"

    encrypted = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512
    encrypted += "EncryptionInfo".encode("utf-16-le") + b"\x00" * 512
    error = _error(encrypted, "ds.xlsx")
    assert error.code == "password_protected"
    assert "mật khẩu" in error.messages[0]


def test_a_zip_that_is_not_a_workbook_is_reported_as_corrupt_or_invalid():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    assert _error(buffer.getvalue(), "ds.xlsx").code == "corrupt_excel"


def test_rows_keep_the_number_the_user_sees_in_excel_and_blank_rows_are_skipped():
    content = xlsx_bytes([["Họ và tên", "Đơn vị"], [None, None], ["A", "X"], [], ["B", "Y"]])
    table = read_table(content, "ds.xlsx", columns=COLUMNS)
    assert [(row.number, row.get("full_name")) for row in table.rows] == [(3, "A"), (5, "B")]


def test_a_file_over_the_row_limit_is_refused_whole():
    rows = "\n".join(f"Người {i},Đơn vị" for i in range(11))
    error = _error(f"Họ và tên,Đơn vị\n{rows}\n".encode(), "ds.csv", max_rows=10)
    assert error.code == "too_many_rows"
    assert "hơn 10 dòng" in error.messages[0]


def test_other_file_types_are_refused_by_name():
    assert _error(b"%PDF-1.7", "ds.pdf").code == "unsupported_type"
    assert _error(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "ds.xls").code == (
        "legacy_excel"
    )
