"""Test scans: an administrative document laid out as Nghị định 30 Phụ lục I puts it (issuing
body top left, national motto top right, number and notation under the body, place and date
under the motto, the type in capitals centred, the subject under it, the body text, the
signature block), drawn at 200 dpi in a Times-compatible serif, with the noise of a scanner
(speckles, a slight rotation, grey background), and saved as an image-only PDF: what a clerk
gets from the office scanner. The tests and the OCR bench read them back."""

from __future__ import annotations

import io
import random
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

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


def _font(path: Path, size_pt: float) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(path), round(size_pt * DPI / 72))


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


def render(truth: ScanTruth, rng: random.Random, *, noise: float = 0.02) -> bytes:
    """The scan as an image-only PDF at 200 dpi."""
    width, height = A4_PIXELS
    page = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(page)
    regular, bold = _font(SERIF, 13), _font(SERIF_BOLD, 13)
    small_bold = _font(SERIF_BOLD, 12)
    left, right = round(0.8 * DPI), width - round(0.6 * DPI)
    top = round(0.8 * DPI)
    parent, body = _issuer_lines(truth)
    column = round(2.9 * DPI)
    if parent:
        draw.text((left + column // 2, top), parent, font=regular, fill=0, anchor="mt")
    draw.text((left + column // 2, top + 60), body, font=bold, fill=0, anchor="mt")
    motto_x = right - round(2.0 * DPI)
    draw.text(
        (motto_x, top), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", font=small_bold, fill=0, anchor="mt"
    )
    draw.text((motto_x, top + 60), "Độc lập - Tự do - Hạnh phúc", font=bold, fill=0, anchor="mt")
    line_y = top + 150
    draw.text(
        (left + column // 2, line_y),
        f"Số: {truth.number}/{truth.notation}",
        font=regular,
        fill=0,
        anchor="mt",
    )
    day = truth.issued_date
    draw.text(
        (motto_x, line_y),
        f"An Giang, ngày {day.day:02d} tháng {day.month:02d} năm {day.year}",
        font=_font(SERIF, 13),
        fill=0,
        anchor="mt",
    )
    centre = width // 2
    y = line_y + 160
    if truth.type_name != "Công văn":
        draw.text(
            (centre, y), truth.type_name.upper(), font=_font(SERIF_BOLD, 14), fill=0, anchor="mt"
        )
        y += 70
        draw.text((centre, y), truth.subject, font=bold, fill=0, anchor="mt")
    else:
        about = truth.subject.removeprefix("Về việc ")
        draw.text((left, line_y + 60), f"V/v {about}", font=regular, fill=0, anchor="lt")
    y += 140
    for line in BODY:
        draw.text((left + 60, y), line, font=regular, fill=0)
        y += 60
    draw.text((right - round(1.8 * DPI), y + 120), "GIÁM ĐỐC", font=bold, fill=0, anchor="mt")
    draw.text((right - round(1.8 * DPI), y + 420), "Nguyễn Văn An", font=bold, fill=0, anchor="mt")
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
