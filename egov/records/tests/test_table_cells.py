"""Register cells are wrapped once, as plain strings (the register PDF's speed, bench.records):
every line fits its column, no word is lost or reordered, hard line breaks stay, a word wider
than the column is cut; the printed table carries every cell and closes with the totals."""

import io
import unicodedata

from django.utils import timezone
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics

from egov.records.exports.render import Watermark
from egov.records.exports.tables import BOLD, CELL_SIZE, REGULAR, _fonts, table_pdf, wrap_cell

SUBJECT = (
    "Công văn\nVề việc triển khai nhiệm vụ chuyển đổi số, cải cách hành chính và nâng cao chất "
    "lượng phục vụ người dân, doanh nghiệp trên địa bàn tỉnh An Giang năm 2026"
)


def width(text, font=REGULAR):
    return pdfmetrics.stringWidth(text, font, CELL_SIZE)


def test_every_line_fits_and_every_word_stays_in_order():
    _fonts()
    for room in (60.0, 120.0, 300.0):
        wrapped = wrap_cell(SUBJECT, room)
        lines = wrapped.split("\n")
        assert all(width(line) <= room for line in lines), room
        assert wrapped.split() == SUBJECT.split()
        assert lines[0] == "Công văn"  # the hard break is kept
    assert len(wrap_cell(SUBJECT, 60.0).split("\n")) > len(wrap_cell(SUBJECT, 300.0).split("\n"))
    assert wrap_cell("Bộ Nội vụ", 300.0) == "Bộ Nội vụ"


def test_a_word_wider_than_the_column_is_cut_between_letters():
    _fonts()
    long_word = "01/UBND-TTTH-KSTTHC-CCHC-2026"
    wrapped = wrap_cell(f"Số {long_word} ngày", 40.0)
    lines = wrapped.split("\n")
    assert all(width(line) <= 40.0 for line in lines)
    assert "".join(lines).replace(" ", "") == f"Số{long_word}ngày"


def test_text_is_put_in_composed_form_and_bold_cells_measured_in_bold():
    _fonts()
    decomposed = unicodedata.normalize("NFD", "Ủy ban nhân dân tỉnh")
    assert wrap_cell(decomposed, 300.0) == "Ủy ban nhân dân tỉnh"
    bold_line = "Tổng cộng văn bản đến"
    room = (width(bold_line) + width(bold_line, BOLD)) / 2  # fits in regular, not in bold
    assert "\n" not in wrap_cell(bold_line, room)
    assert "\n" in wrap_cell(bold_line, room, BOLD)


def test_the_printed_table_carries_every_cell_and_the_totals():
    rows = [[str(n), f"{SUBJECT} {n}", "Phòng Công chức"] for n in range(1, 151)]
    data = table_pdf(
        organ="Sở Nội vụ",
        title="Sổ đăng ký văn bản đến",
        subtitle="Năm 2026",
        columns=["Số đến", "Tên loại và trích yếu nội dung", "Đơn vị nhận"],
        rows=rows,
        totals=["150", "Tổng cộng", ""],
        numeric={0},
        widths=[10, 70, 20],
        notes=[],
        watermark=Watermark(who="Phạm Thị Thư", at=timezone.now()),
        empty="—",
    )
    reader = PdfReader(io.BytesIO(data))
    text = " ".join(page.extract_text() for page in reader.pages)
    flat = " ".join(text.split())
    assert len(reader.pages) >= 4
    for n in (1, 75, 150):
        assert f"An Giang năm 2026 {n}" in flat
    assert flat.count("Phòng Công chức") == 150
    assert "Tổng cộng" in reader.pages[-1].extract_text()  # the totals close the table
    assert "Tổng cộng" not in reader.pages[0].extract_text()
