"""The six-monthly and yearly report on IT use, in the administrative format (Nghị định
30/2020/NĐ-CP): the issuing body and the number/notation left for the clerk, the national
motto, the title, the body with the indicator tables, the recipients and the signature
block left for the leader, who edits and signs it through the e-office. DOCX through
python-docx, PDF through WeasyPrint."""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from egov.monitoring import access, indicators, queries
from egov.monitoring.indicators import Period
from egov.monitoring.queries import Measure
from egov.organisations.models import OrgUnit

HALF = "half"
YEAR = "year"
#: The indicators of the per-agency table (the full set is in the provincial table).
AGENCY_COLUMNS = ("edoc_electronic_share", "edoc_overdue_rate", "onestop_on_time_rate")


@dataclass
class ReportData:
    issuer: str
    title: str
    period: Period
    province: list[Measure]
    agencies: list[tuple[str, list[Measure]]]


def period_of(kind: str, year: int) -> Period:
    if kind == HALF:
        return Period(Period.year(year).date_from, Period.month(year, 6).date_to)
    return Period.year(year)


def report_data(kind: str, year: int) -> ReportData:
    period = period_of(kind, year)
    root = OrgUnit.objects.filter(depth=1, valid_to__isnull=True).order_by("path").first()
    title = (
        _("Tình hình ứng dụng công nghệ thông tin 6 tháng đầu năm %(year)s")
        if kind == HALF
        else _("Tình hình ứng dụng công nghệ thông tin năm %(year)s")
    ) % {"year": year}
    return ReportData(
        issuer=root.name.upper() if root else "",
        title=title,
        period=period,
        province=queries.measures(None, period),
        agencies=[
            (unit.name, [queries.measure(code, unit, period) for code in AGENCY_COLUMNS])
            for unit in access.all_agencies()
        ],
    )


def _value(m: Measure) -> str:
    if m.value is None:
        return _("không có dữ liệu")
    suffix = "%" if m.indicator.unit == "percent" else ""
    return f"{m.value:g}{suffix}".replace(".", ",")


def _target(m: Measure) -> str:
    return "" if m.target is None else f"{m.target.normalize():f}".replace(".", ",")


def _gap(m: Measure) -> str:
    if m.gap is None:
        return ""
    return _("đạt") if m.met else f"{m.gap:g}".replace(".", ",")


def agency_headers() -> list[str]:
    return [_("Cơ quan")] + [str(indicators.INDICATORS[c].name) for c in AGENCY_COLUMNS]


def province_rows(data: ReportData) -> list[list[str]]:
    return [[str(m.indicator.name), _value(m), _target(m), _gap(m)] for m in data.province]


def agency_rows(data: ReportData) -> list[list[str]]:
    return [[name] + [_value(m) for m in measures] for name, measures in data.agencies]


def docx_bytes(data: ReportData) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = Document()
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    heading = document.add_table(rows=1, cols=2)
    left, right = heading.rows[0].cells
    left.text = f"{data.issuer}\n{_('Số: ....../BC-UBND')}"
    right.text = "\n".join(
        [
            _("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            _("Độc lập - Tự do - Hạnh phúc"),
            _("......, ngày ... tháng ... năm ......"),
        ]
    )
    for cell in (left, right):
        for paragraph in cell.paragraphs:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run(_("BÁO CÁO") + "\n").bold = True
    title.add_run(data.title).bold = True
    document.add_paragraph(
        _("Kỳ báo cáo: %(period)s. Số liệu lấy từ các hệ thống dùng chung của tỉnh.")
        % {"period": str(data.period)}
    )
    document.add_paragraph(_("I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU TOÀN TỈNH")).runs[0].bold = True
    _table(
        document,
        [_("Chỉ tiêu"), _("Kết quả"), _("Mục tiêu"), _("Còn thiếu so với mục tiêu")],
        province_rows(data),
    )
    document.add_paragraph(_("II. KẾT QUẢ THEO CƠ QUAN")).runs[0].bold = True
    _table(document, agency_headers(), agency_rows(data))
    document.add_paragraph(_("III. ĐÁNH GIÁ, ĐỀ XUẤT, KIẾN NGHỊ")).runs[0].bold = True
    document.add_paragraph(_("(Lãnh đạo bổ sung nội dung đánh giá và kiến nghị.)"))
    closing = document.add_table(rows=1, cols=2)
    closing.rows[0].cells[0].text = _("Nơi nhận:\n- ......;\n- Lưu: VT.")
    closing.rows[0].cells[1].text = _("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\n\n(Ký, ghi rõ họ tên)")
    for paragraph in closing.rows[0].cells[1].paragraphs:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _table(document: object, headers: list[str], rows: list[list[str]]) -> None:
    table = document.add_table(rows=1, cols=len(headers))  # type: ignore[attr-defined] # python-docx is untyped
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text


def pdf_bytes(data: ReportData) -> bytes:
    import weasyprint  # imported here: loading Pango costs about 0.2 s

    html = render_to_string(
        "monitoring/report_print.html",
        {
            "data": data,
            "province_rows": province_rows(data),
            "agency_headers": agency_headers(),
            "agency_rows": agency_rows(data),
        },
    )
    pdf: bytes = weasyprint.HTML(string=html, base_url=None).write_pdf()
    return pdf
