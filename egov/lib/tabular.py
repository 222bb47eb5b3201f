"""Reading uploaded spreadsheets (XLSX or CSV) into rows, and writing them back.

Every check that can be made without parsing is made first: the size (before a byte is
read), then the content (an ``.xlsx`` must be a zip without macros, a CSV must be text), then
the parse itself with a row limit. Headers are matched leniently: the caller gives, for each
column key, the spellings it accepts, and a header matches when it folds to the same words
("Họ và tên", "ho va ten", "HỌ VÀ TÊN:" are one column).

Problems are :class:`~egov.lib.errors.ActionError` with a Vietnamese message and a stable
English code, so a screen can show them as they are.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import charset_normalizer
import openpyxl
from django.conf import settings
from django.utils.translation import gettext as _
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from egov.lib.errors import ActionError
from egov.lib.text import fold, nfc

#: Rows of data accepted in one file. Imports run inside the request, synchronously; this
#: limit is what keeps the slowest accepted file within a request's time.
MAX_ROWS = 20_000
#: Sum of the uncompressed sizes of the parts of an XLSX (a zip): a guard against zip bombs.
MAX_XLSX_UNCOMPRESSED = 200 * 1024 * 1024
#: Single-byte code pages tried for CSV files that are not UTF-8: Vietnamese Windows first.
LEGACY_ENCODINGS = ("cp1258", "cp1252")

CellValue = str | int | float | bool | dt.date | dt.datetime | None

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_OOXML_MARK = "EncryptionInfo".encode("utf-16-le")
_NOT_WORDS = re.compile(r"[^0-9a-z]+")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_CSV_DELIMITERS = (",", ";", "\t")


class UploadedFileLike(Protocol):
    """What an upload offers: Django's ``UploadedFile`` and ``File`` both fit."""

    @property
    def name(self) -> str | None: ...

    @property
    def size(self) -> int | None: ...

    def read(self, size: int = ..., /) -> bytes: ...


@dataclass(frozen=True)
class Row:
    """One data row: its number as the user sees it (the spreadsheet row; the record's
    position in a CSV, the header being row 1) and its values by column key."""

    number: int
    values: dict[str, CellValue]

    def get(self, key: str) -> CellValue:
        return self.values.get(key)


@dataclass(frozen=True)
class Table:
    """A parsed upload: the header text found for each matched key, the headers nobody
    asked for, and the non-empty data rows."""

    headers: dict[str, str]
    ignored_headers: list[str]
    rows: list[Row] = field(default_factory=list)


def header_key(text: str) -> str:
    """The comparison form of a header: folded, punctuation dropped, words single-spaced."""
    return _NOT_WORDS.sub(" ", fold(text)).strip()


def _too_large(size: int, limit: int) -> ActionError:
    return ActionError(
        _("Tệp lớn %(size)s MB, vượt giới hạn %(limit)s MB.")
        % {"size": f"{size / 1048576:.1f}", "limit": f"{limit / 1048576:.0f}"},
        code="file_too_large",
    )


def upload_content(file: UploadedFileLike) -> bytes:
    """The upload's bytes, refused on its declared size before a byte is read."""
    limit = settings.EGOV_IMPORT_MAX_BYTES
    if file.size is not None and file.size > limit:
        raise _too_large(file.size, limit)
    content = file.read(limit + 1)
    if len(content) > limit:
        raise _too_large(len(content), limit)
    return content


def read_upload(
    file: UploadedFileLike,
    *,
    columns: Mapping[str, Sequence[str]],
    required: Iterable[str] = (),
    max_rows: int = MAX_ROWS,
) -> Table:
    """Check the upload's declared size, then read it (see :func:`read_table`)."""
    return read_table(
        upload_content(file),
        file.name or "",
        columns=columns,
        required=required,
        max_rows=max_rows,
    )


