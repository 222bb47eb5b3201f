"""Test scans: an administrative document laid out as Nghị định 30 Phụ lục I puts it (issuing
body top left, national motto top right, number and notation under the body, place and date
under the motto, the type in capitals centred, the subject under it, the body text, the
signature block), rendered to PDF in a Times-compatible serif, rasterised at 200 dpi by
Ghostscript, given the noise of a scanner (speckles, a slight rotation, grey background), and
saved as an image-only PDF: what a clerk gets from the office scanner. The tests and the OCR
bench read them back."""

from __future__ import annotations

import io
import random
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PIL import Image, ImageFilter

#: Ghostscript (Debian's ``ghostscript``, which OCRmyPDF needs anyway) rasterises the page.
GHOSTSCRIPT = shutil.which("gs") or "/usr/bin/gs"

DPI = 200
A4_PIXELS = (round(8.27 * DPI), round(11.69 * DPI))
SERIF = Path("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf")
SERIF_BOLD = Path("/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf")

#: (line above, the body's own line, abbreviation, the body's name as a clerk registers it)
ISSUERS = [
    ("ỦY BAN NHÂN DÂN", "TỈNH AN GIANG", "UBND", "Ủy ban nhân dân tỉnh An Giang"),
    ("UBND TỈNH AN GIANG", "SỞ NỘI VỤ", "SNV", "Sở Nội vụ"),
    ("UBND TỈNH AN GIANG", "SỞ TÀI CHÍNH", "STC", "Sở Tài chính"),
    ("ỦY BAN NHÂN DÂN", "XÃ ĐỊNH MỸ", "UBND", "Ủy ban nhân dân xã Định Mỹ"),
    ("", "BỘ NỘI VỤ", "BNV", "Bộ Nội vụ"),
]
TYPES = [
    ("QUYẾT ĐỊNH", "QĐ", "Quyết định"),
    ("KẾ HOẠCH", "KH", "Kế hoạch"),
    ("THÔNG BÁO", "TB", "Thông báo"),
    ("BÁO CÁO", "BC", "Báo cáo"),
    ("CÔNG VĂN", "", "Công văn"),
]
SUBJECTS = [
    "Về việc tuyển dụng công chức năm 2026",
    "Về việc triển khai hệ thống quản lý văn bản và điều hành",
    "Về việc kiện toàn Ban Chỉ đạo chuyển đổi số của tỉnh",
    "Về việc tổ chức hội nghị sơ kết công tác cải cách hành chính",
    "Về việc phân bổ kinh phí sự nghiệp năm 2026",
    "Về việc chủ động ứng phó với mùa mưa bão",
    "Về việc rà soát vị trí việc làm trong các cơ quan hành chính",
    "Về việc nâng cấp hạ tầng mạng diện rộng của tỉnh",
]
BODY = (
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
    "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;",
    "Theo đề nghị của Giám đốc Sở Nội vụ.",
)


@dataclass(frozen=True)
class ScanTruth:
    """What the scan shows: the fields the OCR should suggest."""

    issuer: str
    number: str
    notation: str
    issued_date: date
    type_name: str
    subject: str


def make_truth(rng: random.Random) -> ScanTruth:
    _parent, _body, abbreviation, issuer = rng.choice(ISSUERS)
    _heading, type_code, type_name = rng.choice(TYPES)
    number = str(rng.randint(1, 999)).zfill(2)
    notation = f"{type_code}-{abbreviation}" if type_code else f"{abbreviation}-VP"
    return ScanTruth(
        issuer=issuer,
        number=number,
        notation=notation,
        issued_date=date(2026, rng.randint(1, 12), rng.randint(1, 28)),
        type_name=type_name,
        subject=rng.choice(SUBJECTS),
    )


#: One line of the page: (x, y of its top in 200 dpi pixels, text, bold, size in points,
#: anchor: "mt" centred on x, "lt" starting at x).
Line = tuple[int, int, str, bool, float, str]


