"""The search index of documents: a ``simple``-configuration tsvector over the folded text
(no diacritics, lower case), so "quyet dinh ubnd" finds "Quyết định … UBND".

Actions call :func:`index_incoming` / :func:`index_outgoing` after each change of the
indexed fields; the index is written by one UPDATE computed in PostgreSQL (the text of
attached PDFs can be long).
"""

from __future__ import annotations

import re
from typing import Any

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db.models import Value

from egov.lib.text import fold

_WORD = re.compile(r"[0-9a-z]+")


def _document_text(document: Any, extra: list[str]) -> str:
    parts = [
        document.subject,
        document.code_number,
        document.code_notation,
        document.signer_name,
        document.signer_position,
        document.description,
        document.document_type.name,
        *extra,
    ]
    for attachment in document.attachments.select_related("file"):
        parts.append(attachment.name)
        parts.append(attachment.file.text)
    return fold(" ".join(p for p in parts if p))


def _store(model: Any, pk: int, text: str) -> None:
    # Notation "459/UBND-TTTH" also indexed as separate words: ubnd ttth 459.
    model.objects.filter(pk=pk).update(
        search_vector=SearchVector(Value(text), config="simple")
        + SearchVector(Value(" ".join(_WORD.findall(text[:2000]))), config="simple")
    )


def index_incoming(document: Any) -> None:
    text = _document_text(document, [document.issuer_name, document.to_places])
    _store(type(document), document.pk, text)


def index_outgoing(document: Any) -> None:
    recipients = [r.name for r in document.recipients.all()]
    text = _document_text(document, [document.unit.name, document.drafting_unit.name, *recipients])
    _store(type(document), document.pk, text)


def search_query(text: str) -> SearchQuery | None:
    """Every word must match; the last may be a prefix (typing "quyet dinh ub")."""
    words = _WORD.findall(fold(text))
    if not words:
        return None
    terms = [*words[:-1], f"{words[-1]}:*"]
    return SearchQuery(" & ".join(terms), config="simple", search_type="raw")
