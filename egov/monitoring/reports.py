"""The six-monthly and yearly report on IT use, in the administrative format (Nghị định
30/2020/NĐ-CP): the issuing body and the number/notation left for the clerk, the national
motto, the title, the body with the indicator tables, the recipients and the signature
block left for the leader, who edits and signs it through the e-office. DOCX through
python-docx, PDF through WeasyPrint; each with its charts (``charts``): every agency's
electronic-document share against its target, and the province's indicators against
theirs."""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from egov.monitoring import access, indicators, queries
from egov.monitoring.indicators import Period
from egov.monitoring.queries import Measure
from egov.organisations.models import OrgUnit

if TYPE_CHECKING:
    from egov.monitoring.charts import Chart

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
    charts: list[Chart] = field(default_factory=list)


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
    agencies = queries.table(
        list(access.all_agencies()), period, province=False, codes=list(AGENCY_COLUMNS)
    )
    data = ReportData(
        issuer=root.name.upper() if root else "",
        title=title,
        period=period,
        province=queries.measures(None, period),
        agencies=[(row.unit.name if row.unit else "", row.measures) for row in agencies],
    )
    data.charts = report_charts(data)
    return data


#: The indicator of the per-agency chart (seed 001: 50% of documents sent and received
#: electronically).
CHART_CODE = "edoc_electronic_share"


def report_charts(data: ReportData) -> list[Chart]:
    """Each agency's electronic-document share against the target, the province's
    indicators in % against theirs."""
    from egov.monitoring import charts

    column = AGENCY_COLUMNS.index(CHART_CODE)
    shares = [measures[column] for _name, measures in data.agencies]
    target = next((float(m.target) for m in shares if m.target is not None), None)
    drawn = [
        charts.agency_bars(
            [name for name, _measures in data.agencies],
            [m.value for m in shares],
            target=target,
            name=str(indicators.INDICATORS[CHART_CODE].name),
        )
    ]
    percent = [
        (
            str(m.indicator.name),
            m.value,
            float(m.target) if m.target is not None else None,
            m.met,
        )
        for m in data.province
        if m.indicator.unit == "percent" and m.value is not None
    ]
    if percent:
        drawn.append(charts.against_targets(percent))
    return drawn


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
    for chart in data.charts[1:]:
        _picture(document, chart)
    document.add_paragraph(_("II. KẾT QUẢ THEO CƠ QUAN")).runs[0].bold = True
    _table(document, agency_headers(), agency_rows(data))
    for chart in data.charts[:1]:
        _picture(document, chart)
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


def _picture(document: object, chart: Chart) -> None:
    """The chart's PNG 16 cm wide, its text alternative as the picture's description and
    as a caption under it."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    document.add_picture(io.BytesIO(chart.png), width=Cm(16))  # type: ignore[attr-defined] # python-docx is untyped
    shape = document.inline_shapes[-1]  # type: ignore[attr-defined]
    shape._inline.docPr.set("descr", f"{chart.title}. {chart.description}")
    document.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER  # type: ignore[attr-defined]
    caption = document.add_paragraph(f"{chart.title}. {chart.description}")  # type: ignore[attr-defined]
    caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
    caption.runs[0].italic = True


def svg_uri(chart: Chart) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(chart.svg.encode()).decode()


def pdf_bytes(data: ReportData) -> bytes:
    import weasyprint  # imported here: loading Pango costs about 0.2 s

    html = render_to_string(
        "monitoring/report_print.html",
        {
            "data": data,
            "province_rows": province_rows(data),
            "agency_headers": agency_headers(),
            "agency_rows": agency_rows(data),
            "province_charts": [(c, svg_uri(c)) for c in data.charts[1:]],
            "agency_charts": [(c, svg_uri(c)) for c in data.charts[:1]],
        },
    )
    pdf: bytes = weasyprint.HTML(string=html, base_url=None).write_pdf()
    return pdf
