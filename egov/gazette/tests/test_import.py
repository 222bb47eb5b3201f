"""Importing documents from CSV/XLSX: all or nothing, with a row-by-row report; the demo."""

from __future__ import annotations

import io
from typing import Any

import openpyxl
import pytest

from egov.gazette import queries
from egov.gazette.actions.importing import import_documents
from egov.gazette.choices import DocState, Validity
from egov.gazette.models import LegalDocument
from egov.gazette.testing import make_document

pytestmark = pytest.mark.django_db

HEADER = (
    "Số ký hiệu,Loại văn bản,Cơ quan ban hành,Ngày ban hành,Ngày có hiệu lực,"
    "Ngày hết hiệu lực,Trích yếu,Chức danh,Người ký,Lĩnh vực,Thay thế,Căn cứ,Toàn văn"
)


def csv(*rows: str) -> bytes:
    return ("\n".join([HEADER, *rows]) + "\n").encode("utf-8")


GOOD = [
    "01/2025/QĐ-UBND,Quyết định,Ủy ban nhân dân tỉnh An Giang,10/01/2025,20/01/2025,,"
    "Quy định về quản lý cảng cá,Phó Chủ tịch,Lê Văn A,Nông nghiệp; nông thôn,,Luật Thủy sản,"
    "Điều 1. Cảng cá",
    "02/2025/QĐ-UBND,quyet dinh,UBND tỉnh An Giang,15/02/2025,01/03/2025,,"
    "Quy định về cảng cá thay thế quy định cũ,Phó Chủ tịch,Lê Văn A,,01/2025/QĐ-UBND,,Điều 1.",
]


def test_a_good_file_creates_every_document_with_relations_and_publishes_them(
    gazette: Any,
) -> None:
    content = csv(GOOD[0].replace("Nông nghiệp; nông thôn", '"Nông nghiệp, nông thôn"'), GOOD[1])
    report = import_documents(
        actor=gazette.editor, content=content, filename="vb.csv", publish=True
    )
    assert report.ok, [r.problems for r in report.rows]
    assert [d.code for d in report.created] == ["01/2025/QĐ-UBND", "02/2025/QĐ-UBND"]
    first, second = report.created
    first.refresh_from_db()
    assert first.state == DocState.PUBLISHED
    assert first.relations.get().target_label == "Luật Thủy sản"
    assert second.relations.get().target == first
    assert queries.document_status(first) == Validity.EXPIRED


def test_a_file_with_one_bad_row_writes_nothing_and_reports_each_row(gazette: Any) -> None:
    make_document(gazette.world.province, number=5, year=2025)
    content = csv(
        GOOD[0].replace("Nông nghiệp; nông thôn", ""),
        "05/2025/QĐ-UBND,Quyết định,UBND tỉnh An Giang,10/01/2025,20/01/2025,,Trùng số,"
        "Chủ tịch,B,,,",
        "06/2025/QĐ-UBND,Chỉ thị,UBND tỉnh An Giang,10/01/2025,20/01/2025,,Loại lạ,Chủ tịch,B,,,",
        "07/2025/QĐ-UBND,Quyết định,UBND tỉnh An Giang,10/03/2025,01/04/2025,01/02/2025,"
        "Hết hạn trước hiệu lực,Chủ tịch,B,,,",
        "08/2025/QĐ-UBND,Quyết định,UBND tỉnh An Giang,10/03/2025,01/04/2025,,Thay thế lạ,"
        "Chủ tịch,B,,99/2020/QĐ-UBND,",
        "09/2025/QĐ-UBND,Quyết định,Sở Tài chính,10/03/2025,01/04/2025,,Cơ quan lạ,Chủ tịch,B,,,",
    )
    before = LegalDocument.objects.count()
    report = import_documents(actor=gazette.editor, content=content, filename="vb.csv")
    assert not report.ok
    assert LegalDocument.objects.count() == before
    problems = {row.number: " ".join(row.problems) for row in report.rows}
    assert problems[2] == ""
    assert "đã được dùng" in problems[3]
    assert "Chỉ thị" in problems[4] and "không có trong danh mục" in problems[4]
    assert "phải sau ngày có hiệu lực" in problems[5]
    assert "99/2020/QĐ-UBND" in problems[6]
    assert "Sở Tài chính" in problems[7]


def test_an_xlsx_file_is_read_the_same_way(gazette: Any) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER.split(","))
    sheet.append(GOOD[0].replace("Nông nghiệp; nông thôn", "Đầu tư").split(","))
    sheet["J2"] = "Nông nghiệp, nông thôn; Tài chính nhà nước"
    buffer = io.BytesIO()
    book.save(buffer)
    report = import_documents(actor=gazette.editor, content=buffer.getvalue(), filename="vb.xlsx")
    assert report.ok, [r.problems for r in report.rows]
    assert report.created[0].state == DocState.DRAFT
    assert report.created[0].fields == ["agriculture", "finance"]


def test_the_demo_loads_documents_relations_and_an_issue(world: Any) -> None:
    from egov.gazette import demo
    from egov.organisations import actions as org_actions
    from egov.organisations.choices import UnitKind
    from egov.organisations.testing import START

    org_actions.create_unit(
        actor=None,
        parent=world.province,
        name="Văn phòng Hội đồng nhân dân tỉnh",
        kind=UnitKind.PROVINCE_COUNCIL,
        valid_from=START,
        abbreviation="VPHĐND",
        skip_access_check=True,
    )
    assert not demo.loaded()
    demo.load(io.StringIO())
    assert demo.loaded()
    replaced = LegalDocument.objects.get(code="12/2020/QĐ-UBND")
    assert queries.document_status(replaced) == Validity.EXPIRED
    amended = LegalDocument.objects.get(code="25/2024/QĐ-UBND")
    assert queries.document_status(amended) == Validity.PARTLY_EXPIRED
    assert amended.signed_pdf is not None
    assert queries.published_issues().count() == 1
