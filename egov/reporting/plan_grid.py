"""The year-plan grid (kế hoạch năm): a unit and the units directly under it (rows) by the
indicators of a form or of the whole catalogue (columns), as the table "giao chỉ tiêu kế
hoạch" is laid out on paper, and the same table as an XLSX to fill offline.

The workbook's sheet "Kế hoạch" has a heading, the indicators' names (row 6) and codes
(row 7, hidden), then one row per unit: number, name, organ code (``#id`` for a unit
without one), the plans. The hidden sheet "_meta" says it is a plan and for which year.
Rows and columns are read by their codes, so a sheet with rows moved still reads right;
a code that names nothing, or a unit outside the user's scope, is reported at its cell."""

from __future__ import annotations

import io
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import openpyxl
from django.utils.translation import gettext as _
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter

from egov.lib.errors import ActionError
from egov.lib.tabular import _sniff_xlsx, upload_content
from egov.organisations.models import OrgUnit
from egov.reporting import access
from egov.reporting.actions.plans import PlanCell, unit_key
from egov.reporting.models import Indicator, PlanTarget, ReportForm
from egov.reporting.queries import form_layout

SHEET = "Kế hoạch"
META = "_meta"
NAME_ROW = 6
CODE_ROW = 7
FIRST_ROW = 8
CODE_COLUMN = 3
FIRST_VALUE_COLUMN = 4
KIND = "ktxh-plan"


@dataclass
class PlanRow:
    unit: OrgUnit
    key: str
    values: list[Decimal | None]


@dataclass
class PlanSheet:
    year: int
    node: OrgUnit
    form: ReportForm | None
    indicators: list[Indicator]
    rows: list[PlanRow]


def planned_units(user: Any) -> list[OrgUnit]:
    """Current units whose plans ``user`` sets, in tree order (one query)."""
    return list(OrgUnit.objects.current().filter(access.plan_scope(user).q()).order_by("path"))


def indicators_for(form: ReportForm | None) -> list[Indicator]:
    """The form's indicators in paper order, or every indicator of the catalogue."""
    if form is None:
        return list(Indicator.objects.order_by("code"))
    return [row.indicator for _title, rows in form_layout(form) for row, _cells in rows]


def build_sheet(
    *, year: int, node: OrgUnit, units: list[OrgUnit], form: ReportForm | None
) -> PlanSheet:
    """``node`` and the units of ``units`` directly under it, with their plans (two
    queries after the indicators)."""
    shown = [
        node,
        *(u for u in units if u.depth == node.depth + 1 and u.path.startswith(node.path)),
    ]
    indicators = indicators_for(form)
    stored = {
        (u, i): v
        for u, i, v in PlanTarget.objects.filter(
            year=year, unit__in=shown, indicator__in=indicators
        ).values_list("unit_id", "indicator_id", "value")
    }
    rows = [
        PlanRow(unit, unit_key(unit), [stored.get((unit.pk, i.pk)) for i in indicators])
        for unit in shown
    ]
    return PlanSheet(year=year, node=node, form=form, indicators=indicators, rows=rows)


