"""The search key of a legal document: its metadata and full text folded (no diacritics,
``đ``→``d``, lower case, with :func:`egov.lib.text.fold`, as the e-office and the registry
search do), stored in ``search_text``; PostgreSQL keeps a ``simple``-configuration tsvector of
it in a generated column with a GIN index. The number/notation is also kept whole and folded
without spaces in ``code_key`` (trigram-indexed), so "12/2025/QD-UBND", "12/2025/qđ-ubnd" and
"2025/qd" all find "12/2025/QĐ-UBND"."""

from __future__ import annotations

import re
from typing import Any

from django.contrib.postgres.search import SearchQuery
from django.utils import translation

from egov.gazette import constants as c
from egov.gazette.choices import DocType, LegalField
from egov.lib.text import fold

_WORD = re.compile(r"[0-9a-z]+")
_SPACES = re.compile(r"\s+")
#: A query that looks like a number/notation: digits and a slash or a dash.
_CODE_LIKE = re.compile(r"^[0-9a-z]*[0-9][0-9a-z]*[/-][0-9a-z/.-]*$")


_LEADING_ZEROS = re.compile(r"^0+(?=[0-9])")


def code_key(code: str) -> str:
    """The comparison form of a number/notation: folded, without spaces, the number without
    leading zeros ("05/2025/QĐ-UBND" and "5/2025/qd-ubnd" are one key)."""
    return _LEADING_ZEROS.sub("", _SPACES.sub("", fold(code)))


def search_text(document: Any) -> str:
    """The folded text ``document`` is found by."""
    with translation.override("vi"):
        type_label = str(DocType(document.doc_type).label) if document.doc_type else ""
        field_labels = [str(LegalField(f).label) for f in document.fields or []]
    parts = [
        document.code,
        " ".join(_WORD.findall(fold(document.code))),
        type_label,
        document.issuer_name,
        document.title,
        document.signer_title,
        document.signer_name,
        *field_labels,
        document.scope,
        document.applicability,
        document.body_text[: c.INDEXED_TEXT_MAX],
    ]
    return fold(" ".join(p for p in parts if p))


def text_query(text: str) -> SearchQuery | None:
    """Every word must match; the last may be a prefix (typing "hoc phi nam ho")."""
    words = _WORD.findall(fold(text))
    if not words:
        return None
    terms = [*words[:-1], f"{words[-1]}:*"]
    return SearchQuery(" & ".join(terms), config="simple", search_type="raw")


def code_fragment(text: str) -> str | None:
    """The folded number/notation fragment of a query that looks like one, else None."""
    key = code_key(text)
    return key if _CODE_LIKE.match(key) else None
