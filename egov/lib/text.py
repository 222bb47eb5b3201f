"""Vietnamese text normalisation.

Search must match without diacritics ("uy ban" finds "Ủy ban") and must treat the two
tone-mark placements as equal ("Hòa" and "Hoà"). Both follow from folding: NFD-decompose,
drop the combining marks, map đ/Đ to d, lower-case and collapse white space.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def nfc(text: str) -> str:
    """Return the NFC form: the form stored everywhere in the database."""
    return unicodedata.normalize("NFC", text)


def clean(text: str) -> str:
    """NFC, trimmed, inner white space collapsed: the form names are stored in."""
    return _SPACES.sub(" ", nfc(text)).strip()


def fold(text: str) -> str:
    """Return the diacritic-free, lower-case search key of ``text``."""
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    stripped = stripped.replace("đ", "d").replace("Đ", "D")
    return _SPACES.sub(" ", stripped.lower()).strip()
