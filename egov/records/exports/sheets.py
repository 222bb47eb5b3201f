"""A :class:`~egov.records.reports.Sheet` printed to A4 PDF or written to XLSX."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
from django.utils.translation import gettext as _
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from egov.records.exports.render import Watermark
from egov.records.exports.tables import table_pdf
from egov.records.reports import Cell, Sheet

_FORMULA_START = ("=", "+", "-", "@")


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def column_widths(columns: list[str], rows: list[list[str]], sample: int = 300) -> list[float]:
    """Percent widths from the average text length of the first rows, at least the longest
    word seen (so "01/SNV-CCVC" is not broken), so a long register is laid out without
    measuring every cell."""
    weights = []
    for index, header in enumerate(columns):
        values = [row[index] for row in rows[:sample]]
        average = sum(len(v) for v in values) / len(values) if values else 0
        words = [word for text in [header, *values] for word in text.split()]
        longest = min(max((len(word) for word in words), default=4), 18)
        weights.append(max(min(average, 80), longest * 1.3, 5) + 2)
    total = sum(weights)
    return [round(100 * weight / total, 2) for weight in weights]


def sheet_pdf(sheet: Sheet, watermark: Watermark) -> bytes:
    rows = [[_text(v) for v in row] for row in sheet.rows]
    return table_pdf(
        organ=sheet.unit.name,
        title=sheet.title,
        subtitle=sheet.period,
        columns=sheet.columns,
        rows=rows,
        totals=[_text(v) for v in sheet.totals] if sheet.totals else None,
        numeric=sheet.numeric,
        widths=column_widths(sheet.columns, rows),
        notes=sheet.notes,
        watermark=watermark,
        empty=_("Không có văn bản nào trong kỳ."),
        landscape_page=sheet.landscape,
    )


def _safe(value: Cell) -> Cell:
    # Text that a spreadsheet would run as a formula is kept as text.
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def sheet_xlsx(sheet: Sheet, watermark: Watermark) -> bytes:
    """Title, agency and period on top, the printed-by line, then the table with a bold
    header row repeated on every printed page; A4 landscape, the watermark in the footer."""
    workbook = openpyxl.Workbook()
    ws = workbook.active
    ws.title = sheet.title[:31]
    width = len(sheet.columns)
    ws.append([sheet.unit.name.upper()])
    ws.append([sheet.title.upper()])
    ws.append([sheet.period])
    ws.append([watermark.text])
    ws.append([])
    header_row = 6  # openpyxl's max_row scans every cell: rows are counted here instead
    ws.append(sheet.columns)
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for column in range(1, width + 1):
        cell = ws.cell(row=header_row, column=column)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
        cell.border = border
    wrap = Alignment(wrap_text=True, vertical="top")
    current = header_row
    for row in sheet.rows:
        ws.append([_safe(v) for v in row])
        current += 1
        for column in range(1, width + 1):
            cell = ws.cell(row=current, column=column)
            cell.border = border
            cell.alignment = wrap
            if isinstance(cell.value, dt.date):
                cell.number_format = "DD/MM/YYYY"
    if sheet.totals:
        ws.append([_safe(v) for v in sheet.totals])
        current += 1
        bold = Font(bold=True)
        for column in range(1, width + 1):
            ws.cell(row=current, column=column).font = bold
    for note in sheet.notes:
        ws.append([note])
    ws["A1"].font = Font(bold=True)
    ws["A2"].font = Font(bold=True, size=13)
    for column in range(1, width + 1):
        longest = max(
            [len(_text(r[column - 1])) for r in sheet.rows[:200]] + [len(sheet.columns[column - 1])]
        )
        ws.column_dimensions[get_column_letter(column)].width = min(max(10, longest * 0.9), 60)
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if sheet.landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.oddFooter.left.text = watermark.text
    ws.oddFooter.right.text = _("Trang &P/&N")
    ws.oddHeader.center.text = watermark.text
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