def read_table(
    content: bytes,
    filename: str,
    *,
    columns: Mapping[str, Sequence[str]],
    required: Iterable[str] = (),
    max_rows: int = MAX_ROWS,
) -> Table:
    """Parse ``content`` (an XLSX or CSV, chosen by ``filename``'s extension and checked
    against the content) into a :class:`Table`.

    ``columns`` maps each key to the header spellings accepted for it, the first being the
    one named in messages; the keys in ``required`` must all be present.
    """
    limit = settings.EGOV_IMPORT_MAX_BYTES
    if len(content) > limit:
        raise _too_large(len(content), limit)
    if not content:
        raise ActionError(_("Tệp tải lên không có nội dung."), code="empty_file")
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if extension in ("xlsm", "xltm", "xlam"):
        raise ActionError(
            _("Tệp có macro (.%(ext)s) không được nhận; hãy lưu lại thành .xlsx.")
            % {"ext": extension},
            code="macro_file",
        )
    if extension == "xls":
        raise ActionError(
            _("Định dạng Excel cũ (.xls) không được nhận; hãy lưu lại thành .xlsx."),
            code="legacy_excel",
        )
    if extension == "xlsx":
        raw_rows = _xlsx_rows(content, max_rows)
    elif extension in ("csv", "txt"):
        raw_rows = _csv_rows(content)
    else:
        raise ActionError(
            _("Chỉ nhận tệp .xlsx hoặc .csv (tệp đã gửi: “%(name)s”).") % {"name": filename},
            code="unsupported_type",
        )
    return _build_table(raw_rows, columns, set(required), max_rows)


# --- XLSX -----------------------------------------------------------------------------------


def _not_excel() -> ActionError:
    return ActionError(_("Tệp không phải là bảng tính Excel hợp lệ."), code="not_excel")


def _sniff_xlsx(content: bytes) -> None:
    if content.startswith(_OLE_MAGIC):
        # An OOXML workbook saved with a password is an OLE container holding the
        # encrypted package; any other OLE file here is the old binary .xls.
        if _ENCRYPTED_OOXML_MARK in content:
            raise ActionError(
                _("Tệp Excel được đặt mật khẩu; hãy gỡ mật khẩu rồi tải lên lại."),
                code="password_protected",
            )
        raise ActionError(
            _("Tệp là định dạng Excel cũ (.xls) dù mang tên .xlsx; hãy lưu lại thành .xlsx."),
            code="legacy_excel",
        )
    if not content.startswith(_ZIP_MAGIC):
        raise _not_excel()
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise _not_excel() from exc
    names = {part.filename.lower() for part in parts}
    if "[content_types].xml" not in names:
        raise _not_excel()
    if any(name.endswith("vbaproject.bin") for name in names):
        raise ActionError(
            _("Tệp có chứa macro; hãy lưu lại thành .xlsx không có macro."), code="macro_file"
        )
    if sum(part.file_size for part in parts) > MAX_XLSX_UNCOMPRESSED:
        raise ActionError(
            _("Tệp Excel giải nén ra quá lớn để xử lý."), code="xlsx_too_large_uncompressed"
        )


def _xlsx_rows(content: bytes, max_rows: int) -> list[tuple[int, list[CellValue]]]:
    _sniff_xlsx(content)
    try:
        workbook = openpyxl.load_workbook(
            io.BytesIO(content), read_only=True, data_only=True, keep_links=False
        )
    except Exception as exc:  # openpyxl raises many kinds on a corrupt package
        raise ActionError(
            _("Tệp Excel bị hỏng hoặc không đọc được."), code="corrupt_excel"
        ) from exc
    try:
        if not workbook.worksheets:
            raise ActionError(_("Tệp Excel không có trang tính nào."), code="empty_file")
        sheet = workbook.worksheets[0]
        rows: list[tuple[int, list[CellValue]]] = []
        data_rows = 0
        try:
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                cells = [_xlsx_value(value) for value in values]
                if any(cell is not None for cell in cells):
                    rows.append((number, cells))
                    data_rows += 1
                    if data_rows > max_rows + 1:  # the header is one of them
                        break
        except ActionError:
            raise
        except Exception as exc:  # a damaged sheet part surfaces only while iterating
            raise ActionError(
                _("Tệp Excel bị hỏng hoặc không đọc được."), code="corrupt_excel"
            ) from exc
        return rows
    finally:
        workbook.close()


