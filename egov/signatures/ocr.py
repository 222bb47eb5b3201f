"""OCR of scanned incoming documents: a searchable text layer on a copy (OCRmyPDF with
Tesseract's Vietnamese data, Debian's ``ocrmypdf`` and ``tesseract-ocr-vie``), and suggested
registration fields read from the text (reference §4): the issuing body (top left), the
number and notation (``Số: 12/QĐ-UBND``), the date (``…, ngày 05 tháng 3 năm 2026``), the
type (in capitals, centred) and the subject (after the type, or after ``V/v``). The clerk
confirms each suggestion; nothing is registered from OCR alone.

The original file is never touched: OCRmyPDF writes a new file.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import time
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.utils.translation import gettext as _

from egov.lib.errors import ActionError

#: ocrmypdf's exit codes that mean the input is at fault.
_BAD_INPUT = {2: "scan_corrupted", 6: "scan_has_text", 8: "scan_encrypted"}
TIMEOUT_SECONDS = 300

TYPE_NAMES = {
    "QUYẾT ĐỊNH": "Quyết định",
    "KẾ HOẠCH": "Kế hoạch",
    "THÔNG BÁO": "Thông báo",
    "BÁO CÁO": "Báo cáo",
    "CHỈ THỊ": "Chỉ thị",
    "TỜ TRÌNH": "Tờ trình",
    "CÔNG ĐIỆN": "Công điện",
    "GIẤY MỜI": "Giấy mời",
    "NGHỊ QUYẾT": "Nghị quyết",
    "HƯỚNG DẪN": "Hướng dẫn",
    "QUY ĐỊNH": "Quy định",
    "CHƯƠNG TRÌNH": "Chương trình",
}


@dataclass(frozen=True)
class Suggestion:
    value: str
    confidence: float  # 0–1: how sure the pattern match is, for the clerk


@dataclass(frozen=True)
class OcrResult:
    pdf: bytes
    text: str
    seconds: float
    pages: int
    suggestions: dict[str, Suggestion] = field(default_factory=dict)


def available() -> bool:
    return shutil.which("ocrmypdf") is not None and shutil.which("tesseract") is not None


def run_ocr(data: bytes, *, language: str = "vie") -> OcrResult:
    """OCR a scanned PDF into a new PDF with a text layer, and read its text."""
    if not available():
        raise ActionError(_("Máy chủ chưa cài OCRmyPDF và Tesseract."), code="ocr_unavailable")
    tool = shutil.which("ocrmypdf") or "ocrmypdf"
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="egov-ocr-") as work:
        source, target, sidecar = (Path(work) / n for n in ("in.pdf", "out.pdf", "out.txt"))
        source.write_bytes(data)
        completed = subprocess.run(  # noqa: S603 - fixed arguments, files of our own
            [
                tool,
                "-l",
                language,
                "--output-type",
                "pdf",
                "--optimize",
                "0",
                "--jobs",
                "1",
                "--skip-text",
                "--sidecar",
                str(sidecar),
                str(source),
                str(target),
            ],
            capture_output=True,
            timeout=TIMEOUT_SECONDS,
            check=False,
        )
        if completed.returncode in _BAD_INPUT:
            code = _BAD_INPUT[completed.returncode]
            message = {
                "scan_corrupted": _("Tệp quét bị hỏng hoặc không phải PDF: không nhận dạng được."),
                "scan_has_text": _("Tệp đã có lớp văn bản, không cần nhận dạng."),
                "scan_encrypted": _("Tệp quét được mã hóa: không nhận dạng được."),
            }[code]
            raise ActionError(message, code=code)
        if completed.returncode != 0:
            raise ActionError(
                _("Không nhận dạng được tệp quét (mã lỗi %(code)s).")
                % {"code": completed.returncode},
                code="ocr_failed",
            )
        text = sidecar.read_text(encoding="utf-8", errors="replace")
        pdf = target.read_bytes()
    pages = max(1, text.count("\f") + (0 if text.endswith("\f") else 1))
    return OcrResult(
        pdf=pdf,
        text=text,
        seconds=time.perf_counter() - started,
        pages=pages,
        suggestions=suggest(text),
    )


_NUMBER = re.compile(
    r"S[ốô6o0][\s.:;]*(?P<number>[0-9OoIl]{1,5})\s*/\s*(?P<notation>[0-9A-ZĐ][0-9A-ZĐa-z/\-–]{1,30})"
)
_DATE = re.compile(
    r"ng[àa]y\s+(?P<day>\d{1,2})\s+th[áa]ng\s+(?P<month>\d{1,2})\s+n[ăa]m\s+(?P<year>\d{4})",
    re.IGNORECASE,
)
_SUBJECT_VV = re.compile(r"V/[vV][\s.:]*(?P<subject>.+)")
_SUBJECT_VE = re.compile(r"^(?P<subject>V[ềe] vi[ệe]c .+)$", re.MULTILINE)
_MOTTO = ("CỘNG HÒA", "CỘNG HOÀ", "Độc lập", "ĐỘC LẬP")


def _digits(raw: str) -> str:
    return raw.translate(str.maketrans("OoIl", "0011"))


def _lines(text: str) -> list[str]:
    return [
        line.strip() for line in unicodedata.normalize("NFC", text).splitlines() if line.strip()
    ]


def _issuer(lines: list[str]) -> Suggestion | None:
    """The issuing body: the capitalised lines above ``Số:`` on the left, without the
    motto (OCR of the two-column heading reads both columns on one line). Under a people's
    committee heading (``ỦY BAN NHÂN DÂN`` / ``TỈNH AN GIANG``) the body is the committee of
    that place; otherwise it is the last line (``UBND TỈNH AN GIANG`` / ``SỞ NỘI VỤ``)."""
    heading: list[str] = []
    for line in lines[:8]:
        if _NUMBER.search(line):
            break
        left = line
        for motto in _MOTTO:
            if motto in left:
                left = left.split(motto)[0]
        left = left.strip(" -—_")
        if left and left.upper() == left and sum(c.isalpha() for c in left) >= 3:
            heading.append(left)
    if not heading:
        return None
    if len(heading) >= 2 and heading[-2] in ("ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN"):
        return Suggestion(_name_case("Ủy ban nhân dân " + heading[-1].lower()), 0.8)
    return Suggestion(_name_case(heading[-1]), 0.8 if len(heading) >= 2 else 0.6)


def _name_case(name: str) -> str:
    """``SỞ NỘI VỤ`` → ``Sở Nội Vụ``; the clerk adjusts the capitals when confirming."""
    return " ".join(word[:1].upper() + word[1:].lower() for word in name.split())


def suggest(text: str) -> dict[str, Suggestion]:
    """Registration fields read from the OCR text, each with a confidence for the clerk."""
    lines = _lines(text)
    joined = "\n".join(lines)
    found: dict[str, Suggestion] = {}
    issuer = _issuer(lines)
    if issuer is not None:
        found["issuer_name"] = issuer
    number = _NUMBER.search(joined)
    if number:
        found["code_number"] = Suggestion(_digits(number.group("number")).zfill(2), 0.9)
        notation = number.group("notation").replace("–", "-").rstrip("-/").upper()
        found["code_notation"] = Suggestion(notation, 0.85)
    when = _DATE.search(joined)
    if when:
        try:
            day = date(int(when.group("year")), int(when.group("month")), int(when.group("day")))
        except ValueError:
            pass
        else:
            found["issued_date"] = Suggestion(day.isoformat(), 0.9)
    type_name = None
    for index, line in enumerate(lines):
        compact = re.sub(r"\s+", " ", line).strip()
        if compact in TYPE_NAMES:
            type_name = TYPE_NAMES[compact]
            found["document_type"] = Suggestion(type_name, 0.9)
            following = lines[index + 1] if index + 1 < len(lines) else ""
            if following and not following.isupper():
                found["subject"] = Suggestion(following, 0.8)
            break
    if "subject" not in found:
        about = _SUBJECT_VV.search(joined)
        if about:
            found["subject"] = Suggestion("Về việc " + about.group("subject").strip(), 0.7)
            if type_name is None:
                found["document_type"] = Suggestion("Công văn", 0.7)
        else:
            ve = _SUBJECT_VE.search(joined)
            if ve:
                found["subject"] = Suggestion(ve.group("subject").strip(), 0.6)
    return found
