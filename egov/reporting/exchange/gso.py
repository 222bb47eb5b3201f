"""GSO (Tổng cục Thống kê) PX-Web CSV tables: ``;``-separated, UTF-8 with BOM (or cp1252),
a title line, a header of "<variable> <year>" columns (with "Prel." or "Est." flags),
then one row per area; ``..`` is missing; region subtotal rows come between provinces."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from egov.lib.tabular import decode_text
from egov.lib.text import fold
from egov.reporting.choices import ValueStatus
from egov.reporting.exchange.observations import FormatError, Observation

_HEADER = re.compile(r"^(?P<label>.*?)\s*(?P<flag>Prel\.|Est\.)?\s*(?P<year>(19|20)\d{2})$")


@dataclass(frozen=True)
class GsoColumn:
    variable: str  # e.g. "Total", "Male", "" when the header is only a year
    year: int
    status: str


@dataclass(frozen=True)
class GsoValue:
    line: int
    area: str
    column: GsoColumn
    value: str | None  # None for ".."


@dataclass(frozen=True)
class GsoTable:
    title: str
    columns: list[GsoColumn]
    values: list[GsoValue]

    def areas(self) -> list[str]:
        seen: list[str] = []
        for value in self.values:
            if value.area not in seen:
                seen.append(value.area)
        return seen


def parse(content: bytes) -> GsoTable:
    text = decode_text(content)
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    rows = [r for r in rows if any(c.strip() for c in r)]
    if len(rows) < 3:
        raise FormatError(
            _("bảng PX-Web cần dòng tên bảng, dòng tiêu đề và số liệu."), where=_("Tệp")
        )
    title = rows[0][0].strip()
    columns = []
    for index, header in enumerate(rows[1][1:], start=2):
        match = _HEADER.match(header.strip())
        if match is None:
            raise FormatError(
                _("cột “%(h)s” không có năm.") % {"h": header},
                where=_("Dòng 2, cột %(n)s") % {"n": index},
            )
        flag = match.group("flag") or ""
        status = {"Prel.": ValueStatus.PRELIMINARY, "Est.": ValueStatus.ESTIMATE}.get(
            flag, ValueStatus.OFFICIAL
        )
        columns.append(GsoColumn(match.group("label").strip(), int(match.group("year")), status))
    values = []
    for line, row in enumerate(rows[2:], start=3):
        area = row[0].strip()
        for column, cell in zip(columns, row[1:], strict=False):
            raw = cell.strip()
            values.append(GsoValue(line, area, column, None if raw in ("..", "") else raw))
    return GsoTable(title=title, columns=columns, values=values)


def matches(area: str, name: str) -> bool:
    """GSO writes names without diacritics ("An Giang", "Ha Noi"): compare folded."""
    return fold(area) == fold(name)


def observations(
    table: GsoTable,
    *,
    areas: dict[str, str],
    columns: dict[str, tuple[str, str | None]],
) -> list[Observation]:
    """The values of the ``areas`` (GSO area name → our unit code) in the ``columns``
    (variable → (indicator code, breakdown cell code)), yearly; ".." cells are left out.
    An area missing from the table is an error (a misspelt name imports nothing)."""
    present = {fold(a) for a in table.areas()}
    for area in areas:
        if fold(area) not in present:
            raise FormatError(
                _("bảng không có địa bàn “%(area)s”.") % {"area": area}, where=_("Tệp")
            )
    folded = {fold(k): v for k, v in areas.items()}
    wanted = {fold(k): v for k, v in columns.items()}
    result = []
    for item in table.values:
        unit = folded.get(fold(item.area))
        target = wanted.get(fold(item.column.variable))
        if unit is None or target is None or item.value is None:
            continue
        result.append(
            Observation(
                where=_("Dòng %(line)s (%(area)s), cột “%(col)s %(year)s”")
                % {
                    "line": item.line,
                    "area": item.area,
                    "col": item.column.variable,
                    "year": item.column.year,
                },
                indicator=target[0],
                unit=unit,
                period=str(item.column.year),
                value=item.value,
                combo=target[1],
                status=item.column.status,
            )
        )
    return result
