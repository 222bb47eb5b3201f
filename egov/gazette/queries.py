"""Reads of the gazette, for its own pages and for other parts (the portal's "latest legal
documents" block calls :func:`latest_documents`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.core.cache import cache
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from egov.gazette import search
from egov.gazette.choices import (
    INVERSE_LABELS,
    DocState,
    IssueState,
    RelationKind,
    Validity,
)
from egov.gazette.models import GazetteEntry, GazetteIssue, LegalDocument, Relation
from egov.gazette.validity import Incoming, applying_on, status_on, validity_on
from egov.lib.dates import local_today
from egov.lib.text import fold

__all__ = [
    "SearchFilters",
    "document_status",
    "in_force_on",
    "issuers_with_documents",
    "latest_documents",
    "published",
    "published_issues",
    "relations_of",
    "search_documents",
    "with_validity",
]


def published() -> QuerySet[LegalDocument]:
    return LegalDocument.objects.filter(state=DocState.PUBLISHED)


def with_validity(qs: QuerySet[LegalDocument], day: dt.date) -> QuerySet[LegalDocument]:
    """``qs`` annotated with ``validity``: the status on ``day``."""
    return qs.annotate(validity=validity_on(day))


def latest_documents(limit: int = 5) -> list[LegalDocument]:
    """The most recently published documents, newest first (for the portal's home page)."""
    return list(
        with_validity(published(), local_today())
        .defer("body_text", "search_text")
        .order_by("-published_at", "-pk")[:limit]
    )


def in_force_on(day: dt.date) -> QuerySet[LegalDocument]:
    """Published documents that apply, wholly or in part, on ``day``."""
    return with_validity(published(), day).filter(applying_on(day))


@dataclass(frozen=True)
class SearchFilters:
    """What a citizen can search by; empty values do not filter. ``on`` is the day the
    validity is computed for (today by default): "in force on date D"."""

    text: str = ""
    doc_type: str = ""
    issuer_id: int | None = None
    legal_field: str = ""
    year: int | None = None
    validity: str = ""
    on: dt.date | None = None
    issued_from: dt.date | None = None
    issued_to: dt.date | None = None
    extra: dict[str, Any] = field(default_factory=dict)


#: The public list reads the metadata only (never the full text or the search key).
LIST_DEFER = ("body_text", "search_text", "applicability")


def search_documents(filters: SearchFilters) -> QuerySet[LegalDocument]:
    """Published documents issued by the filters' day and matching ``filters``, each
    annotated with ``validity`` on that day, newest first. (Looking at a past day,
    documents issued later did not exist yet.)"""
    day = filters.on or local_today()
    qs = with_validity(published().filter(issue_date__lte=day), day).defer(*LIST_DEFER)
    query = search.text_query(filters.text)
    fragment = search.code_fragment(filters.text)
    if query is not None or fragment:
        condition = Q(pk__in=[])
        if query is not None:
            condition |= Q(search_vector=query)
        if fragment:
            condition |= Q(code_key__contains=fragment)
        qs = qs.filter(condition)
    if filters.doc_type:
        qs = qs.filter(doc_type=filters.doc_type)
    if filters.issuer_id:
        qs = qs.filter(issuer_id=filters.issuer_id)
    if filters.legal_field:
        qs = qs.filter(fields__contains=[filters.legal_field])
    if filters.year:
        qs = qs.filter(year=filters.year)
    if filters.issued_from:
        qs = qs.filter(issue_date__gte=filters.issued_from)
    if filters.issued_to:
        qs = qs.filter(issue_date__lte=filters.issued_to)
    if filters.validity == "applying":
        qs = qs.filter(applying_on(day))
    elif filters.validity in Validity.values:
        qs = qs.filter(Q(validity=filters.validity))
    # Newest first, with or without text (as vbpl.vn lists): ranking would read every
    # matching row's tsvector, full text included, to sort them (65 ms for 2,300 matches).
    return qs.order_by("-issue_date", "-pk")


#: The search filter's list of issuing bodies is kept this long (publishing forgets it).
ISSUERS_CACHE_KEY = "gazette:issuers"
ISSUERS_CACHE_SECONDS = 300


def issuers_with_documents() -> list[tuple[int, str]]:
    """(id, name) of the bodies that have published documents, for the search filter: one
    EXISTS per issuing body through the issuer index (a province has a few hundred bodies;
    its documents are many more), kept in the cache for a few minutes."""
    from egov.gazette.access import ISSUER_KINDS
    from egov.organisations.models import OrgUnit

    cached: list[tuple[int, str]] | None = cache.get(ISSUERS_CACHE_KEY)
    if cached is not None:
        return cached
    units = OrgUnit.objects.filter(kind__in=ISSUER_KINDS).filter(
        Exists(published().filter(issuer=OuterRef("pk")))
    )
    found = sorted(units.values_list("pk", "name"), key=lambda item: fold(item[1]))
    cache.set(ISSUERS_CACHE_KEY, found, ISSUERS_CACHE_SECONDS)
    return found


def document_status(document: LegalDocument, day: dt.date | None = None) -> Validity:
    """The status of one document on ``day`` (today by default), in Python."""
    incoming = [
        Incoming(kind, effective)
        for kind, effective in Relation.objects.filter(
            target=document, source__state=DocState.PUBLISHED
        ).values_list("kind", "source__effective_date")
    ]
    return status_on(
        day or local_today(),
        effective=document.effective_date,
        expiry=document.expiry_date,
        incoming=incoming,
        override_status=document.override_status,
        override_from=document.override_from,
    )


@dataclass(frozen=True)
class RelationLine:
    """A relation as one document's page shows it: its label read from this document's
    side, and the other document (or the text naming it)."""

    relation: Relation
    label: str
    other: LegalDocument | None
    other_label: str
    outgoing: bool


def relations_of(document: LegalDocument, *, public: bool) -> list[RelationLine]:
    """Both directions: what this document does to others, and what others do to it. On
    public pages only published counterparts appear."""
    lines: list[RelationLine] = []
    out = document.relations.select_related("target").order_by("kind", "pk")
    inc = document.incoming_relations.select_related("source").order_by("kind", "pk")
    if public:
        out = out.filter(Q(target__isnull=True) | Q(target__state=DocState.PUBLISHED))
        inc = inc.filter(source__state=DocState.PUBLISHED)
    for rel in out:
        lines.append(
            RelationLine(
                rel,
                str(RelationKind(rel.kind).label),
                rel.target,
                rel.target.code if rel.target else rel.target_label,
                True,
            )
        )
    for rel in inc:
        lines.append(
            RelationLine(
                rel, str(INVERSE_LABELS[RelationKind(rel.kind)]), rel.source, rel.source.code, False
            )
        )
    return lines


def published_issues() -> QuerySet[GazetteIssue]:
    return (
        GazetteIssue.objects.filter(state=IssueState.PUBLISHED)
        .select_related("publisher")
        .order_by("-date", "-number")
    )


def issue_entries(issue: GazetteIssue) -> QuerySet[GazetteEntry]:
    return issue.entries.select_related("document").defer(
        *[f"document__{name}" for name in LIST_DEFER]
    )


def entries_prefetch() -> Prefetch[Any]:
    return Prefetch("entries", queryset=GazetteEntry.objects.select_related("document"))
