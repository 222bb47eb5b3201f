"""The PDF of a gazette issue, compiled from its documents: a cover with the masthead and the
table of contents (each document's pages), then each document — its signed original when it
has one, its full text typeset otherwise. Pure rendering: no database writes."""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")  # Debian fonts-dejavu-core
REGULAR, BOLD = "DejaVuSerif", "DejaVuSerif-Bold"


@cache
def _fonts() -> None:
    pdfmetrics.registerFont(TTFont(REGULAR, str(FONT_DIR / "DejaVuSerif.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(FONT_DIR / "DejaVuSerif-Bold.ttf")))


_BODY = ParagraphStyle("body", fontName=REGULAR, fontSize=10.5, leading=14, spaceAfter=4)
_TITLE = ParagraphStyle("title", fontName=BOLD, fontSize=13, leading=17, alignment=1)
_MAST = ParagraphStyle("mast", fontName=BOLD, fontSize=22, leading=28, alignment=1)
_CENTRE = ParagraphStyle("centre", fontName=REGULAR, fontSize=11, leading=15, alignment=1)
_CELL = ParagraphStyle("cell", fontName=REGULAR, fontSize=9.5, leading=12)


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    _fonts()  # before the paragraph is parsed: it looks its font up at once
    return Paragraph(escape(unicodedata.normalize("NFC", text)).replace("\n", "<br/>"), style)


@dataclass(frozen=True)
class Part:
    """One document of the issue: its heading and either its signed PDF or its text."""

    code: str
    title: str
    issuer: str
    issue_date: dt.date
    pdf: bytes | None
    text: str


def _render(story: list[object]) -> bytes:
    _fonts()
    buffer = io.BytesIO()
    SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=25 * mm, rightMargin=20 * mm, topMargin=20 * mm
    ).build(story)
    return buffer.getvalue()


def _typeset(part: Part) -> bytes:
    story: list[object] = [
        _p(part.issuer.upper(), _CENTRE),
        _p(part.code, _CENTRE),
        Spacer(1, 6 * mm),
        _p(part.title, _TITLE),
        Spacer(1, 6 * mm),
    ]
    story.extend(_p(block, _BODY) for block in part.text.split("\n\n") if block.strip())
    return _render(story)


def _cover(
    publisher: str, number: int, year: int, day: dt.date, rows: list[tuple[str, str, str]]
) -> bytes:
    table = Table(
        [[_p("Số ký hiệu", _CELL), _p("Trích yếu", _CELL), _p("Trang", _CELL)]]
        + [[_p(a, _CELL), _p(b, _CELL), _p(c, _CELL)] for a, b, c in rows],
        colWidths=[40 * mm, 110 * mm, 15 * mm],
        repeatRows=1,
    )
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, "#555555"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story: list[object] = [
        _p("CÔNG BÁO", _MAST),
        _p(publisher.upper(), _CENTRE),
        _p(f"Số {number}/{year} · Ngày {day:%d/%m/%Y}", _CENTRE),
        Spacer(1, 10 * mm),
        _p("MỤC LỤC", _TITLE),
        Spacer(1, 4 * mm),
        table,
    ]
    return _render(story)


def compile_issue(
    *, publisher: str, number: int, year: int, day: dt.date, parts: list[Part]
) -> tuple[bytes, list[tuple[int, int]]]:
    """The issue's PDF and each part's (first page, last page) in it."""
    bodies = [part.pdf if part.pdf else _typeset(part) for part in parts]
    counts = [len(PdfReader(io.BytesIO(body)).pages) for body in bodies]
    cover_pages = 1
    for _attempt in range(3):
        ranges: list[tuple[int, int]] = []
        page = cover_pages + 1
        for count in counts:
            ranges.append((page, page + count - 1))
            page += count
        rows = [
            (part.code, part.title, f"{first}–{last}" if last > first else str(first))
            for part, (first, last) in zip(parts, ranges, strict=True)
        ]
        cover = _cover(publisher, number, year, day, rows)
        pages = len(PdfReader(io.BytesIO(cover)).pages)
        if pages == cover_pages:
            break
        cover_pages = pages
    writer = PdfWriter()
    for body in [cover, *bodies]:
        writer.append(PdfReader(io.BytesIO(body)))
    writer.add_metadata({"/Title": f"Công báo {publisher} số {number}/{year}"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue(), ranges
