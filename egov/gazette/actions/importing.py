"""Importing legal documents from a spreadsheet (XLSX or CSV), all or nothing: every row is
checked first (the same rules as the form, plus duplicates inside the file and relations to
documents that exist in the database or earlier in the file); the report lists each row with
its problems; only a file without a single problem is written."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from egov.audit.service import record
from egov.gazette import access, audit_names
from egov.gazette import constants as c
from egov.gazette.actions._common import actor_or_none, require
from egov.gazette.actions.documents import (
    DocumentData,
    create_document,
    normalise_code,
    problems_of,
    publish_document,
)
from egov.gazette.actions.relations import add_relation
from egov.gazette.choices import DocType, LegalField, RelationKind
from egov.gazette.models import LegalDocument
from egov.gazette.search import code_key
from egov.lib import tabular
from egov.lib.dates import parse_iso_date
from egov.lib.text import clean, fold
from egov.organisations.models import OrgUnit

COLUMNS = {
    "code": ["Số ký hiệu", "So hieu", "Số hiệu"],
    "doc_type": ["Loại văn bản", "Loai"],
    "issuer": ["Cơ quan ban hành", "Co quan"],
    "issue_date": ["Ngày ban hành"],
    "effective_date": ["Ngày có hiệu lực", "Ngày hiệu lực"],
    "expiry_date": ["Ngày hết hiệu lực"],
    "title": ["Trích yếu", "Tiêu đề"],
    "signer_title": ["Chức danh", "Chức danh người ký"],
    "signer_name": ["Người ký"],
    "fields": ["Lĩnh vực"],
    "scope": ["Phạm vi"],
    "source": ["Nguồn thu thập"],
    "body_text": ["Toàn văn"],
    RelationKind.BASED_ON: ["Căn cứ"],
    RelationKind.GUIDES: ["Hướng dẫn"],
    RelationKind.AMENDS: ["Sửa đổi, bổ sung", "Sửa đổi"],
    RelationKind.REPLACES: ["Thay thế"],
    RelationKind.REPEALS: ["Bãi bỏ"],
    RelationKind.REPEALS_PART: ["Bãi bỏ một phần"],
}
REQUIRED = ["code", "doc_type", "issuer", "issue_date", "effective_date", "title"]
RELATION_COLUMNS = [
    RelationKind.BASED_ON,
    RelationKind.GUIDES,
    RelationKind.AMENDS,
    RelationKind.REPLACES,
    RelationKind.REPEALS,
    RelationKind.REPEALS_PART,
]


@dataclass
class RowReport:
    number: int
    code: str
    problems: list[str] = field(default_factory=list)


@dataclass
class ImportReport:
    rows: list[RowReport] = field(default_factory=list)
    created: list[LegalDocument] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(not row.problems for row in self.rows)

    @property
    def bad_rows(self) -> list[RowReport]:
        return [row for row in self.rows if row.problems]


@dataclass
class _Planned:
    row: RowReport
    data: DocumentData | None
    relations: list[tuple[str, str]]  # (kind, code or external text)


def _text(value: Any) -> str:
    return clean(str(value)) if value not in (None, "") else ""


def _date(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return parse_iso_date(str(value))


def _issuer_key(name: str) -> str:
    """Issuer names compared folded, "Ủy ban nhân dân"/"UBND" and "Hội đồng nhân dân"/"HĐND"
    as one."""
    return (
        fold(name).replace("uy ban nhan dan", "ubnd").replace("hoi dong nhan dan", "hdnd").strip()
    )


def _issuer_index(issuers: list[OrgUnit]) -> dict[str, OrgUnit]:
    index: dict[str, OrgUnit] = {}
    for unit in issuers:
        for key in (unit.name, unit.short_name, unit.organ_code):
            if key:
                index.setdefault(_issuer_key(key), unit)
    return index


def _doc_type(value: str, issuer: OrgUnit | None) -> str:
    """The type named by ``value``: its code, its full label, or "Quyết định"/"Nghị quyết"
    completed by the issuer's kind; ``value`` itself (refused later) when none fits."""
    key = fold(value)
    if not key:
        return value
    with translation.override("vi"):
        for choice in DocType:
            if key in (choice.value, fold(str(choice.label))):
                return choice.value
        if issuer is not None:
            for allowed in access.TYPES_BY_ISSUER_KIND.get(issuer.kind, frozenset()):
                if fold(str(DocType(allowed).label)).startswith(key + " "):
                    return str(allowed)
    return value


def _fields(value: str) -> tuple[list[str], list[str]]:
    known: list[str] = []
    unknown: list[str] = []
    with translation.override("vi"):
        by_label = {fold(str(f.label)): f.value for f in LegalField}
    for part in filter(None, (p.strip() for p in value.split(";"))):
        key = fold(part)
        if key in LegalField.values:
            known.append(key)
        elif key in by_label:
            known.append(by_label[key])
        else:
            unknown.append(part)
    return known, unknown


def _split(value: Any) -> list[str]:
    return [p for p in (clean(x) for x in _text(value).split(";")) if p]


