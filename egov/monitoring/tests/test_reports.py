"""The periodic report as DOCX and PDF, for provincial viewers only."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from docx import Document

from egov.monitoring.tests.helpers import register

pytestmark = pytest.mark.django_db


def test_the_six_monthly_report_is_an_administrative_docx_with_the_tables(
    world: Any, client_for: Any
) -> None:
    register(world, channel="exchange", day=dt.date(2026, 3, 10))
    register(world, channel="paper", day=dt.date(2026, 8, 10))
    response = client_for(world.admin).get("/monitoring/bao-cao/?kind=half&year=2026&format=docx")
    assert response["Content-Disposition"].endswith('bao-cao-cntt-6-thang-2026.docx"')
    document = Document(io.BytesIO(response.content))
    heading = document.tables[0].rows[0].cells
    assert "ỦY BAN NHÂN DÂN TỈNH AN GIANG" in heading[0].text
    assert "Số: ....../BC-UBND" in heading[0].text
    assert "Độc lập - Tự do - Hạnh phúc" in heading[1].text
    text = "\n".join(p.text for p in document.paragraphs)
    assert "6 tháng đầu năm 2026" in text
    assert "01/01/2026 – 30/06/2026" in text
    province = document.tables[1]
    share = next(r for r in province.rows if r.cells[0].text.startswith("Tỷ lệ văn bản điện tử"))
    # Only the March document is in the first half: 100%, the target 50% is met.
    assert [c.text for c in share.cells[1:]] == ["100%", "50", "đạt"]
    agencies = {r.cells[0].text: r.cells[1].text for r in document.tables[2].rows}
    assert agencies["Sở Nội vụ"] == "100%"
    assert agencies["Sở Tài chính"] == "không có dữ liệu"


def test_the_yearly_report_prints_to_pdf(world: Any, client_for: Any) -> None:
    register(world, channel="exchange", day=dt.date(2026, 3, 10))
    admin = client_for(world.admin)
    assert admin.get("/monitoring/bao-cao/").status_code == 200
    response = admin.get("/monitoring/bao-cao/?kind=year&year=2026&format=pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_an_agency_leader_does_not_get_the_provincial_report(world: Any, client_for: Any) -> None:
    leader = client_for(world.leader)
    assert leader.get("/monitoring/bao-cao/?format=docx").status_code == 404
    assert client_for(world.clerk).get("/monitoring/bao-cao/").status_code == 404


def _report_world(world: Any) -> None:
    """Sở Nội vụ: three of four documents electronic (75%); Sở Tài chính: one of two (50%);
    the others none: no data."""
    for channel in ("exchange", "exchange", "exchange", "paper"):
        register(world, channel=channel, day=dt.date(2026, 3, 10))
    for channel in ("exchange", "paper"):
        register(world, channel=channel, day=dt.date(2026, 4, 10), unit=world.finance)


def test_the_docx_report_carries_the_charts_next_to_the_tables(world: Any, client_for: Any) -> None:
    from egov.monitoring import indicators, queries
    from egov.monitoring.indicators import Period

    _report_world(world)
    response = client_for(world.admin).get("/monitoring/bao-cao/?kind=year&year=2026&format=docx")
    document = Document(io.BytesIO(response.content))
    shapes = document.inline_shapes
    assert len(shapes) == 2
    for shape in shapes:
        blob = document.part.related_parts[
            shape._inline.graphic.graphicData.pic.blipFill.blip.embed
        ].blob
        assert blob.startswith(b"\x89PNG")
        assert len(blob) > 5000
    descriptions = [shape._inline.docPr.get("descr") for shape in shapes]
    # The province chart: every percent indicator with data, one of them with a target.
    percent = [
        m
        for m in queries.measures(None, Period.year(2026))
        if m.indicator.unit == "percent" and m.value is not None
    ]
    assert f"{len(percent)} chỉ tiêu tính theo tỷ lệ phần trăm có số liệu" in descriptions[0]
    # The agency chart: two agencies with data, none below the 50% target.
    assert "2 cơ quan có số liệu, 0 cơ quan dưới mục tiêu" in descriptions[1]
    share = indicators.INDICATORS["edoc_electronic_share"]
    text = "\n".join(p.text for p in document.paragraphs)
    assert str(share.name) in text
    agencies = {r.cells[0].text: r.cells[1].text for r in document.tables[2].rows}
    assert agencies["Sở Nội vụ"] == "75%"
    assert agencies["Sở Tài chính"] == "50%"
    province = document.tables[1]
    row = next(r for r in province.rows if r.cells[0].text == str(share.name))
    value = indicators.electronic_share(None, Period.year(2026))
    assert row.cells[1].text == f"{value:g}%".replace(".", ",")


def test_the_pdf_report_draws_the_charts_as_text_bearing_vectors(
    world: Any, client_for: Any
) -> None:
    from pypdf import PdfReader

    _report_world(world)
    response = client_for(world.admin).get("/monitoring/bao-cao/?kind=year&year=2026&format=pdf")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "BÁO CÁO" in text
    assert "75%" in text  # the agency table
    # Only the chart's legend says "Mục tiêu 50%"; its axis names the agencies again.
    assert "Mục tiêu 50%" in text
    assert text.count("Sở Tài chính") >= 2


def test_a_chart_of_many_agencies_counts_them_by_band() -> None:
    from egov.monitoring import charts

    values: list[float | None] = [float(n % 100) for n in range(120)] + [None, None]
    labels = [f"Xã {n}" for n in range(len(values))]
    chart = charts.agency_bars(labels, values, target=50.0, name="Tỷ lệ văn bản điện tử")
    assert chart.png.startswith(b"\x89PNG")
    assert "số cơ quan theo khoảng giá trị" in chart.title
    below = sum(1 for v in values if v is not None and v < 50)
    assert chart.description.startswith(f"120 cơ quan có số liệu, {below} cơ quan dưới mục tiêu")
    assert "2 cơ quan không có dữ liệu" in chart.description
    assert "Xã 7" not in chart.svg
    assert "40–50%" in chart.svg
