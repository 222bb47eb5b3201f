"""The visible appearance of signatures, per Nghị định 30/2020 Phụ lục I (reference §1.10):

- the signer's signature: the image of the handwritten signature, blue, PNG with a transparent
  background, centred between the title and the name (II.7.d);
- the organisation's signature on the main document: the seal, red, PNG, transparent, at real
  size, overlapping about a third of the signer's image on its left (II.8.a);
- the organisation's signature on an attachment in a separate file or on an electronic copy:
  no image, a text line at the top right of page 1 (number and notation, or the copy's form
  and the copying agency, then the signing time in ISO 8601, Vietnam time), Times New Roman
  10 pt, black (III.1.d, box 14).

Times New Roman itself is not free to ship; Liberation Serif
has the same metrics and, from version 2, covers Vietnamese.

Also here: images for tests and the demo (a blue scribble, a red round seal), drawn with
Pillow, so nobody's real signature or seal is ever committed.
"""

from __future__ import annotations

import functools
import io
import math
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

#: Where Debian's fonts-liberation2 puts the Times-compatible serif (the 1.x fonts of
#: fonts-liberation lack most Vietnamese letters).
TIMES_COMPATIBLE = Path("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf")
DEJAVU_SANS_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")

#: Points per millimetre.
MM = 72 / 25.4
#: A round seal of an agency is 35–40 mm across (Nghị định 99/2016 and common practice): real
#: size in the PDF.
SEAL_DIAMETER = 36 * MM
#: The signer's image: a box between the title and the name.
SIGNER_WIDTH, SIGNER_HEIGHT = 45 * MM, 22 * MM
#: The text line of an attachment or copy: top right of page 1.
TEXT_WIDTH, TEXT_HEIGHT, TEXT_MARGIN = 80 * MM, 12 * MM, 10 * MM

Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class PageSize:
    width: float
    height: float


A4 = PageSize(595.28, 841.89)


@functools.cache
def text_font() -> Path:
    """The Times-compatible serif rescaled to 1000 units per em, in a cache file. pyHanko
    writes a CID font's glyph widths (/W) in the font's own units, which the PDF reads as
    thousandths of an em: Liberation Serif's 2048 units would double every advance."""
    # fontTools ships no type information (a pyHanko dependency, not ours to stub).
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]
    from fontTools.ttLib.scaleUpem import scale_upem  # type: ignore[import-untyped]

    cache = Path(tempfile.gettempdir()) / "egov-fonts" / "LiberationSerif-Regular-1000.ttf"
    if not cache.is_file():
        cache.parent.mkdir(parents=True, exist_ok=True)
        font = TTFont(str(TIMES_COMPATIBLE))
        if font["head"].unitsPerEm != 1000:
            scale_upem(font, 1000)
        partial = cache.with_suffix(f".{os.getpid()}.tmp")
        font.save(str(partial))
        partial.replace(cache)
    return cache


def signer_box(page: PageSize) -> Box:
    """The signer's image, in the signature block of the right half of the last page (where
    the Phụ lục I layout puts the title and the name), when the PDF has no empty signature
    field of its own."""
    centre_x = page.width * 0.72
    bottom = 130.0
    return (
        centre_x - SIGNER_WIDTH / 2,
        bottom,
        centre_x + SIGNER_WIDTH / 2,
        bottom + SIGNER_HEIGHT,
    )


def seal_box(signer: Box) -> Box:
    """The seal overlaps about a third of the signer's image, on its left (II.8.a)."""
    x1, y1, x2, y2 = signer
    overlap = (x2 - x1) / 3
    centre_y = (y1 + y2) / 2
    right = x1 + overlap
    return (
        right - SEAL_DIAMETER,
        centre_y - SEAL_DIAMETER / 2,
        right,
        centre_y + SEAL_DIAMETER / 2,
    )


def text_box(page: PageSize) -> Box:
    """Top right of page 1 (attachments in separate files, electronic copies)."""
    right = page.width - TEXT_MARGIN
    top = page.height - TEXT_MARGIN
    return (right - TEXT_WIDTH, top - TEXT_HEIGHT, right, top)


def copy_box(page: PageSize) -> Box:
    """An electronic copy's three lines (form and number, copying agency, time): top right
    of page 1, like an attachment's line but taller."""
    right = page.width - TEXT_MARGIN
    top = page.height - TEXT_MARGIN
    return (right - TEXT_WIDTH, top - 2.2 * TEXT_HEIGHT, right, top)


def overlap_share(signer: Box, seal: Box) -> float:
    """Which share of the signer's image's width the seal covers (for the tests)."""
    covered = max(0.0, min(signer[2], seal[2]) - max(signer[0], seal[0]))
    return covered / (signer[2] - signer[0])


# --- Sample images (tests, demo) ---------------------------------------------------------


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def sample_signature_png(seed: int = 7) -> bytes:
    """A blue scribble on a transparent background, standing in for a handwritten
    signature."""
    width, height = 600, 300
    image = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    points = []
    for step in range(120):
        t = step / 119
        x = 40 + t * (width - 80)
        y = height / 2 + math.sin(t * math.pi * (3 + seed % 3)) * 80 * (1 - t / 2)
        points.append((x, y))
    draw.line(points, fill=(20, 40, 200, 255), width=9, joint="curve")
    draw.line([(90, 230), (width - 90, 200)], fill=(20, 40, 200, 255), width=6)
    return _png(image)


def sample_seal_png(name: str = "UBND TỈNH THỬ NGHIỆM") -> bytes:
    """A red round seal on a transparent background: two rings, a star and the agency's
    name."""
    size = 600
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    red = (220, 20, 30, 255)
    draw.ellipse((10, 10, size - 10, size - 10), outline=red, width=18)
    draw.ellipse((120, 120, size - 120, size - 120), outline=red, width=8)
    centre = size / 2
    star = []
    for i in range(10):
        radius = 70 if i % 2 == 0 else 28
        angle = -math.pi / 2 + i * math.pi / 5
        star.append((centre + radius * math.cos(angle), centre + radius * math.sin(angle)))
    draw.polygon(star, fill=red)
    try:
        font: ImageFont.FreeTypeFont | ImageFont.ImageFont = ImageFont.truetype(
            str(DEJAVU_SANS_BOLD), 30
        )
    except OSError:
        font = ImageFont.load_default()
    letters = list(name)
    for index, letter in enumerate(letters):
        angle = math.pi + (index + 0.5) * math.pi / len(letters)
        x = centre + 215 * math.cos(angle)
        y = centre + 215 * math.sin(angle)
        draw.text((x, y), letter, fill=red, font=font, anchor="mm")
    return _png(image)


def dominant_colour(png: bytes) -> tuple[int, int, int]:
    """The mean colour of the opaque pixels: the tests check blue for the signer and red for
    the seal, and that the background is transparent."""
    image = Image.open(io.BytesIO(png)).convert("RGBA")
    total = [0, 0, 0]
    count = 0
    raw = image.tobytes()
    for offset in range(0, len(raw), 4):
        r, g, b, a = raw[offset : offset + 4]
        if a > 128:
            total[0] += r
            total[1] += g
            total[2] += b
            count += 1
    if not count:
        return (0, 0, 0)
    return (total[0] // count, total[1] // count, total[2] // count)


def is_transparent_png(png: bytes) -> bool:
    image = Image.open(io.BytesIO(png))
    if image.format != "PNG" or image.mode != "RGBA":
        return False
    corner = image.convert("RGBA").getpixel((0, 0))
    return isinstance(corner, tuple) and corner[3] == 0
