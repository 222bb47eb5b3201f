"""Exports and prints: reads, but each is logged (Phụ lục VI III.6: access log, marked
printed copies), so they go through here."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from egov.audit.service import record
from egov.documents import access as doc_access
from egov.organisations.models import OrgUnit
from egov.records import access, audit_names, reports
from egov.records.actions._common import require
from egov.records.exports import casefile, sheets
from egov.records.exports.render import Watermark
from egov.records.models import CaseFile


@transaction.atomic
def export_file(*, actor: Any, case_file: CaseFile, fmt: str) -> bytes:
    """The file as PDF (watermarked with the actor and time) or XML metadata; only the
    documents the actor sees. Precondition: the actor sees the file."""
    require(
        CaseFile.objects.filter(access.visible_files_q(actor), pk=case_file.pk).exists(),
        "file not visible",
    )
    if fmt == "pdf":
        data = casefile.file_pdf(case_file, actor, Watermark.for_user(actor))
    elif fmt == "xml":
        data = casefile.file_xml(case_file, actor)
    else:
        raise ValueError(fmt)
    record(
        action=audit_names.FILE_EXPORT,
        actor=actor,
        obj=case_file,
        unit_id=case_file.unit_id,
        note=fmt,
    )
    return data


@transaction.atomic
def print_report(
    *, actor: Any, kind: str, unit: OrgUnit, start: dt.date, end: dt.date, fmt: str
) -> bytes:
    """A register or report of ``unit`` for the period, marked with who printed it and
    when. Preconditions: the actor is a clerk or leader of ``unit``; secret documents
    appear only up to the actor's clearance there."""
    require(access.can_print_registers(actor, unit), "clerk or leader of the agency required")
    if kind not in reports.BUILDERS:
        raise ValueError(kind)
    sheet = reports.build(kind, unit, start, end, clearance=doc_access.clearance_level(actor, unit))
    watermark = Watermark.for_user(actor)
    data = (
        sheets.sheet_pdf(sheet, watermark) if fmt == "pdf" else sheets.sheet_xlsx(sheet, watermark)
    )
    record(
        action=audit_names.REPORT_PRINT,
        actor=actor,
        object_type="records.report",
        object_id=kind,
        object_repr=sheet.title,
        unit_id=unit.pk,
        note=f"{fmt} {start.isoformat()}..{end.isoformat()} ({len(sheet.rows)} rows)",
    )
    return data