def build_xlsx(sheet: PlanSheet) -> bytes:
    workbook = openpyxl.Workbook()
    ws = workbook.active
    ws.title = SHEET
    bold = Font(bold=True)
    ws["A1"] = _("KẾ HOẠCH NĂM %(year)s") % {"year": sheet.year}
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = _("Đơn vị giao kế hoạch: %(unit)s") % {"unit": sheet.node.name}
    if sheet.form is not None:
        ws["A3"] = _("Các chỉ tiêu của biểu %(form)s") % {"form": sheet.form.code}
    ws["A4"] = _(
        "Nhập kế hoạch vào các ô trống; để trống ô là bỏ kế hoạch. Không sửa dòng mã (ẩn) "
        "và cột mã đơn vị."
    )
    for column, text in enumerate((_("STT"), _("Đơn vị"), _("Mã đơn vị")), start=1):
        ws.cell(row=NAME_ROW, column=column, value=text).font = bold
    ws.cell(row=CODE_ROW, column=CODE_COLUMN, value="#")
    for offset, indicator in enumerate(sheet.indicators):
        column = FIRST_VALUE_COLUMN + offset
        header = ws.cell(
            row=NAME_ROW, column=column, value=f"{indicator.name} ({indicator.unit_of_measure})"
        )
        header.font = bold
        header.alignment = Alignment(wrap_text=True, vertical="top")
        ws.cell(row=CODE_ROW, column=column, value=indicator.code)
        ws.column_dimensions[get_column_letter(column)].width = 18
    grey = PatternFill("solid", fgColor="F3F2F1")
    for index, row in enumerate(sheet.rows):
        number = FIRST_ROW + index
        ws.cell(row=number, column=1, value=index + 1)
        ws.cell(row=number, column=2, value=row.unit.name)
        ws.cell(row=number, column=CODE_COLUMN, value=row.key).fill = grey
        for offset, value in enumerate(row.values):
            cell = ws.cell(row=number, column=FIRST_VALUE_COLUMN + offset)
            cell.value = float(value) if value is not None else None
            cell.protection = Protection(locked=False)
    ws.column_dimensions["B"].width = 40
    ws.column_dimensions["C"].width = 14
    ws.row_dimensions[CODE_ROW].hidden = True
    meta = workbook.create_sheet(META)
    meta.append(["kind", KIND])
    meta.append(["year", sheet.year])
    meta.sheet_state = "hidden"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def read_xlsx(file: Any, *, year: int) -> list[PlanCell]:
    """Every plan cell of an uploaded plan workbook, by unit and indicator code; refused
    whole if it is not a plan workbook of ``year``. The values are checked by the action."""
    content = upload_content(file)
    if not content:
        raise ActionError(_("Tệp tải lên không có nội dung."), code="empty_file")
    _sniff_xlsx(content)
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(content), data_only=True, keep_links=False)
    except Exception as exc:  # openpyxl raises many kinds on a corrupt package
        raise ActionError(
            _("Tệp Excel bị hỏng hoặc không đọc được."), code="corrupt_excel"
        ) from exc
    meta: dict[str, str] = {}
    if META in workbook.sheetnames:
        meta = {
            str(row[0]): str(row[1])
            for row in workbook[META].iter_rows(values_only=True)
            if row and row[0] and len(row) > 1
        }
    if SHEET not in workbook.sheetnames or meta.get("kind") != KIND:
        raise ActionError(
            _("Tệp không phải bảng kế hoạch năm tải về từ hệ thống."), code="not_our_form"
        )
    if meta.get("year") != str(year):
        raise ActionError(
            _("Tệp là kế hoạch năm %(found)s, không phải năm %(year)s.")
            % {"found": meta.get("year", "?"), "year": year},
            code="other_year",
        )
    ws = workbook[SHEET]
    codes: list[tuple[int, str]] = []
    for column in range(FIRST_VALUE_COLUMN, ws.max_column + 1):
        code = ws.cell(row=CODE_ROW, column=column).value
        if code not in (None, ""):
            codes.append((column, str(code).strip()))
    cells: list[PlanCell] = []
    for number in range(FIRST_ROW, ws.max_row + 1):
        raw_key = ws.cell(row=number, column=CODE_COLUMN).value
        values = [
            (column, code, ws.cell(row=number, column=column).value) for column, code in codes
        ]
        if raw_key in (None, ""):
            if any(v not in (None, "") for _c, _code, v in values):
                raise ActionError(
                    _("Dòng %(row)s có kế hoạch nhưng thiếu mã đơn vị (ô %(ref)s).")
                    % {"row": number, "ref": f"{get_column_letter(CODE_COLUMN)}{number}"},
                    code="tampered_layout",
                )
            continue
        key = str(raw_key).strip()
        for column, code, value in values:
            cells.append(PlanCell(f"{get_column_letter(column)}{number}", key, code, value))
    return cells
