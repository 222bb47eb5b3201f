"""VNI Windows, the encoding of the VNI fonts (VNI-Times…) that old mail clients sent as
bytes read through Windows-1252: a Vietnamese letter is an ASCII base letter followed by
one or two mark bytes, or for a few letters one byte of its own.

The layout, built from the VNI fonts' documented scheme and checked byte for byte against
two independent converters' tables (xvnkb's ``vni.h`` and VBKey's ``VNI_WINDOWS_TABLE``):

=============  ===================================  ===================================
               lower case (byte, Windows-1252)      upper case
=============  ===================================  ===================================
sắc            ù F9                                 Ù D9
huyền          ø F8                                 Ø D8
hỏi            û FB                                 Û DB
ngã            õ F5                                 Õ D5
nặng           ï EF                                 Ï CF
â ê ô          â E2; with a tone á E1 à E0 å E5     Â C2; Á C1 À C0 Å C5 Ã C3 Ä C4
               ã E3 ä E4 (sắc huyền hỏi ngã nặng)
ă              ê EA; with a tone é E9 è E8 ú FA     Ê CA; É C9 È C8 Ú DA Ü DC Ë CB
               ü FC ë EB
ơ ư            ô F4, ö F6 (in place of o, u), then  Ô D4, Ö D6, then a tone byte
               a tone byte
i with a tone  í ED ì EC æ E6 ó F3 ò F2 (one byte)  Í CD Ì CC Æ C6 Ó D3 Ò D2
ỵ              î EE                                 Î CE
đ              ñ F1                                 Ñ D1
=============  ===================================  ===================================

Decoding is greedy (a base letter and its marks first). A mark byte left over, a word with
two tones, or a vowel group Vietnamese does not have means the bytes are not what we
think: :func:`decode_vni` then returns ``None`` and the caller keeps the subject as received,
flagged for a person to read. Nothing is guessed.
"""

from __future__ import annotations

import re
import unicodedata

_TONES_LOWER = "ùøûõï"  # sắc, huyền, hỏi, ngã, nặng
_TONES_UPPER = "ÙØÛÕÏ"
_COMBINING_TONES = "\u0301\u0300\u0309\u0303\u0323"
_CIRCUMFLEX_TONED = ("áàåãä", "ÁÀÅÃÄ")
_BREVE_TONED = ("éèúüë", "ÉÈÚÜË")
_I_TONED = ("íìæóò", "ÍÌÆÓÒ")


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _table() -> dict[str, str]:
    table: dict[str, str] = {}
    for upper in (False, True):
        case = 1 if upper else 0
        tones = _TONES_UPPER if upper else _TONES_LOWER
        marks = "ÂÊÔÖ" if upper else "âêôö"
        circumflex, breve, horn_o, horn_u = marks[0], marks[1], marks[2], marks[3]
        dstroke = "Ñ" if upper else "ñ"
        base = "AEIOUY" if upper else "aeiouy"
        for letter in base:
            for tone, mark in zip(tones, _COMBINING_TONES, strict=True):
                # i takes its tones as bytes of their own; ỵ too (below).
                if letter not in "iI" and not (letter in "yY" and mark == "\u0323"):
                    table[letter + tone] = _nfc(letter + mark)
        for letter in base[0] + base[1] + base[3]:  # â ê ô
            hat = _nfc(letter + "\u0302")
            table[letter + circumflex] = hat
            for tone, mark in zip(_CIRCUMFLEX_TONED[case], _COMBINING_TONES, strict=True):
                table[letter + tone] = _nfc(hat + mark)
        a = base[0]
        table[a + breve] = _nfc(a + "\u0306")
        for tone, mark in zip(_BREVE_TONED[case], _COMBINING_TONES, strict=True):
            table[a + tone] = _nfc(a + "\u0306" + mark)
        for byte, letter in ((horn_o, base[3]), (horn_u, base[4])):
            horned = _nfc(letter + "\u031b")
            table[byte] = horned
            for tone, mark in zip(tones, _COMBINING_TONES, strict=True):
                table[byte + tone] = _nfc(horned + mark)
        for byte, mark in zip(_I_TONED[case], _COMBINING_TONES, strict=True):
            table[byte] = _nfc(base[2] + mark)
        table["Î" if upper else "î"] = _nfc(base[5] + "\u0323")  # ỵ
        table[dstroke] = "Đ" if upper else "đ"
    return table


#: VNI sequence (as Windows-1252 text) → Vietnamese letter (NFC).
VNI_TABLE = _table()
_LONGEST = max(len(key) for key in VNI_TABLE)

#: Vowel groups of Vietnamese syllables (tones removed; the u of qu and the i of gi belong
#: to the onset).
_NUCLEI = frozenset(
    [
        "a",
        "ă",
        "â",
        "e",
        "ê",
        "i",
        "o",
        "ô",
        "ơ",
        "u",
        "ư",
        "y",
        "ai",
        "ao",
        "au",
        "ay",
        "âu",
        "ây",
        "eo",
        "êu",
        "ia",
        "iê",
        "iu",
        "oa",
        "oă",
        "oe",
        "oi",
        "ôi",
        "ơi",
        "oo",
        "ua",
        "uâ",
        "uê",
        "ui",
        "uô",
        "uơ",
        "uy",
        "ưa",
        "ưi",
        "ưu",
        "ươ",
        "iêu",
        "oai",
        "oay",
        "oeo",
        "uây",
        "uôi",
        "ươi",
        "ươu",
        "uya",
        "uyê",
        "uyu",
        "yê",
        "yêu",
    ]
)
_VOWELS = "aăâeêioôơuưy"
_WORD = re.compile(r"[^\W\d_]+")


def _strip_tone(letter: str) -> tuple[str, bool]:
    parts = unicodedata.normalize("NFD", letter)
    toned = any(mark in parts for mark in _COMBINING_TONES)
    bare = "".join(ch for ch in parts if ch not in _COMBINING_TONES)
    return unicodedata.normalize("NFC", bare), toned


def _plausible(word: str) -> bool:
    """One tone at most and one vowel group Vietnamese has (checked only for words that
    came out with Vietnamese letters)."""
    letters = [_strip_tone(ch) for ch in word.lower()]
    if sum(toned for _ch, toned in letters) > 1:
        return False
    bare = "".join(ch for ch, _toned in letters)
    if bare.startswith("qu") or (bare.startswith("gi") and len(bare) > 2 and bare[2] in _VOWELS):
        bare = bare[2:]
    groups = re.findall(f"[{_VOWELS}]+", bare)
    if not groups:  # an abbreviation such as QĐ, TTĐT
        return True
    return len(groups) == 1 and groups[0] in _NUCLEI


def decode_vni(data: bytes) -> str | None:
    """The text of VNI Windows ``data``, or ``None`` if any byte does not fit the layout."""
    text = data.decode("cp1252", errors="replace")
    out: list[str] = []
    position = 0
    while position < len(text):
        for size in range(_LONGEST, 0, -1):
            letter = VNI_TABLE.get(text[position : position + size])
            if letter is not None:
                out.append(letter)
                position += size
                break
        else:
            char = text[position]
            if ord(char) > 0x7F:  # a mark with no letter to sit on, or a foreign byte
                return None
            out.append(char)
            position += 1
    decoded = "".join(out)
    for word in _WORD.findall(decoded):
        if not word.isascii() and not _plausible(word):
            return None
    return decoded
