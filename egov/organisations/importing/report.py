"""What an import did, or why it did nothing: kept in the response, not in a table."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

ImportKind = Literal["units", "staff"]


@dataclass(frozen=True)
class RowError:
    """One problem in one cell: the row number as the user sees it in Excel, the column's
    label, the value found and what is wrong, in Vietnamese."""

    row: int
    column: str
    value: str
    message: str


@dataclass(frozen=True)
class RowOutcome:
    """A row that was written: the record's label and, for updates, the columns changed."""

    row: int
    label: str
    changes: tuple[str, ...] = ()


@dataclass
class ImportReport:
    kind: ImportKind
    filename: str
    total_rows: int = 0
    errors: list[RowError] = field(default_factory=list)
    created: list[RowOutcome] = field(default_factory=list)
    updated: list[RowOutcome] = field(default_factory=list)
    unchanged: int = 0
    ignored_headers: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """No row has an error: everything in the file was written."""
        return not self.errors

    @property
    def rows_with_errors(self) -> list[int]:
        return sorted({error.row for error in self.errors})

    @property
    def changed(self) -> int:
        return len(self.created) + len(self.updated)

    def add_error(self, row: int, column: str, value: object, message: str) -> None:
        shown = "" if value is None else str(value)
        self.errors.append(RowError(row=row, column=column, value=shown, message=message))