@transaction.atomic
def import_documents(
    *,
    actor: Any,
    content: bytes,
    filename: str,
    publish: bool = False,
    skip_access_check: bool = False,
) -> ImportReport:
    """Create the documents of an XLSX/CSV file (and publish them when ``publish``), or
    nothing at all. A file that cannot be read raises :class:`ActionError`; a readable file
    with bad rows returns a report whose ``ok`` is false, nothing written."""
    if skip_access_check:
        issuers = list(OrgUnit.objects.current().filter(kind__in=access.ISSUER_KINDS))
    else:
        require(access.is_editor(actor), "gazette editor required")
        issuers = list(access.issuers_for(actor))
    table = tabular.read_table(
        content, filename, columns=COLUMNS, required=REQUIRED, max_rows=c.IMPORT_MAX_ROWS
    )
    index = _issuer_index(issuers)
    report = ImportReport()
    planned: list[_Planned] = []
    in_file: dict[tuple[int, int, str], int] = {}
    for row in table.rows:
        code = normalise_code(_text(row.get("code")))
        line = RowReport(row.number, code)
        report.rows.append(line)
        issuer_text = _text(row.get("issuer"))
        issuer = index.get(_issuer_key(issuer_text))
        if issuer is None:
            line.problems.append(
                _(
                    "cơ quan ban hành “%(issuer)s” không có hoặc bạn không nhập văn bản "
                    "cho cơ quan này"
                )
                % {"issuer": issuer_text}
            )
        dates: dict[str, dt.date | None] = {}
        for key in ("issue_date", "effective_date", "expiry_date"):
            try:
                dates[key] = _date(row.get(key))
            except ValueError:
                dates[key] = None
                line.problems.append(
                    _("%(column)s “%(value)s” không phải là ngày (ngày/tháng/năm)")
                    % {"column": table.headers.get(key, key), "value": row.get(key)}
                )
        fields, unknown_fields = _fields(_text(row.get("fields")))
        if unknown_fields:
            line.problems.append(
                _("lĩnh vực không có trong danh mục: %(fields)s")
                % {"fields": ", ".join(unknown_fields)}
            )
        relations = [
            (str(kind), target) for kind in RELATION_COLUMNS for target in _split(row.get(kind))
        ]
        data = None
        issue_date, effective_date = dates["issue_date"], dates["effective_date"]
        if issuer is not None and issue_date and effective_date:
            data = DocumentData(
                issuer=issuer,
                doc_type=_doc_type(_text(row.get("doc_type")), issuer),
                code=code,
                title=_text(row.get("title")),
                signer_title=_text(row.get("signer_title")),
                signer_name=_text(row.get("signer_name")),
                issue_date=issue_date,
                effective_date=effective_date,
                expiry_date=dates["expiry_date"],
                fields=fields,
                scope=_text(row.get("scope")),
                source=_text(row.get("source")),
                body_text=str(row.get("body_text") or ""),
            )
            line.problems.extend(str(p.message) for p in problems_of(data))
            if publish and not data.body_text.strip():
                line.problems.append(_("thiếu toàn văn nên chưa đăng được"))
            file_key = (issuer.pk, issue_date.year, code_key(code))
            if file_key in in_file:
                line.problems.append(
                    _("số ký hiệu “%(code)s” trùng với dòng %(row)s")
                    % {"code": code, "row": in_file[file_key]}
                )
            in_file.setdefault(file_key, row.number)
        elif not (issue_date and effective_date) and not any("ngày" in p for p in line.problems):
            line.problems.append(_("thiếu ngày ban hành hoặc ngày có hiệu lực"))
        planned.append(_Planned(line, data, relations))
    codes_in_file = {code_key(p.row.code) for p in planned}
    existing = set(
        LegalDocument.objects.filter(
            code_key__in=[code_key(t) for p in planned for _k, t in p.relations]
        ).values_list("code_key", flat=True)
    )
    for plan in planned:
        for kind, target in plan.relations:
            key = code_key(target)
            if key in existing or key in codes_in_file:
                continue
            if kind in (RelationKind.BASED_ON, RelationKind.GUIDES):
                continue  # a law or decree named by text
            plan.row.problems.append(
                _("văn bản “%(code)s” (cột %(column)s) không có trong cơ sở dữ liệu hay trong tệp")
                % {"code": target, "column": RelationKind(kind).label}
            )
    if not report.ok:
        return report
    created: dict[str, LegalDocument] = {}
    for plan in planned:
        row_data = plan.data
        if row_data is None:  # a row without data has a problem: not reached
            continue
        document = create_document(actor=actor, data=row_data, skip_access_check=True)
        created[document.code_key] = document
        report.created.append(document)
    for plan in planned:
        if plan.data is None:
            continue
        source = created[code_key(plan.row.code)]
        for kind, target_text in plan.relations:
            target_key = code_key(target_text)
            target_doc = created.get(target_key) or (
                LegalDocument.objects.filter(code_key=target_key).order_by("-issue_date").first()
            )
            add_relation(
                actor=actor,
                source=source,
                kind=kind,
                target=target_doc,
                target_label="" if target_doc else target_text,
                skip_access_check=True,
            )
    if publish:
        report.created = [
            publish_document(actor=actor, document=document, skip_access_check=True)
            for document in report.created
        ]
    record(
        action=audit_names.IMPORT,
        actor=actor_or_none(actor),
        object_type="gazette.import",
        object_repr=filename[:200],
        after={"file": filename, "documents": [d.code for d in report.created], "publish": publish},
    )
    return report
