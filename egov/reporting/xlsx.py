"""The report form as an XLSX laid out like the paper form, and reading it back.

Sheet "Biểu" holds the heading, then one row per indicator (number, name, unit of measure,
code) and one column per breakdown cell; row 7 carries the breakdown codes. Sheet "_meta"
(hidden) names the form, unit and period and a signature of the layout, so an upload of
another form, unit or period, or with rows or columns moved, is refused before any value
is read."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from typing import Any

import openpyxl
from django.utils.translation import gettext as _
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter

from egov.lib.errors import ActionError
from egov.lib.tabular import upload_content
from egov.reporting.models import DataValue, Submission
from egov.reporting.queries import form_layout

SHEET = "Biểu"
META = "_meta"
CODE_ROW = 7
FIRST_ROW = 8
FIRST_VALUE_COLUMN = 5


@dataclass(frozen=True)
class Slot:
    """Where one cell of the form sits in the workbook."""

    row: int
    column: int
    indicator_id: int
    combo_id: int
    indicator_code: str
    combo_code: str

    @property
    def ref(self) -> str:
        return f"{get_column_letter(self.column)}{self.row}"


def layout_slots(
    submission: Submission,
) -> tuple[list[Slot], list[str], list[tuple[int, str, Any]]]:
    """Value slots, the breakdown codes by column, and the fixed rows (row, kind, object)."""
    slots: list[Slot] = []
    column_codes: list[str] = []
    fixed: list[tuple[int, str, Any]] = []
    row_number = FIRST_ROW
    for title, rows in form_layout(submission.form):
        fixed.append((row_number, "section", title))
        row_number += 1
        for form_row, combos in rows:
            fixed.append((row_number, "row", form_row))
            for offset, combo in enumerate(combos):
                if offset >= len(column_codes):
                    column_codes.append(combo.code)
                slots.append(
                    Slot(
                        row=row_number,
                        column=FIRST_VALUE_COLUMN + offset,
                        indicator_id=form_row.indicator_id,
                        combo_id=combo.pk,
                        indicator_code=form_row.indicator.code,
                        combo_code=combo.code,
                    )
                )
            row_number += 1
    return slots, column_codes, fixed


def signature(slots: list[Slot]) -> str:
    text = "|".join(f"{s.ref}={s.indicator_code}.{s.combo_code}" for s in slots)
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def build(submission: Submission) -> bytes:
    slots, codes, fixed = layout_slots(submission)
    values = {
        (v.indicator_id, v.combo_id): v.value
        for v in DataValue.objects.filter(unit=submission.unit, period=submission.period)
    }
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    bold = Font(bold=True)
    sheet["A1"] = submission.form.code
    sheet["A2"] = submission.form.name.upper()
    sheet["A2"].font = Font(bold=True, size=13)
    sheet["A3"] = _("Kỳ báo cáo: %(period)s") % {"period": submission.period.label}
    sheet["A4"] = _("Đơn vị báo cáo: %(unit)s") % {"unit": submission.unit.name}
    sheet["A5"] = _("Đơn vị nhận báo cáo: %(unit)s") % {"unit": submission.form.receiving_unit.name}
    headers = [_("STT"), _("Chỉ tiêu"), _("Đơn vị tính"), _("Mã")]
    names_by_column: dict[int, str] = {}
    for slot in slots:
        names_by_column.setdefault(slot.column, "")
    from egov.reporting.models import OptionCombo

    combo_names = dict(
        OptionCombo.objects.filter(pk__in={s.combo_id for s in slots}).values_list("pk", "name")
    )
    for slot in slots:
        current = names_by_column[slot.column]
        name = combo_names[slot.combo_id]
        if name not in current.split(" / "):
            names_by_column[slot.column] = f"{current} / {name}" if current else name
    for index, text in enumerate(headers, start=1):
        cell = sheet.cell(row=6, column=index, value=text)
        cell.font = bold
    for column, name in names_by_column.items():
        sheet.cell(row=6, column=column, value=name).font = bold
    for offset, code in enumerate(codes):
        sheet.cell(row=CODE_ROW, column=FIRST_VALUE_COLUMN + offset, value=code)
    sheet.cell(row=CODE_ROW, column=4, value="#")
    grey = PatternFill("solid", fgColor="F3F2F1")
    for row_number, kind, obj in fixed:
        if kind == "section":
            sheet.cell(row=row_number, column=2, value=obj).font = bold
            continue
        sheet.cell(row=row_number, column=1, value=obj.number)
        sheet.cell(row=row_number, column=2, value=obj.indicator.name).alignment = Alignment(
            wrap_text=True
        )
        sheet.cell(row=row_number, column=3, value=obj.indicator.unit_of_measure)
        sheet.cell(row=row_number, column=4, value=obj.indicator.code).fill = grey
    for slot in slots:
        cell = sheet.cell(row=slot.row, column=slot.column)
        value = values.get((slot.indicator_id, slot.combo_id))
        cell.value = float(value) if value is not None else None
        cell.protection = Protection(locked=False)
    sheet.column_dimensions["B"].width = 50
    sheet.column_dimensions["C"].width = 16
    sheet.row_dimensions[CODE_ROW].hidden = True
    meta = workbook.create_sheet(META)
    meta.append(["form", submission.form.code])
    meta.append(["unit", submission.unit_id])
    meta.append(["period", submission.period.code])
    meta.append(["layout", signature(slots)])
    meta.sheet_state = "hidden"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def read(submission: Submission, file: Any) -> dict[Slot, Any]:
    """The raw value of every slot of an uploaded workbook, after checking it is this
    submission's form, unit and period with the layout untouched."""
    from egov.lib.tabular import _sniff_xlsx  # the shared zip, macro and encryption checks

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
    if META not in workbook.sheetnames or SHEET not in workbook.sheetnames:
        raise ActionError(
            _("Tệp không phải biểu tải về từ hệ thống (thiếu trang “%(sheet)s”).")
            % {"sheet": META},
            code="not_our_form",
        )
    meta = {
        str(row[0]): str(row[1])
        for row in workbook[META].iter_rows(values_only=True)
        if row and row[0]
    }
    expected = {
        "form": submission.form.code,
        "unit": str(submission.unit_id),
        "period": submission.period.code,
    }
    for key, label in (("form", _("biểu")), ("unit", _("đơn vị")), ("period", _("kỳ báo cáo"))):
        if meta.get(key) != expected[key]:
            raise ActionError(
                _("Tệp là %(what)s khác (%(found)s), không phải %(expected)s.")
                % {"what": label, "found": meta.get(key, "?"), "expected": expected[key]},
                code="other_form",
            )
    slots, column_codes, fixed = layout_slots(submission)
    sheet = workbook[SHEET]
    for row_number, kind, obj in fixed:
        if kind == "row" and sheet.cell(row=row_number, column=4).value != obj.indicator.code:
            raise ActionError(
                _("Ô D%(row)s phải là mã chỉ tiêu “%(code)s”: bố cục biểu đã bị thay đổi.")
                % {"row": row_number, "code": obj.indicator.code},
                code="tampered_layout",
            )
    for offset, code in enumerate(column_codes):
        column = FIRST_VALUE_COLUMN + offset
        if sheet.cell(row=CODE_ROW, column=column).value != code:
            raise ActionError(
                _("Ô %(ref)s phải là mã phân tổ “%(code)s”: bố cục biểu đã bị thay đổi.")
                % {"ref": f"{get_column_letter(column)}{CODE_ROW}", "code": code},
                code="tampered_layout",
            )
    if meta.get("layout") != signature(slots):
        raise ActionError(
            _("Biểu đã thay đổi từ khi tệp được tải về; hãy tải biểu mới."), code="tampered_layout"
        )
    return {slot: sheet.cell(row=slot.row, column=slot.column).value for slot in slots}
