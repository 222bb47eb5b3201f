"""Reads of the records part: files a user sees, a file's table of contents, files due for
hand-over, the files a document sits in."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet

from egov.documents import queries as doc_queries
from egov.documents.models import Attachment, DraftVersion, IncomingDocument, OutgoingDocument
from egov.lib.dates import BUSINESS_TZ
from egov.records import access
from egov.records import constants as c
from egov.records.choices import FileStatus
from egov.records.models import CaseFile, CaseFileItem, FilePlan


def files_visible_to(user: Any) -> QuerySet[CaseFile]:
    return (
        CaseFile.objects.filter(access.visible_files_q(user))
        .select_related("unit", "owner")
        .annotate(document_count=Count("items"))
    )


def plan_for(unit: Any, year: int) -> FilePlan | None:
    return FilePlan.objects.filter(unit=unit, year=year).prefetch_related("entries").first()


@dataclass(frozen=True)
class TocEntry:
    """One row of a file's table of contents (mục lục văn bản trong hồ sơ)."""

    ordinal: int
    item: CaseFileItem
    kind: str  # "incoming" or "outgoing"
    document: Any
    date: dt.date | None
    notation: str
    author: str
    subject: str
    pages: int
    main_files: list[Attachment]


@dataclass(frozen=True)
class Contents:
    entries: list[TocEntry]
    hidden: int  # documents in the file this viewer may not see (secret, outside their scope)

    @property
    def page_total(self) -> int:
        return sum(entry.pages for entry in self.entries)


def _document_date(kind: str, document: Any) -> dt.date | None:
    if document.issued_date:
        return document.issued_date  # type: ignore[no-any-return]
    moment = document.arrived_at if kind == "incoming" else document.issued_at
    return moment.astimezone(BUSINESS_TZ).date() if moment else None


def _pages(document: Any, files: list[Attachment]) -> int:
    counted = sum(a.file.page_count or 0 for a in files)
    return counted or int(document.page_amount or 0)


def _files(kind: str, document: Any) -> list[Attachment]:
    """The document's own files; for an outgoing document issued without final files of
    its own, the last draft version's (the text the signer approved)."""
    own = list(document.attachments.all())
    if own or kind == "incoming":
        return own
    versions = list(document.versions.all())
    return list(versions[0].attachments.all()) if versions else []


def contents(case_file: CaseFile, user: Any | None) -> Contents:
    """The file's documents in chronological order (date of the document, then the order
    they were added), numbered from 1; ``user`` None means every document (system jobs)."""
    attachments = Prefetch(
        "attachments", queryset=Attachment.objects.select_related("file").order_by("ordering")
    )
    items = list(
        CaseFileItem.objects.filter(case_file=case_file)
        .prefetch_related(
            Prefetch(
                "incoming",
                IncomingDocument.objects.select_related("document_type").prefetch_related(
                    attachments
                ),
            ),
            Prefetch(
                "outgoing",
                OutgoingDocument.objects.select_related("document_type", "unit").prefetch_related(
                    attachments,
                    Prefetch(
                        "versions",
                        queryset=DraftVersion.objects.order_by("-number").prefetch_related(
                            attachments
                        ),
                    ),
                ),
            ),
        )
        .order_by("added_at", "pk")
    )
    visible_in: set[int] = set()
    visible_out: set[int] = set()
    if user is not None:
        in_ids = [i.incoming_id for i in items if i.incoming_id]
        out_ids = [i.outgoing_id for i in items if i.outgoing_id]
        if in_ids:
            visible_in = set(
                doc_queries.incoming_visible_to(user)
                .filter(pk__in=in_ids)
                .values_list("pk", flat=True)
            )
        if out_ids:
            visible_out = set(
                doc_queries.outgoing_visible_to(user)
                .filter(pk__in=out_ids)
                .values_list("pk", flat=True)
            )
    rows: list[tuple[dt.date, int, CaseFileItem, str, Any]] = []
    hidden = 0
    for position, item in enumerate(items):
        kind = "incoming" if item.incoming_id else "outgoing"
        document: Any = item.incoming if item.incoming_id else item.outgoing
        if user is not None and document.pk not in (
            visible_in if kind == "incoming" else visible_out
        ):
            hidden += 1
            continue
        date = _document_date(kind, document) or dt.date.max
        rows.append((date, position, item, kind, document))
    rows.sort(key=lambda row: (row[0], row[1]))
    entries = []
    for ordinal, (date, _position, item, kind, document) in enumerate(rows, 1):
        files = [a for a in _files(kind, document) if a.file.media_type == "application/pdf"]
        author = document.issuer_name if kind == "incoming" else document.unit.name
        entries.append(
            TocEntry(
                ordinal=ordinal,
                item=item,
                kind=kind,
                document=document,
                date=None if date == dt.date.max else date,
                notation=document.number_and_notation,
                author=author,
                subject=document.subject,
                pages=_pages(document, files),
                main_files=files,
            )
        )
    return Contents(entries=entries, hidden=hidden)


def files_of_document(user: Any, kind: str, document: Any) -> list[CaseFile]:
    """The files ``document`` sits in that ``user`` may see."""
    lookup = {"incoming": document.pk} if kind == "incoming" else {"outgoing": document.pk}
    item_filter = Q(**{f"items__{key}": value for key, value in lookup.items()})
    return list(
        CaseFile.objects.filter(access.visible_files_q(user))
        .filter(item_filter)
        .select_related("owner")
        .order_by("-year", "code")
    )


def open_files_for_adding(user: Any, unit_id: int) -> list[CaseFile]:
    """Open files of the document's agency the user may change (owner or clerk)."""
    files = (
        CaseFile.objects.filter(access.visible_files_q(user), unit_id=unit_id)
        .filter(status=FileStatus.OPEN)
        .select_related("unit")
        .order_by("-year", "code")
    )
    return [f for f in files if access.can_change(user, f)]


def due_for_handover(user: Any, today: dt.date) -> QuerySet[CaseFile]:
    """Closed files of the user's (owner or office) whose hand-over is due within
    ``HANDOVER_WARNING_DAYS`` days, or overdue."""
    horizon = today + dt.timedelta(days=c.HANDOVER_WARNING_DAYS)
    return (
        CaseFile.objects.filter(access.visible_files_q(user))
        .filter(status=FileStatus.CLOSED, handover_due__lte=horizon)
        .select_related("unit", "owner")
        .order_by("handover_due", "code")
    )
