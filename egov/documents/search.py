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
from django.db.models.expressions import CombinedExpression

from egov.lib.text import fold

_WORD = re.compile(r"[0-9a-z]+")


def _document_text(
    document: Any, extra: list[str], attachments: list[tuple[str, str]] | None = None
) -> str:
    """The folded text of ``document``; ``attachments`` as (name, text) pairs when the caller
    already has them (a document being created), read from the database otherwise."""
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
    if attachments is None:
        attachments = [(a.name, a.file.text) for a in document.attachments.select_related("file")]
    for name, text in attachments:
        parts.append(name)
        parts.append(text)
    return fold(" ".join(p for p in parts if p))


def _vector(text: str) -> CombinedExpression:
    # Notation "459/UBND-TTTH" also indexed as separate words: ubnd ttth 459.
    return SearchVector(Value(text), config="simple") + SearchVector(
        Value(" ".join(_WORD.findall(text[:2000]))), config="simple"
    )


def _store(model: Any, pk: int, text: str) -> None:
    model.objects.filter(pk=pk).update(search_vector=_vector(text))


def incoming_vector(document: Any, attachments: list[tuple[str, str]]) -> CombinedExpression:
    """The search vector of an incoming document not saved yet, to store with its INSERT
    (one statement fewer than :func:`index_incoming` on registration)."""
    return _vector(_document_text(document, _incoming_extra(document), attachments))


def _incoming_extra(document: Any) -> list[str]:
    return [document.issuer_name, document.to_places]


def index_incoming(document: Any) -> None:
    text = _document_text(document, _incoming_extra(document))
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
