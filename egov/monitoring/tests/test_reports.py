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
