"""Subjects from old Vietnamese mail clients: encoded words in TCVN3 (ABC) or VNI.

TCVN3 is a single-byte encoding (its lower-case font): each Vietnamese letter is one byte
in 0x80–0xFF, so a table decodes it. VNI writes a base letter followed by tone and shape
bytes drawn from Windows-1252 (:mod:`egov.mail.inbound.vni`): decoded when every byte fits
the layout, otherwise kept as received and flagged for a person to read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from email.header import decode_header

from egov.mail.inbound.vni import decode_vni

#: TCVN3 (TCVN 5712:1993, “ABC” fonts) byte → letter, the lower-case font's table; the five
#: capitals the font has of its own (Ă Â Đ Ê Ô Ơ Ư) are in it too.
_TCVN3_PAIRS = (
    "µà¸á¶ả·ã¹ạ¨ă»ằ¾ắ¼ẳ½ẵÆặ©âÇầÊấÈẩÉẫËậ®đÌèÐéÎẻÏẽÑẹªêÒềÕếÓểÔễÖệ×ìÝíØỉÜĩÞị"
    "ßòãóáỏâõäọ«ôåồèốæổçỗéộ¬ơêờíớëởìỡîợïùóúñủòũôụ\xadưõừøứöử÷ữùựúỳýýûỷüỹþỵ"
    "¡Ă¢Â§Đ£Ê¤Ô¥Ơ¦Ư"
)
TCVN3_TABLE = {ord(_TCVN3_PAIRS[i]): _TCVN3_PAIRS[i + 1] for i in range(0, len(_TCVN3_PAIRS), 2)}

_TCVN3_NAMES = re.compile(r"^(x-)?(viet-)?tcvn(3|-?5712)?(-1|:1993)?$|^abc$", re.IGNORECASE)
_VNI_NAMES = re.compile(r"^(x-)?(viet-)?vni(-win(dows)?)?$", re.IGNORECASE)


def decode_tcvn3(data: bytes) -> str:
    return data.decode("latin-1").translate(TCVN3_TABLE)


@dataclass
class Subject:
    text: str
    flags: list[str] = field(default_factory=list)
    charsets: list[str] = field(default_factory=list)


def decode_subject(raw: str) -> Subject:
    """Decode a raw Subject header. Flags: ``legacy_subject`` (TCVN3 or VNI decoded: the
    text is right but worth a glance), ``undecoded_subject`` (VNI bytes that do not fit the
    layout, or an unknown charset: shown as received, to be read by a person)."""
    result = Subject(text="")
    parts: list[str] = []
    try:
        pieces = decode_header(raw)
    except Exception:  # a malformed encoded word: keep the header as it came
        result.flags.append("undecoded_subject")
        result.text = raw
        return result
    for data, charset in pieces:
        if isinstance(data, str):
            parts.append(data)
            continue
        name = (charset or "ascii").strip().lower()
        if name not in result.charsets:
            result.charsets.append(name)
        if _TCVN3_NAMES.match(name):
            parts.append(decode_tcvn3(data))
            if "legacy_subject" not in result.flags:
                result.flags.append("legacy_subject")
            continue
        if _VNI_NAMES.match(name):
            decoded = decode_vni(data)
            flag = "legacy_subject" if decoded is not None else "undecoded_subject"
            parts.append(decoded if decoded is not None else data.decode("cp1252", "replace"))
            if flag not in result.flags:
                result.flags.append(flag)
            continue
        try:
            parts.append(data.decode(name))
        except (LookupError, UnicodeDecodeError):
            parts.append(data.decode("latin-1"))
            if "undecoded_subject" not in result.flags:
                result.flags.append("undecoded_subject")
    text = "".join(parts)
    result.text = re.sub(r"\s+", " ", text).strip()
    return result
