"""Building upload files in tests: an XLSX or a CSV from rows, as the browser would send it."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile

STAFF_HEADERS = [
    "Họ và tên",
    "Mã cán bộ",
    "Thư điện tử",
    "Điện thoại",
    "Đơn vị",
    "Chức vụ",
    "Chức danh",
    "Ngày bắt đầu",
    "Giới tính",
    "Ngày sinh",
]
UNIT_HEADERS = [
    "Tên đơn vị",
    "Tên viết gọn",
    "Chữ viết tắt",
    "Mã định danh",
    "Loại đơn vị",
    "Đơn vị cấp trên",
    "Hiệu lực từ",
    "Địa chỉ",
    "Điện thoại",
    "Thư điện tử",
    "Trang thông tin",
]


def xlsx_bytes(rows: Sequence[Sequence[Any]]) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_upload(rows: Sequence[Sequence[Any]], name: str = "danh-sach.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, xlsx_bytes(rows))


def csv_upload(
    rows: Sequence[Sequence[str]],
    *,
    encoding: str = "utf-8",
    delimiter: str = ",",
    name: str = "danh-sach.csv",
) -> SimpleUploadedFile:
    text = "\r\n".join(delimiter.join(row) for row in rows) + "\r\n"
    return SimpleUploadedFile(name, text.encode(encoding))
