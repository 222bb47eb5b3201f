"""The inspection report (biên bản kiểm tra) as PDF in the administrative format (Nghị định
30/2020/NĐ-CP: issuer, number, national motto, place and date, title, body, signatures)
through WeasyPrint, and the findings as XLSX."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from egov.inspections import queries
from egov.inspections.choices import (
    DeadlineBasis,
    FindingState,
    InspectionState,
    ItemSource,
    PlanState,
    Result,
    Severity,
)
from egov.inspections.models import Finding, Inspection
from egov.lib.tabular import CellValue, write_xlsx
from egov.organisations.models import OrgUnit


def _province() -> OrgUnit | None:
    root: OrgUnit | None = (
        OrgUnit.objects.filter(depth=1, valid_to__isnull=True).order_by("path").first()
    )
    return root


def place_name() -> str:
    """ "An Giang" from "Ủy ban nhân dân tỉnh An Giang"."""
    root = _province()
    if root is None:
        return "......"
    for prefix in ("Ủy ban nhân dân tỉnh ", "Ủy ban nhân dân thành phố ", "UBND tỉnh "):
        if root.name.startswith(prefix):
            return root.name[len(prefix) :]
    return root.name


def _figure(value: Any, unit_label: str) -> str:
    if value is None:
        return _("không có dữ liệu")
    suffix = "%" if unit_label == "%" else f" {unit_label}"
    return f"{float(value):g}{suffix}".replace(".", ",")


def report_context(inspection: Inspection) -> dict[str, Any]:
    root = _province()
    items = list(inspection.items.order_by("order", "pk"))
    indicator_rows = [
        [
            i.text,
            _figure(i.measured, i.unit_label),
            "" if i.target is None else _figure(i.target, i.unit_label),
            Result(i.result).label,
        ]
        for i in items
        if i.source == ItemSource.INDICATOR
    ]
    checklist = [i for i in items if i.source != ItemSource.INDICATOR]
    findings = list(inspection.findings.select_related("responsible_unit").order_by("pk"))
    day = inspection.concluded_on or inspection.inspected_on
    return {
        "inspection": inspection,
        "issuer": root.name.upper() if root else "",
        "place": place_name(),
        "day": day,
        "members": list(inspection.plan.members.select_related("user")),
        "indicator_rows": indicator_rows,
        "checklist": checklist,
        "findings": findings,
        "counts": {
            "pass": sum(1 for i in items if i.result == Result.PASS),
            "fail": sum(1 for i in items if i.result == Result.FAIL),
            "na": sum(1 for i in items if i.result == Result.NOT_APPLICABLE),
        },
    }


def pdf_bytes(inspection: Inspection) -> bytes:
    import weasyprint  # imported here: loading Pango costs about 0.2 s

    html = render_to_string("inspections/report_print.html", report_context(inspection))
    pdf: bytes = weasyprint.HTML(string=html, base_url=None).write_pdf()
    return pdf


FINDING_HEADERS = (
    gettext_lazy("Cơ quan được kiểm tra"),
    gettext_lazy("Kế hoạch"),
    gettext_lazy("Tồn tại, hạn chế"),
    gettext_lazy("Mức độ"),
    gettext_lazy("Yêu cầu khắc phục"),
    gettext_lazy("Đơn vị chịu trách nhiệm"),
    gettext_lazy("Hạn khắc phục"),
    gettext_lazy("Cách tính hạn"),
    gettext_lazy("Trạng thái"),
    gettext_lazy("Quá hạn"),
    gettext_lazy("Ngày đóng"),
)


def findings_xlsx(findings: Iterable[Finding]) -> bytes:
    rows: list[list[CellValue]] = [
        [
            f.inspection.agency.name,
            f.inspection.plan.number,
            f.description,
            str(Severity(f.severity).label),
            f.remedy,
            f.responsible_unit.name,
            f.deadline,
            str(DeadlineBasis(f.deadline_basis).label),
            str(FindingState(f.state).label),
            _("Quá hạn") if queries.is_overdue(f) else "",
            f.closed_on,
        ]
        for f in findings
    ]
    return write_xlsx([str(h) for h in FINDING_HEADERS], rows, sheet_title=_("Tồn tại, hạn chế"))


PLAN_HEADERS = (
    gettext_lazy("Số, ký hiệu"),
    gettext_lazy("Tên kế hoạch"),
    gettext_lazy("Năm"),
    gettext_lazy("Trạng thái kế hoạch"),
    gettext_lazy("Cơ quan được kiểm tra"),
    gettext_lazy("Ngày kiểm tra"),
    gettext_lazy("Trạng thái cuộc kiểm tra"),
)


def plans_xlsx(plans: Iterable[Any]) -> bytes:
    """One row per inspection of each plan (a plan without agencies has one row)."""
    rows: list[list[CellValue]] = []
    for plan in plans:
        head: list[CellValue] = [
            plan.number,
            plan.title,
            plan.year,
            str(PlanState(plan.state).label),
        ]
        inspections = list(plan.inspections.all())
        if not inspections:
            rows.append([*head, "", None, ""])
        for i in inspections:
            rows.append([*head, i.agency.name, i.scheduled_on, str(InspectionState(i.state).label)])
    return write_xlsx([str(h) for h in PLAN_HEADERS], rows, sheet_title=_("Kế hoạch kiểm tra"))
