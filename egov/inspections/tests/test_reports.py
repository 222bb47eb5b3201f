"""The printed report (biên bản) read back from the PDF, and the findings XLSX."""

from __future__ import annotations

import io
from typing import Any

import openpyxl
import pytest
from pypdf import PdfReader

from egov.inspections.actions import findings
from egov.inspections.tests.helpers import concluded_with_finding

pytestmark = pytest.mark.django_db


def _text(content: bytes) -> str:
    return " ".join(
        " ".join((page.extract_text() or "").split())
        for page in PdfReader(io.BytesIO(content)).pages
    )


def test_the_report_pdf_has_the_administrative_heading_checklist_indicators_and_findings(
    team: Any, client_for: Any
) -> None:
    inspection, _finding = concluded_with_finding(team)
    response = client_for(team.member).get(f"/kiem-tra/cuoc/{inspection.pk}/bien-ban.pdf")
    assert response["Content-Type"] == "application/pdf"
    text = _text(response.content)
    for expected in (
        "ỦY BAN NHÂN DÂN TỈNH AN GIANG",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "An Giang, ngày 02 tháng 03 năm 2026",
        "BIÊN BẢN KIỂM TRA",
        "Sở Nội vụ",
        "Số: ....../BB-TKT",
        "Tỷ lệ văn bản điện tử",
        "TỒN TẠI, HẠN CHẾ VÀ YÊU CẦU KHẮC PHỤC",
        "Chưa giao việc qua thư điện tử công vụ",
        "01/05/2026",
        "Cơ bản đạt yêu cầu.",
    ):
        assert expected in text, expected


def test_the_report_is_not_printed_before_the_conclusion(team: Any, client_for: Any) -> None:
    response = client_for(team.member).get(f"/kiem-tra/cuoc/{team.snv.pk}/bien-ban.pdf")
    assert response.status_code == 404


def test_the_findings_xlsx_lists_each_finding_with_its_deadline_and_state(
    world: Any, team: Any, client_for: Any
) -> None:
    _inspection, finding = concluded_with_finding(team)
    findings.report_fix(actor=world.leader, finding=finding, note="Đã khắc phục")
    response = client_for(team.inspector).get("/kiem-tra/ton-tai/?format=xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Cơ quan được kiểm tra", "Kế hoạch", "Tồn tại, hạn chế")
    assert rows[1][0] == "Sở Nội vụ"
    assert rows[1][2] == "Chưa giao việc qua thư điện tử công vụ"
    assert rows[1][6].date().isoformat() == "2026-05-01"
    assert rows[1][8] == "Đã báo cáo khắc phục"
    assert len(rows) == 2


def test_the_plans_xlsx_has_a_row_per_inspected_agency(team: Any, client_for: Any) -> None:
    response = client_for(team.inspector).get("/kiem-tra/?format=xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Số, ký hiệu"
    assert [(r[0], r[4], r[6]) for r in rows[1:]] == [
        ("01/KH-TKT", "Sở Nội vụ", "Theo kế hoạch"),
        ("01/KH-TKT", "Ủy ban nhân dân xã Định Mỹ", "Theo kế hoạch"),
    ]


def test_the_agency_downloads_its_own_findings(world: Any, team: Any, client_for: Any) -> None:
    concluded_with_finding(team)
    response = client_for(world.leader).get("/kiem-tra/co-quan/?format=xlsx")
    rows = list(
        openpyxl.load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True)
    )
    assert [r[2] for r in rows[1:]] == ["Chưa giao việc qua thư điện tử công vụ"]
