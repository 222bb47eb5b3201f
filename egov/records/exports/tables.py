"""Long tables (registers, reports) to A4 PDF with reportlab and DejaVu Serif.

Why not WeasyPrint here (it renders the archival pages, decision 0013): a register is
thousands of rows, and WeasyPrint lays out every cell's text through Pango again at each
page break, about 0.2 s a page on this machine; reportlab's platypus table splits rows
without re-shaping them, so a busy agency's year prints in well under a minute. DejaVu
Serif holds every precomposed Vietnamese letter, and text is NFC-normalised, so no shaping
engine is needed for it.
"""

from __future__ import annotations

import io
import unicodedata
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    NextPageTemplate,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from egov.records.exports.render import Watermark

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")  # Debian fonts-dejavu-core
REGULAR, BOLD = "DejaVuSerif", "DejaVuSerif-Bold"
#: Rows per table flowable (about two pages of a register).
CHUNK = 60


@cache
def _fonts() -> None:
    pdfmetrics.registerFont(TTFont(REGULAR, str(FONT_DIR / "DejaVuSerif.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(FONT_DIR / "DejaVuSerif-Bold.ttf")))


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(unicodedata.normalize("NFC", text)).replace("\n", "<br/>"), style)


#: Body cells: DejaVu Serif 8 pt on 9.6 pt lines, 3 pt padding left and right.
CELL_SIZE, CELL_LEADING, CELL_PADDING = 8, 9.6, 3


@cache
def _width(word: str, font: str) -> float:
    """A word's width in points at CELL_SIZE (a register repeats the same words thousands
    of times: measured once each)."""
    return float(pdfmetrics.stringWidth(word, font, CELL_SIZE))


def wrap_cell(text: str, width: float, font: str = REGULAR) -> str:
    """``text`` broken into lines no wider than ``width`` points (greedy, on spaces; a word
    wider than the column is cut between letters), joined with newlines: what a Paragraph
    would lay out, as a plain string the table draws line by line without re-wrapping it at
    each page break (a register's cells are plain text with no markup)."""
    space = _width(" ", font)
    lines: list[str] = []
    for paragraph in unicodedata.normalize("NFC", text).split("\n"):
        line: list[str] = []
        used = 0.0
        for word in paragraph.split():
            size = _width(word, font)
            while size > width and len(word) > 1:  # cut a word wider than the column
                if line:
                    lines.append(" ".join(line))
                    line, used = [], 0.0
                cut = len(word) - 1
                while cut > 1 and _width(word[:cut], font) > width:
                    cut -= 1
                lines.append(word[:cut])
                word = word[cut:]
                size = _width(word, font)
            if line and used + space + size > width:
                lines.append(" ".join(line))
                line, used = [], 0.0
            used += (space if line else 0.0) + size
            line.append(word)
        lines.append(" ".join(line))
    return "\n".join(lines)


class _NumberedCanvas(rl_canvas.Canvas):  # type: ignore[misc]
    """Holds pages back until the end so each can say "Trang n/N"; draws the watermark."""

    watermark: Watermark

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._decorate(total)
            super().showPage()
        super().save()

    def _decorate(self, total: int) -> None:
        width, height = self._pagesize
        text = self.watermark.text
        self.saveState()
        self.setFillColor(colors.Color(0.55, 0.55, 0.55, alpha=0.35))
        self.setFont(REGULAR, 20)
        self.translate(width / 2, height / 2)
        self.rotate(30)
        self.drawCentredString(0, 0, text)
        self.restoreState()
        self.saveState()
        self.setFont(REGULAR, 8)
        self.setFillColor(colors.Color(0.3, 0.3, 0.3))
        self.drawString(15 * mm, 10 * mm, text)
        page = _("Trang %(n)s/%(total)s") % {"n": self._pageNumber, "total": total}
        self.drawRightString(width - 15 * mm, 10 * mm, page)
        self.restoreState()


def table_pdf(
    *,
    organ: str,
    title: str,
    subtitle: str,
    columns: list[str],
    rows: list[list[str]],
    totals: list[str] | None,
    numeric: set[int],
    widths: list[float],
    notes: list[str],
    watermark: Watermark,
    empty: str,
    landscape_page: bool = True,
) -> bytes:
    """One register or report: agency and national motto on top, the title, the period,
    then the table with its header (and column numbers) repeated on every page."""
    _fonts()
    size = landscape(A4) if landscape_page else A4
    base = ParagraphStyle("cell", fontName=REGULAR, fontSize=8, leading=9.6)
    head = ParagraphStyle("head", parent=base, fontName=BOLD, alignment=TA_CENTER)
    centred = ParagraphStyle("centred", parent=base, fontSize=10, leading=12, alignment=TA_CENTER)
    big = ParagraphStyle("title", parent=centred, fontName=BOLD, fontSize=13, leading=16)
    m_left, m_right, m_top, m_bottom = 20 * mm, 15 * mm, 15 * mm, 18 * mm
    usable = size[0] - m_left - m_right
    col_widths = [usable * w / 100 for w in widths]
    header_rows: list[list[Any]] = [
        [_p(c, head) for c in columns],
        [_p(f"({i})", head) for i in range(1, len(columns) + 1)],
    ]
    grid = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    shaded = ("BACKGROUND", (0, 0), (-1, 1), colors.Color(0.93, 0.93, 0.93))
    # The header row is drawn by the page template on every page after the first, and the
    # body goes in tables of CHUNK rows: one big table would be re-measured at each page
    # break (reportlab's split), which made a 20,000-row register superlinear.
    page_header = Table(header_rows, colWidths=col_widths)
    page_header.setStyle(TableStyle([*grid, shaded]))
    _w, header_height = page_header.wrap(usable, size[1])
    # Body cells are plain strings, wrapped once here: a Paragraph per cell was parsed once
    # and wrapped three times (measure, split, draw), most of the time of a long register.
    room = [w - 2 * CELL_PADDING for w in col_widths]
    body: list[list[Any]] = [[wrap_cell(v, room[i]) for i, v in enumerate(row)] for row in rows]
    if not rows:
        body.append([_p(empty, base)] + [""] * (len(columns) - 1))
    if totals:
        body.append([wrap_cell(v, room[i], BOLD) for i, v in enumerate(totals)])
    cells = [
        ("FONT", (0, 0), (-1, -1), REGULAR, CELL_SIZE, CELL_LEADING),
        *[("ALIGN", (i, 0), (i, -1), "RIGHT") for i in sorted(numeric)],
    ]
    tables: list[Any] = []
    for index in range(0, len(body), CHUNK):
        chunk = body[index : index + CHUNK]
        first = index == 0
        table = Table(header_rows + chunk if first else chunk, colWidths=col_widths)
        style = [*grid, *cells, shaded] if first else [*grid, *cells]
        if not rows and first:
            style.append(("SPAN", (0, 2), (-1, 2)))
        if totals and index + len(chunk) == len(body):  # the totals row closes the last chunk
            style.append(("FONT", (0, -1), (-1, -1), BOLD, CELL_SIZE, CELL_LEADING))
        table.setStyle(TableStyle(style))
        tables.append(table)

    def draw_header(canvas: Any, _document: Any) -> None:
        page_header.drawOn(canvas, m_left, size[1] - m_top - header_height)

    height = size[1] - m_top - m_bottom
    buffer = io.BytesIO()
    document = BaseDocTemplate(
        buffer, pagesize=size, title=title, author=watermark.who, leftMargin=m_left
    )
    no_padding = {"leftPadding": 0, "rightPadding": 0, "topPadding": 0, "bottomPadding": 0}
    document.addPageTemplates(
        [
            PageTemplate("first", [Frame(m_left, m_bottom, usable, height, **no_padding)]),
            PageTemplate(
                "later",
                [Frame(m_left, m_bottom, usable, height - header_height, **no_padding)],
                onPage=draw_header,
            ),
        ]
    )
    motto = _("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") + "\n" + _("Độc lập - Tự do - Hạnh phúc")
    masthead = Table(
        [[_p(organ.upper(), centred), _p(motto, centred)]], colWidths=[usable / 2, usable / 2]
    )
    story: list[Any] = [
        NextPageTemplate("later"),
        masthead,
        Spacer(1, 4 * mm),
        _p(title.upper(), big),
        _p(subtitle, centred),
        Spacer(1, 4 * mm),
        *tables,
    ]
    story += [_p(note, base) for note in notes]

    class Numbered(_NumberedCanvas):
        pass

    Numbered.watermark = watermark
    document.build(story, canvasmaker=Numbered)
    return buffer.getvalue()
