"""The columns of the unit and staff files: one definition read by the importer, written by
the export and by the blank template, so a file exported here is a file the importer reads.

Each column has a label (translatable; Vietnamese is the source language) and other
spellings accepted on import, English ones included, so a file exported in either language
imports back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Column:
    key: str
    label: Promise
    aliases: tuple[str, ...] = ()
    required: bool = False

    def spellings(self) -> list[str]:
        """Label in the active language first (named in messages), then the Vietnamese
        label, then the aliases."""
        with translation.override("vi"):
            vietnamese = str(self.label)
        return [str(self.label), vietnamese, *self.aliases]


UNIT_COLUMNS: tuple[Column, ...] = (
    Column("name", _("Tên đơn vị"), ("Tên chính thức", "Tên", "name", "unit name"), True),
    Column("short_name", _("Tên viết gọn"), ("Tên ngắn", "short name")),
    Column("abbreviation", _("Chữ viết tắt"), ("Viết tắt", "abbreviation")),
    Column("organ_code", _("Mã định danh"), ("Mã định danh điện tử", "Mã ĐDĐT", "organ code")),
    Column("kind", _("Loại đơn vị"), ("Loại", "kind", "unit kind"), True),
    Column("parent", _("Đơn vị cấp trên"), ("Trực thuộc", "Cơ quan chủ quản", "parent"), True),
    Column("valid_from", _("Hiệu lực từ"), ("Ngày hiệu lực", "Ngày thành lập", "valid from")),
    Column("address", _("Địa chỉ"), ("Trụ sở", "address")),
    Column("phone", _("Điện thoại"), ("Số điện thoại", "SĐT", "phone", "telephone")),
    Column("email", _("Thư điện tử"), ("Thư điện tử công vụ", "Email", "E-mail")),
    Column("website", _("Trang thông tin"), ("Tên miền", "Website", "Cổng thông tin")),
)

STAFF_COLUMNS: tuple[Column, ...] = (
    Column("full_name", _("Họ và tên"), ("Họ tên", "Tên cán bộ", "full name", "name"), True),
    Column("staff_code", _("Mã cán bộ"), ("Mã CB", "Mã số cán bộ", "Mã nhân sự", "staff code")),
    Column("email", _("Thư điện tử"), ("Thư điện tử công vụ", "Email", "E-mail")),
    Column("phone", _("Điện thoại"), ("Số điện thoại", "SĐT", "Di động", "phone")),
    Column("unit", _("Đơn vị"), ("Đơn vị công tác", "Cơ quan", "unit"), True),
    Column("position", _("Chức vụ"), ("position",)),
    Column("title", _("Chức danh"), ("Ngạch", "title")),
    Column("start_date", _("Ngày bắt đầu"), ("Ngày bắt đầu công tác", "Từ ngày", "start date")),
    Column("gender", _("Giới tính"), ("gender", "sex")),
    Column("birth_date", _("Ngày sinh"), ("birth date", "date of birth")),
)


def column_spec(columns: Sequence[Column]) -> dict[str, list[str]]:
    """The ``columns`` argument of :func:`egov.lib.tabular.read_table`."""
    return {column.key: column.spellings() for column in columns}


def required_keys(columns: Sequence[Column]) -> list[str]:
    return [column.key for column in columns if column.required]


def labels(columns: Sequence[Column]) -> dict[str, str]:
    return {column.key: str(column.label) for column in columns}


def header_row(columns: Sequence[Column]) -> list[str]:
    return [str(column.label) for column in columns]