def layout(truth: ScanTruth) -> list[Line]:
    """Where each line of the document goes on an A4 page (Phụ lục I's places)."""
    width, _height = A4_PIXELS
    left, right = round(0.8 * DPI), width - round(0.6 * DPI)
    top = round(0.8 * DPI)
    parent, body = _issuer_lines(truth)
    column = left + round(2.9 * DPI) // 2
    motto_x = right - round(2.0 * DPI)
    line_y = top + 150
    day = truth.issued_date
    lines: list[Line] = []
    if parent:
        lines.append((column, top, parent, False, 13, "mt"))
    lines += [
        (column, top + 60, body, True, 13, "mt"),
        (motto_x, top, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, 12, "mt"),
        (motto_x, top + 60, "Độc lập - Tự do - Hạnh phúc", True, 13, "mt"),
        (column, line_y, f"Số: {truth.number}/{truth.notation}", False, 13, "mt"),
        (
            motto_x,
            line_y,
            f"An Giang, ngày {day.day:02d} tháng {day.month:02d} năm {day.year}",
            False,
            13,
            "mt",
        ),
    ]
    centre = width // 2
    y = line_y + 160
    if truth.type_name != "Công văn":
        lines.append((centre, y, truth.type_name.upper(), True, 14, "mt"))
        y += 70
        lines.append((centre, y, truth.subject, True, 13, "mt"))
    else:
        about = truth.subject.removeprefix("Về việc ")
        lines.append((left, line_y + 60, f"V/v {about}", False, 13, "lt"))
    y += 140
    for text in BODY:
        lines.append((left + 60, y, text, False, 13, "lt"))
        y += 60
    lines.append((right - round(1.8 * DPI), y + 120, "GIÁM ĐỐC", True, 13, "mt"))
    lines.append((right - round(1.8 * DPI), y + 420, "Nguyễn Văn An", True, 13, "mt"))
    return lines


def document_pdf(truth: ScanTruth) -> bytes:
    """The document as the issuing office printed it: a vector A4 PDF in a Times-compatible
    serif (reportlab), laid out by ``layout``."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    for name, path in (("ScanSerif", SERIF), ("ScanSerif-Bold", SERIF_BOLD)):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(path)))
    out = io.BytesIO()
    sheet = canvas.Canvas(out, pagesize=A4)
    page_height = A4[1]
    for x, y, text, bold, size, anchor in layout(truth):
        sheet.setFont("ScanSerif-Bold" if bold else "ScanSerif", size)
        x_pt = x * 72 / DPI
        baseline = page_height - y * 72 / DPI - size * 0.8
        if anchor == "mt":
            sheet.drawCentredString(x_pt, baseline, text)
        else:
            sheet.drawString(x_pt, baseline, text)
    sheet.showPage()
    sheet.save()
    return out.getvalue()


def rasterise(pdf: bytes) -> Image.Image:
    """The printed page through the office scanner's eye: Ghostscript renders it at 200 dpi in
    grey."""
    with tempfile.TemporaryDirectory(prefix="egov-scan-") as folder:
        source, target = Path(folder) / "in.pdf", Path(folder) / "page.png"
        source.write_bytes(pdf)
        subprocess.run(  # noqa: S603 - Ghostscript on a file we wrote, fixed arguments
            [
                GHOSTSCRIPT,
                "-q",
                "-dSAFER",
                "-dBATCH",
                "-dNOPAUSE",
                "-sDEVICE=pnggray",
                f"-r{DPI}",
                "-dTextAlphaBits=4",
                f"-sOutputFile={target}",
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        with Image.open(target) as image:
            return image.convert("L").copy()


def render(truth: ScanTruth, rng: random.Random, *, noise: float = 0.02) -> bytes:
    """The scan as an image-only PDF: the document rendered to PDF, rasterised at 200 dpi,
    then given a scanner's faults (a slight rotation, blur, speckles, grey paper)."""
    page = rasterise(document_pdf(truth))
    width, height = page.size
    page = page.rotate(rng.uniform(-0.8, 0.8), fillcolor=255, resample=Image.Resampling.BICUBIC)
    page = page.filter(ImageFilter.GaussianBlur(radius=0.6))
    pixels = page.load()
    assert pixels is not None  # noqa: S101 - Pillow returns an accessor for a loaded image
    for _ in range(round(width * height * noise / 10)):
        x, y2 = rng.randrange(width), rng.randrange(height)
        pixels[x, y2] = rng.choice((0, 90, 200))
    page = page.point(lambda v: round(v * 0.92 + 12))  # grey paper, lighter ink
    out = io.BytesIO()
    page.convert("RGB").save(out, format="PDF", resolution=DPI)
    return out.getvalue()


def _issuer_lines(truth: ScanTruth) -> tuple[str, str]:
    for parent, body, _abbreviation, name in ISSUERS:
        if name == truth.issuer:
            return (parent, body)
    return ("", truth.issuer.upper())


def make_scans(count: int, *, seed: int = 20260305) -> list[tuple[ScanTruth, bytes]]:
    rng = random.Random(seed)  # noqa: S311 - test data, not security
    scans = []
    for _ in range(count):
        truth = make_truth(rng)
        scans.append((truth, render(truth, rng)))
    return scans
