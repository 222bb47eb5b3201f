"""Reading the administrative-unit files into plain records, checking their shape.

The files come from ``thanglequoc/vietnamese-provinces-database`` (see the shared fixtures'
README): a three-level tree valid until 30 June 2025, the two-level tree of 1 July 2025, a
2026 edition of the same tree with effective-dated name/type changes, and the before/after
merger map crawled from sapnhap.bando.com.vn. Nothing here touches the database.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from egov.lib.errors import ActionError
from egov.lib.text import clean, fold

PRE_2025_FILE = "vn_units_3level_63prov_696dist_10035wards_pre2025.json"
JUL_2025_FILE = "vn_units_2level_34prov_jul2025.json"
EDITION_2026_FILE = "vn_units_2level_34prov_3321wards_2026.json"
MERGER_MAP_FILE = "sapnhap_truoc_sau_2025_donvi_tinhthanh.json"

#: Unit-type prefixes of a full name, longest first so "Thành phố" wins over a bare word.
TYPE_PREFIXES = (
    "Thành phố",
    "Thị trấn",
    "Thị xã",
    "Đặc khu",
    "Huyện",
    "Quận",
    "Phường",
    "Tỉnh",
    "Xã",
)
_FOLDED_PREFIXES = tuple((fold(prefix), prefix) for prefix in TYPE_PREFIXES)


class AdminAreaImportError(ActionError):
    """A source file is missing, is not JSON, or does not have the expected shape."""


@dataclass(frozen=True)
class Unit:
    """One unit as read from a file: its code, name without type, type and parent code."""

    code: str
    name: str
    type_name: str
    parent_code: str | None


@dataclass(frozen=True)
class MergerEntry:
    """One row of the merger map: a post-2025 unit and its free-text predecessors."""

    code: str
    name: str
    province_code: str | None  # None for a province
    predecessors_text: str


def split_type(full_name: str) -> tuple[str, str]:
    """("Phường Phúc Xá") → ("Phúc Xá", "Phường"); unknown prefix → (name, "")."""
    text = clean(full_name)
    folded = fold(text)
    for folded_prefix, prefix in _FOLDED_PREFIXES:
        if folded.startswith(folded_prefix + " "):
            return text[len(prefix) + 1 :].strip(), prefix
    return text, ""


def _shape_error(path: Path, where: str) -> AdminAreaImportError:
    return AdminAreaImportError(
        _("Tệp “%(file)s” không đúng cấu trúc danh mục đơn vị hành chính: %(where)s.")
        % {"file": path.name, "where": where},
        code="admin_area_file_shape",
        file=path.name,
    )


def read_json(path: Path) -> list[Any]:
    """The file's top-level array; a specific error if it is absent, not JSON or not a list."""
    if not path.is_file():
        raise AdminAreaImportError(
            _("Không tìm thấy tệp danh mục đơn vị hành chính “%(file)s”.") % {"file": str(path)},
            code="admin_area_file_missing",
            file=path.name,
        )
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise AdminAreaImportError(
            _("Tệp “%(file)s” không phải JSON hợp lệ (%(detail)s).")
            % {"file": path.name, "detail": str(exc)},
            code="admin_area_file_not_json",
            file=path.name,
        ) from exc
    if not isinstance(data, list) or not data:
        raise _shape_error(path, _("cần một mảng JSON không rỗng"))
    return data


def _field(path: Path, item: Any, name: str, where: str) -> str:
    if not isinstance(item, dict) or not isinstance(item.get(name), str) or not item[name].strip():
        raise _shape_error(
            path,
            _("thiếu trường “%(field)s” ở %(where)s")
            % {
                "field": name,
                "where": where,
            },
        )
    return clean(item[name])


def _children(path: Path, item: dict[str, Any], name: str, where: str) -> list[Any]:
    """A list of children; ``null`` means none (five island districts have ``"Ward": null``)."""
    value = item.get(name)
    if value is None:
        return []
    if not isinstance(value, list):
        raise _shape_error(
            path,
            _("trường “%(field)s” ở %(where)s phải là mảng")
            % {
                "field": name,
                "where": where,
            },
        )
    return value


def read_pre_2025(path: Path) -> tuple[list[Unit], list[Unit], list[Unit]]:
    """Provinces, districts and communes of the three-level tree."""
    provinces: list[Unit] = []
    districts: list[Unit] = []
    communes: list[Unit] = []
    for index, province in enumerate(read_json(path)):
        where = f"[{index}]"
        code = _field(path, province, "Code", where)
        provinces.append(Unit(code, *split_type(_field(path, province, "FullName", where)), None))
        for d_index, district in enumerate(_children(path, province, "District", where)):
            d_where = f"{where}.District[{d_index}]"
            d_code = _field(path, district, "Code", d_where)
            name, type_name = split_type(_field(path, district, "FullName", d_where))
            districts.append(Unit(d_code, name, type_name, code))
            for w_index, ward in enumerate(_children(path, district, "Ward", d_where)):
                w_where = f"{d_where}.Ward[{w_index}]"
                w_name, w_type = split_type(_field(path, ward, "FullName", w_where))
                communes.append(Unit(_field(path, ward, "Code", w_where), w_name, w_type, d_code))
    return provinces, districts, communes


def read_two_level(path: Path) -> tuple[list[Unit], list[Unit]]:
    """Provinces and communes of a two-level tree. Uses ``Name`` and
    ``AdministrativeUnitShortName`` when present (2026 edition), else splits ``FullName``."""

    def unit(item: Any, where: str, parent: str | None) -> Unit:
        code = _field(path, item, "Code", where)
        if isinstance(item.get("Name"), str) and isinstance(
            item.get("AdministrativeUnitShortName"), str
        ):
            return Unit(
                code, clean(item["Name"]), clean(item["AdministrativeUnitShortName"]), parent
            )
        return Unit(code, *split_type(_field(path, item, "FullName", where)), parent)

    provinces: list[Unit] = []
    communes: list[Unit] = []
    for index, province in enumerate(read_json(path)):
        where = f"[{index}]"
        provinces.append(unit(province, where, None))
        code = provinces[-1].code
        for w_index, ward in enumerate(_children(path, province, "Wards", where)):
            communes.append(unit(ward, f"{where}.Wards[{w_index}]", code))
    return provinces, communes


def read_merger_map(path: Path) -> list[MergerEntry]:
    entries: list[MergerEntry] = []
    for index, item in enumerate(read_json(path)):
        where = f"[{index}]"
        parent = _field(path, item, "magoc", where)
        entries.append(
            MergerEntry(
                code=_field(path, item, "ma", where),
                name=_field(path, item, "ten", where),
                province_code=None if parent == "0" else parent,
                predecessors_text=_field(path, item, "truocsapnhap", where),
            )
        )
    return entries
