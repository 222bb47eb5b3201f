"""Machinery shared by the unit and staff importers: reading a cell into a report, writing
every planned row in one transaction, and the one audit event of an import."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from egov.audit.service import record
from egov.lib.tabular import CellValue, Row, Table, UploadedFileLike, read_table, upload_content
from egov.organisations import access
from egov.organisations.constants import TREE_STEPLEN
from egov.organisations.importing.cells import CellError
from egov.organisations.importing.columns import (
    Column,
    column_spec,
    required_keys,
)
from egov.organisations.importing.report import ImportKind, ImportReport
from egov.organisations.models import OrgUnit

T = TypeVar("T")


class RowReader:
    """Reads one row's cells, turning each :class:`CellError` into a report error."""

    def __init__(self, report: ImportReport, row: Row, labels: dict[str, str]) -> None:
        self.report = report
        self.row = row
        self.labels = labels
        self.failed = False

    def raw(self, key: str) -> CellValue:
        return self.row.get(key)

    def error(self, key: str, message: str, value: object = None) -> None:
        shown = self.row.get(key) if value is None else value
        self.report.add_error(self.row.number, self.labels[key], shown, message)
        self.failed = True

    def read(self, key: str, convert: Callable[[CellValue], T], default: T) -> T:
        try:
            return convert(self.row.get(key))
        except CellError as exc:
            self.error(key, exc.message)
            return default


def open_table(
    *, actor: Any, file: UploadedFileLike, kind: ImportKind, columns: Sequence[Column]
) -> tuple[Table, ImportReport, str]:
    """Refuse non-administrators, then read the file (file-level problems raise
    :class:`~egov.lib.errors.ActionError`). Also returns the SHA-256 of the content."""
    if not access.can_administer_anything(actor):
        raise PermissionDenied("administrator required")
    content = upload_content(file)
    filename = Path(file.name or "").name
    table = read_table(
        content, filename, columns=column_spec(columns), required=required_keys(columns)
    )
    report = ImportReport(
        kind=kind,
        filename=filename,
        total_rows=len(table.rows),
        ignored_headers=table.ignored_headers,
    )
    return table, report, hashlib.sha256(content).hexdigest()


class _RowFailedError(Exception):
    def __init__(self, row: int, error: Exception) -> None:
        super().__init__(str(error))
        self.row = row
        self.error = error


def _messages(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return str(error)


def write_all[P](
    report: ImportReport,
    plans: Sequence[P],
    *,
    row_of: Callable[[P], int],
    write: Callable[[P], None],
    audit: Callable[[], None],
    column: str,
    batch: Callable[[], AbstractContextManager[None]] = nullcontext,
) -> None:
    """Write every plan in one transaction, then the audit event. A rule only the action
    can check (a race with another user, say) rolls everything back and becomes that row's
    error, so the promise holds: either the whole file is written or nothing is."""
    try:
        with transaction.atomic():
            with batch():  # hooks told once for the whole file (hooks.hiring_in_bulk)
                for plan in plans:
                    try:
                        write(plan)
                    except (ValidationError, PermissionDenied) as exc:
                        raise _RowFailedError(row_of(plan), exc) from exc
            if report.changed:
                audit()
    except _RowFailedError as failed:
        report.created.clear()
        report.updated.clear()
        report.unchanged = 0
        report.add_error(failed.row, column, "", _messages(failed.error))


def common_unit_id(units: Sequence[OrgUnit]) -> int | None:
    """The nearest unit containing all of ``units``, for scoping the audit event."""
    paths = [unit.path for unit in units]
    if not paths:
        return None
    # Materialised paths are compared character by character on purpose.
    prefix = os.path.commonprefix(paths)  # noqa: RUF071
    prefix = prefix[: len(prefix) - len(prefix) % TREE_STEPLEN]
    if not prefix:
        return None
    found = OrgUnit.objects.filter(path=prefix).values_list("pk", flat=True).first()
    return int(found) if found is not None else None


def record_import(
    *,
    action: str,
    actor: Any,
    report: ImportReport,
    object_type: str,
    units: Sequence[OrgUnit],
    content_hash: str,
) -> None:
    record(
        action=action,
        actor=actor,
        object_type=object_type,
        object_repr=report.filename,
        unit_id=common_unit_id(units),
        after={
            "file": report.filename,
            "sha256": content_hash,
            "rows": report.total_rows,
            "created": len(report.created),
            "updated": len(report.updated),
            "unchanged": report.unchanged,
        },
    )
