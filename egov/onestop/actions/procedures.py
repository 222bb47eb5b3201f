"""Importing the procedure catalogue (from the national database's export, or a
province's own sheet): CSV, XLSX or JSON, all or nothing, with a report row by row.

One row per procedure. Columns (Vietnamese headers, any case, with or without accents):
``Mã thủ tục``, ``Tên thủ tục``, ``Mã lĩnh vực``, ``Lĩnh vực``, ``Cơ quan tiếp nhận`` (organ
codes separated by ``;``), ``Thời hạn`` (a number), ``Đơn vị thời hạn`` (``ngày`` or ``giờ``),
``Phí, lệ phí`` (đồng), ``Ghi chú phí``, ``Mức độ`` (``toàn trình``, ``một phần`` or
``không``), ``Thành phần hồ sơ`` (names separated by ``;``, an optional one ending with
``(nếu có)``), ``Các bước`` (``name | organ code or empty | share`` separated by ``;``).
JSON: a list of objects with the keys below, lists for documents and steps allowed.
A code already in the catalogue is updated (documents and steps replaced).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from egov.audit.service import record
from egov.lib import tabular
from egov.lib.errors import ActionError
from egov.lib.text import fold
from egov.onestop import access, audit_names
from egov.onestop.choices import OnlineLevel, TimeUnit
from egov.onestop.models import Procedure, ProcedureDocument, ProcedureStep
from egov.organisations.models import OrgUnit

COLUMNS: dict[str, tuple[str, ...]] = {
    "code": ("Mã thủ tục", "ma", "code", "Mã TTHC"),
    "name": ("Tên thủ tục", "ten", "name", "Tên TTHC"),
    "field_code": ("Mã lĩnh vực", "ma linh vuc", "field_code"),
    "field_name": ("Lĩnh vực", "linh vuc", "field_name"),
    "agencies": ("Cơ quan tiếp nhận", "co quan", "agencies"),
    "time_limit": ("Thời hạn", "thoi han", "time_limit"),
    "time_unit": ("Đơn vị thời hạn", "don vi thoi han", "time_unit"),
    "fee_amount": ("Phí, lệ phí", "phi le phi", "fee_amount"),
    "fee_note": ("Ghi chú phí", "fee_note"),
    "online_level": ("Mức độ", "muc do", "online_level"),
    "documents": ("Thành phần hồ sơ", "thanh phan ho so", "documents"),
    "steps": ("Các bước", "cac buoc", "steps"),
}
REQUIRED = ("code", "name", "field_name", "agencies", "time_limit", "online_level")
OPTIONAL_MARK = "(nếu có)"


@dataclass
class ParsedProcedure:
    row: int
    code: str
    name: str
    field_code: str
    field_name: str
    agencies: list[OrgUnit]
    time_limit: int
    time_unit: str
    fee_amount: int
    fee_note: str
    online_level: str
    documents: list[tuple[str, bool]]
    steps: list[tuple[str, OrgUnit | None, int]]


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def _level(value: str) -> str | None:
    folded = fold(value)
    if folded in ("toan trinh", "full"):
        return OnlineLevel.FULL
    if folded in ("mot phan", "partial"):
        return OnlineLevel.PARTIAL
    if folded in ("khong", "none", ""):
        return OnlineLevel.NONE
    return None


def _unit(value: str) -> str | None:
    folded = fold(value)
    if folded in ("", "ngay", "ngay lam viec", "working_days"):
        return TimeUnit.WORKING_DAYS
    if folded in ("gio", "gio lam viec", "working_hours"):
        return TimeUnit.WORKING_HOURS
    return None


def _split(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return [part.strip() for part in str(value or "").split(";") if part.strip()]


def _int(value: Any) -> int | None:
    try:
        number = int(float(str(value).replace(".", "").replace(",", "")) if value != "" else 0)
    except ValueError:
        return None
    return number if number >= 0 else None


def _parse(row: int, values: dict[str, Any], units: dict[str, OrgUnit]) -> ParsedProcedure | str:
    text = {
        key: str(values.get(key) or "").strip()
        for key in COLUMNS
        if key not in ("documents", "steps")
    }
    for key in REQUIRED:
        if not text.get(key):
            return _("thiếu “%(column)s”") % {"column": COLUMNS[key][0]}
    agencies = []
    for code in _split(values.get("agencies")):
        unit = units.get(code.upper())
        if unit is None:
            return _("không có cơ quan mã “%(code)s”") % {"code": code}
        agencies.append(unit)
    limit = _int(text["time_limit"])
    if limit is None or limit == 0:
        return _("thời hạn “%(value)s” không phải số dương") % {"value": text["time_limit"]}
    time_unit = _unit(text["time_unit"])
    if time_unit is None:
        return _("đơn vị thời hạn “%(value)s” phải là “ngày” hoặc “giờ”") % {
            "value": text["time_unit"]
        }
    level = _level(text["online_level"])
    if level is None:
        return _("mức độ “%(value)s” phải là “toàn trình”, “một phần” hoặc “không”") % {
            "value": text["online_level"]
        }
    fee = _int(text["fee_amount"] or "0")
    if fee is None:
        return _("phí “%(value)s” không phải số") % {"value": text["fee_amount"]}
    documents = []
    for name in _split(values.get("documents")):
        optional = name.lower().endswith(OPTIONAL_MARK)
        documents.append((name[: -len(OPTIONAL_MARK)].strip() if optional else name, not optional))
    steps: list[tuple[str, OrgUnit | None, int]] = []
    raw_steps = values.get("steps")
    for part in raw_steps if isinstance(raw_steps, list) else _split(raw_steps):
        bits = part if isinstance(part, list) else [b.strip() for b in str(part).split("|")]
        if len(bits) != 3:
            return _("bước “%(step)s” phải có dạng “tên | mã cơ quan | thời gian”") % {"step": part}
        step_unit = None
        if str(bits[1]).strip():
            step_unit = units.get(str(bits[1]).strip().upper())
            if step_unit is None:
                return _("không có cơ quan mã “%(code)s”") % {"code": bits[1]}
        share = _int(bits[2])
        if share is None:
            return _("thời gian của bước “%(step)s” không phải số") % {"step": bits[0]}
        steps.append((str(bits[0]).strip(), step_unit, share))
    if sum(s[2] for s in steps) > limit:
        return _("tổng thời gian các bước (%(sum)s) vượt thời hạn (%(limit)s)") % {
            "sum": sum(s[2] for s in steps),
            "limit": limit,
        }
    return ParsedProcedure(
        row=row,
        code=text["code"],
        name=text["name"],
        field_code=text["field_code"],
        field_name=text["field_name"],
        agencies=agencies,
        time_limit=limit,
        time_unit=time_unit,
        fee_amount=fee,
        fee_note=text["fee_note"],
        online_level=level,
        documents=documents,
        steps=steps,
    )


def _rows(content: bytes, filename: str) -> list[tuple[int, dict[str, Any]]]:
    if filename.lower().endswith(".json"):
        try:
            data = json.loads(content.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ActionError(
                _("Tệp JSON không đọc được: %(error)s") % {"error": exc}, code="bad_json"
            ) from None
        if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
            raise ActionError(_("Tệp JSON phải là một danh sách các thủ tục."), code="bad_json")
        return [(index + 1, item) for index, item in enumerate(data)]
    table = tabular.read_table(content, filename, columns=COLUMNS, required=REQUIRED)
    return [(row.number, dict(row.values)) for row in table.rows]


def import_procedures(*, actor: Any, content: bytes, filename: str) -> ImportReport:
    """Parse the whole file, then write it in one transaction, or nothing when a row is
    wrong (the report lists every wrong row)."""
    if actor is not None and not access.can_manage_catalogue(actor):
        raise ActionError(_("Chỉ quản trị hệ thống được nhập danh mục thủ tục."), code="forbidden")
    rows = _rows(content, filename)
    units = {u.organ_code.upper(): u for u in OrgUnit.objects.current().exclude(organ_code="")}
    report = ImportReport()
    parsed: list[ParsedProcedure] = []
    seen: dict[str, int] = {}
    for number, values in rows:
        result = _parse(number, values, units)
        if isinstance(result, str):
            report.errors.append((number, result))
            continue
        if result.code in seen:
            report.errors.append(
                (
                    number,
                    _("mã “%(code)s” trùng dòng %(row)s")
                    % {"code": result.code, "row": seen[result.code]},
                )
            )
            continue
        seen[result.code] = number
        parsed.append(result)
    if not rows:
        report.errors.append((0, _("tệp không có dòng dữ liệu nào")))
    if report.errors:
        return report
    with transaction.atomic():
        for item in parsed:
            procedure, created = Procedure.objects.update_or_create(
                code=item.code,
                defaults={
                    "name": item.name,
                    "field_code": item.field_code,
                    "field_name": item.field_name,
                    "time_limit": item.time_limit,
                    "time_unit": item.time_unit,
                    "fee_amount": item.fee_amount,
                    "fee_note": item.fee_note,
                    "online_level": item.online_level,
                    "is_active": True,
                },
            )
            procedure.agencies.set(item.agencies)
            procedure.documents.all().delete()
            procedure.steps.all().delete()
            ProcedureDocument.objects.bulk_create(
                ProcedureDocument(procedure=procedure, position=i, name=name, required=req)
                for i, (name, req) in enumerate(item.documents, start=1)
            )
            ProcedureStep.objects.bulk_create(
                ProcedureStep(procedure=procedure, position=i, name=name, unit=unit, share=share)
                for i, (name, unit, share) in enumerate(item.steps, start=1)
            )
            if created:
                report.created += 1
            else:
                report.updated += 1
        record(
            action=audit_names.PROCEDURE_IMPORT,
            actor=actor,
            object_type="onestop.procedure",
            object_repr=filename,
            note=_("%(created)s mới, %(updated)s cập nhật")
            % {"created": report.created, "updated": report.updated},
        )
    return report