def _xlsx_value(value: Any) -> CellValue:
    if value is None:
        return None
    if isinstance(value, str):
        text = nfc(value).strip()
        return text or None
    if isinstance(value, bool | int | float | dt.date | dt.datetime):
        return value
    if isinstance(value, dt.time):
        return value.isoformat()
    return str(value)


# --- CSV ------------------------------------------------------------------------------------


def _binary() -> ActionError:
    return ActionError(_("Tệp chứa dữ liệu nhị phân, không phải CSV."), code="binary_not_csv")


def decode_text(content: bytes) -> str:
    """Decode a CSV: UTF-8 (with or without BOM), UTF-16 (BOM or NUL pattern), else the
    legacy Windows code page that charset-normalizer finds most coherent (cp1258 or cp1252).
    The result is NFC: cp1258 stores tone marks as combining characters."""
    if content.startswith(b"\xef\xbb\xbf"):
        return _decode(content, "utf-8-sig")
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode(content, "utf-16")
    if b"\x00" in content:
        sample = content[:4096]
        odd_nuls = sample[1::2].count(0)
        even_nuls = sample[0::2].count(0)
        half = len(sample) // 2
        if odd_nuls > half * 0.3 and even_nuls == 0:
            return _decode(content, "utf-16-le")
        if even_nuls > half * 0.3 and odd_nuls == 0:
            return _decode(content, "utf-16-be")
        raise _binary()
    try:
        return _check_text(content.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(content, cp_isolation=list(LEGACY_ENCODINGS)).best()
    if best is None or best.encoding not in LEGACY_ENCODINGS:
        raise _binary()
    return _decode(content, best.encoding)


def _decode(content: bytes, encoding: str) -> str:
    try:
        return _check_text(content.decode(encoding))
    except UnicodeDecodeError as exc:
        raise _binary() from exc


def _check_text(text: str) -> str:
    controls = sum(1 for ch in text if ch < " " and ch not in "\t\r\n")
    if controls > max(2, len(text) // 100):
        raise _binary()
    return nfc(text)


def _sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first non-empty line most (quoted parts ignored)."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    unquoted = re.sub(r'"[^"]*"', "", first)
    counts = {delimiter: unquoted.count(delimiter) for delimiter in _CSV_DELIMITERS}
    best = max(_CSV_DELIMITERS, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ","


def _csv_rows(content: bytes) -> list[tuple[int, list[CellValue]]]:
    text = decode_text(content)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_delimiter(text))
    rows: list[tuple[int, list[CellValue]]] = []
    try:
        for number, record in enumerate(reader, start=1):
            cells = [_csv_value(value) for value in record]
            if any(cell is not None for cell in cells):
                rows.append((number, cells))
    except csv.Error as exc:
        raise ActionError(
            _("Tệp CSV sai cấu trúc: %(detail)s.") % {"detail": str(exc)}, code="corrupt_csv"
        ) from exc
    return rows


def _csv_value(value: str) -> CellValue:
    text = value.strip()
    # Undo the apostrophe that export puts before text Excel would take for a formula.
    if text.startswith("'") and text[1:2] in _FORMULA_START:
        text = text[1:]
    return text or None


# --- Headers and rows -----------------------------------------------------------------------


def _column_letter(index: int) -> str:
    return str(get_column_letter(index + 1))


def _build_table(
    raw_rows: list[tuple[int, list[CellValue]]],
    columns: Mapping[str, Sequence[str]],
    required: set[str],
    max_rows: int,
) -> Table:
    if not raw_rows:
        raise ActionError(_("Tệp không có dòng tiêu đề và dữ liệu."), code="empty_file")
    if len(raw_rows) - 1 > max_rows:
        raise ActionError(
            _("Tệp có hơn %(max)s dòng dữ liệu; hãy chia thành nhiều tệp nhỏ hơn.")
            % {"max": f"{max_rows:,}".replace(",", ".")},
            code="too_many_rows",
        )
    header_number, header_cells = raw_rows[0]
    spellings = {header_key(spelling): key for key, names in columns.items() for spelling in names}
    positions: dict[str, int] = {}
    headers: dict[str, str] = {}
    ignored: list[str] = []
    for index, cell in enumerate(header_cells):
        if cell is None:
            continue
        text = str(cell)
        key = spellings.get(header_key(text))
        if key is None:
            ignored.append(text)
            continue
        if key in positions:
            raise ActionError(
                _("Cột “%(name)s” xuất hiện hai lần (cột %(first)s và cột %(second)s).")
                % {
                    "name": text,
                    "first": _column_letter(positions[key]),
                    "second": _column_letter(index),
                },
                code="duplicate_column",
            )
        positions[key] = index
        headers[key] = text
    missing = [key for key in columns if key in required and key not in positions]
    if missing:
        raise ActionError(
            _("Thiếu cột bắt buộc: %(missing)s. Dòng tiêu đề (dòng %(row)s) có các cột: %(found)s.")
            % {
                "missing": ", ".join(f"“{columns[key][0]}”" for key in missing),
                "row": header_number,
                "found": ", ".join(f"“{cell}”" for cell in header_cells if cell is not None),
            },
            code="missing_columns",
        )
    rows = [
        Row(
            number=number,
            values={
                key: cells[index] if index < len(cells) else None
                for key, index in positions.items()
            },
        )
        for number, cells in raw_rows[1:]
    ]
    rows = [row for row in rows if any(value is not None for value in row.values.values())]
    if not rows:
        raise ActionError(_("Tệp không có dòng dữ liệu nào dưới dòng tiêu đề."), code="no_rows")
    return Table(headers=headers, ignored_headers=ignored, rows=rows)


# --- Writing --------------------------------------------------------------------------------


def _csv_safe(value: CellValue) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    text = str(value)
    # A spreadsheet would run text starting like a formula (CSV injection): quote it.
    return f"'{text}" if text.startswith(_FORMULA_START) else text


def write_csv(headers: Sequence[str], rows: Iterable[Sequence[CellValue]]) -> bytes:
    """UTF-8 with BOM (so Excel shows Vietnamese correctly), comma-separated, CRLF."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow([_csv_safe(value) for value in row])
    return buffer.getvalue().encode("utf-8-sig")


def write_xlsx(
    headers: Sequence[str],
    rows: Iterable[Sequence[CellValue]],
    *,
    sheet_title: str,
    notes: Sequence[str] = (),
) -> bytes:
    """One sheet with a bold header row and the rows (dates as real dates shown DD/MM/YYYY,
    text stored as text even when it starts like a formula); ``notes`` go on a second sheet."""
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet(title=sheet_title[:31])
    bold = Font(bold=True)
    header_cells = []
    for text in headers:
        cell = WriteOnlyCell(sheet, value=text)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in rows:
        sheet.append([_xlsx_cell(sheet, value) for value in row])
    if notes:
        notes_sheet = workbook.create_sheet(title=_("Hướng dẫn")[:31])
        for line in notes:
            notes_sheet.append([line])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _xlsx_cell(sheet: Any, value: CellValue) -> Any:
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, dt.date):
        cell.number_format = "DD/MM/YYYY"
    elif isinstance(value, str):
        cell.data_type = "s"  # never a formula, whatever the text starts with
    return cell
