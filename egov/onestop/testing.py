"""Test helpers: a procedure on the persona tree and small files of each kind."""

from __future__ import annotations

import io
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from egov.onestop.choices import OnlineLevel, TimeUnit
from egov.onestop.models import Procedure, ProcedureDocument, ProcedureStep

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def pdf(name: str = "don.pdf", content: bytes = PDF_BYTES) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def make_procedure(
    world: Any,
    *,
    code: str = "1.000001",
    time_limit: int = 5,
    time_unit: str = TimeUnit.WORKING_DAYS,
    online_level: str = OnlineLevel.FULL,
) -> Procedure:
    """At Sở Nội vụ: two documents (one optional), three steps: appraisal at the civil
    service division (3), approval by the department (1), the rest at the desk."""
    procedure = Procedure.objects.create(
        code=code,
        name="Cấp giấy phép thử nghiệm",
        field_code="G01",
        field_name="Nội vụ",
        time_limit=time_limit,
        time_unit=time_unit,
        online_level=online_level,
        fee_amount=50000,
    )
    procedure.agencies.set([world.home_affairs])
    ProcedureDocument.objects.create(procedure=procedure, position=1, name="Đơn đề nghị")
    ProcedureDocument.objects.create(
        procedure=procedure, position=2, name="Giấy tờ khác", required=False
    )
    ProcedureStep.objects.create(
        procedure=procedure,
        position=1,
        name="Thẩm định hồ sơ",
        unit=world.civil_service_division,
        share=min(3, time_limit),
    )
    ProcedureStep.objects.create(
        procedure=procedure,
        position=2,
        name="Phê duyệt",
        unit=None,
        share=1 if time_limit > 3 else 0,
    )
    return procedure


def required_doc(procedure: Procedure) -> ProcedureDocument:
    return procedure.documents.get(position=1)


def xlsx_bytes(rows: list[list[Any]]) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.create_sheet("Thu tuc", 0)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
