"""Showing a TOTP secret to its holder: a QR code as inline SVG and the base32 text."""

from __future__ import annotations

from base64 import b32encode

import qrcode
import qrcode.image.svg
from django_otp.plugins.otp_totp.models import TOTPDevice


def qr_svg(device: TOTPDevice) -> str:
    """The ``otpauth://`` address of ``device`` as an inline ``<svg>`` element."""
    image = qrcode.make(
        device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2
    )
    text = str(image.to_string(encoding="unicode"))
    # Drop the XML declaration: the element is embedded in an HTML page.
    return text[text.index("<svg") :]


def base32_secret(device: TOTPDevice) -> str:
    """The secret for manual entry, in groups of four letters for reading aloud."""
    raw = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))
