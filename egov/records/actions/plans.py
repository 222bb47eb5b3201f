"""The annual file plan (danh mục hồ sơ), imported from a spreadsheet all or nothing."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from egov.audit.service import record
from egov.lib import tabular
from egov.lib.errors import ActionError
from egov.lib.text import clean, fold
from egov.organisations.models import OrgUnit
from egov.records import access, audit_names
from egov.records import constants as c
from egov.records.actions._common import require
from egov.records.models import FilePlan, FilePlanEntry

#: Column keys and the header spellings accepted (the first is named in messages).
COLUMNS: dict[str, tuple[str, ...]] = {
    "heading": ("Đề mục", "Tên đề mục"),
    "code": ("Số và ký hiệu hồ sơ", "Số, ký hiệu hồ sơ", "Ký hiệu hồ sơ", "Mã hồ sơ"),
    "title": ("Tên đề mục và tiêu đề hồ sơ", "Tiêu đề hồ sơ", "Tên hồ sơ"),
    "retention": ("Thời hạn bảo quản", "Thời hạn"),
    "keeper": ("Đơn vị/người lập hồ sơ", "Đơn vị, người lập hồ sơ", "Người lập hồ sơ"),
    "note": ("Ghi chú",),
}
REQUIRED = ("code", "title", "retention")
_YEARS = re.compile(r"^(\d{1,3})(?:\s*nam)?$")


@dataclass
class RowProblem:
    row: int
    code: str  # English machine code
    message: str


@dataclass
class PlanImport:
    """What an import did (or, when ``problems`` is not empty, why it did nothing)."""

    created: int = 0
    problems: list[RowProblem] = field(default_factory=list)
    plan: FilePlan | None = None

    @property
    def ok(self) -> bool:
        return not self.problems


def parse_retention(value: Any) -> tuple[bool, int | None]:
    """``(valid, years)``: "Vĩnh viễn" (or "VV") is permanent (None); "10", "10 năm" ten."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        years = int(value)
        return (years == value and 1 <= years <= c.MAX_RETENTION_YEARS), years
    text = fold(str(value or "")).strip()
    if text in ("vinh vien", "vv"):
        return True, None
    match = _YEARS.match(text)
    if match is None:
        return False, None
    years = int(match.group(1))
    return 1 <= years <= c.MAX_RETENTION_YEARS, years


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return clean(str(value)) if value is not None else ""


@transaction.atomic
def import_file_plan(
    *, actor: Any, unit: OrgUnit, year: int, content: bytes, filename: str
) -> PlanImport:
    """Add the rows of an XLSX (or CSV) file plan to ``unit``'s plan for ``year``.

    All or nothing: every row is checked first (code, title and retention present and
    valid; no code twice in the file or already in the plan) and the report lists each
    bad row with its number; only a file without a single problem is written. A file that
    cannot be read at all raises :class:`ActionError`. Precondition: the actor is a clerk
    or leader of ``unit``."""
    require(access.can_manage_plan(actor, unit), "clerk or leader of the agency required")
    if not 2000 <= year <= 2100:
        raise ActionError(_("Năm không hợp lệ."), code="year_invalid", field="year")
    table = tabular.read_table(
        content, filename, columns=COLUMNS, required=REQUIRED, max_rows=c.PLAN_MAX_ROWS
    )
    plan = FilePlan.objects.select_for_update().filter(unit=unit, year=year).first()
    existing = (
        {code.casefold() for code in plan.entries.values_list("code", flat=True)} if plan else set()
    )
    report = PlanImport()
    seen: dict[str, int] = {}
    entries: list[FilePlanEntry] = []
    for row in table.rows:
        code = _text(row.get("code"))
        title = _text(row.get("title"))
        problems: list[tuple[str, str]] = []
        if not code:
            problems.append(("code_required", _("thiếu số và ký hiệu hồ sơ")))
        elif len(code) > c.FILE_CODE_MAX:
            problems.append(
                (
                    "code_too_long",
                    _("số và ký hiệu hồ sơ dài quá %(max)s ký tự") % {"max": c.FILE_CODE_MAX},
                )
            )
        elif code.casefold() in seen:
            problems.append(
                (
                    "duplicate_code",
                    _("số và ký hiệu “%(code)s” trùng với dòng %(row)s")
                    % {"code": code, "row": seen[code.casefold()]},
                )
            )
        elif code.casefold() in existing:
            problems.append(
                (
                    "code_in_plan",
                    _("số và ký hiệu “%(code)s” đã có trong danh mục năm %(year)s")
                    % {"code": code, "year": year},
                )
            )
        if code:
            seen.setdefault(code.casefold(), row.number)
        if not title:
            problems.append(("title_required", _("thiếu tiêu đề hồ sơ")))
        elif len(title) > c.TITLE_MAX:
            problems.append(("title_too_long", _("tiêu đề hồ sơ dài quá 500 ký tự")))
        valid, years = parse_retention(row.get("retention"))
        if not valid:
            problems.append(
                (
                    "retention_invalid",
                    _("thời hạn bảo quản “%(value)s” không hợp lệ (ghi số năm hoặc Vĩnh viễn)")
                    % {"value": _text(row.get("retention"))},
                )
            )
        for problem_code, message in problems:
            report.problems.append(RowProblem(row.number, problem_code, message))
        if not problems:
            entries.append(
                FilePlanEntry(
                    heading=_text(row.get("heading"))[:200],
                    code=code,
                    title=title,
                    retention_years=years,
                    keeper=_text(row.get("keeper"))[:200],
                    note=_text(row.get("note"))[:500],
                    row_number=row.number,
                )
            )
    if report.problems:
        return report
    if plan is None:
        plan = FilePlan.objects.create(unit=unit, year=year, created_by=actor)
    for entry in entries:
        entry.plan = plan
    FilePlanEntry.objects.bulk_create(entries)
    report.created = len(entries)
    report.plan = plan
    record(
        action=audit_names.PLAN_IMPORT,
        actor=actor,
        obj=plan,
        unit_id=unit.pk,
        after={"year": year, "entries": len(entries), "file": filename[:200]},
    )
    return report
