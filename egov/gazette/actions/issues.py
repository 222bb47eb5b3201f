"""Gazette issues: created by the gazette's editors, filled with published documents, then
published with their PDF compiled from the documents."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import IntegrityError, connection, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from egov.audit.service import record
from egov.gazette import access, audit_names
from egov.gazette.actions._common import actor_or_none, public_pages_changed, require
from egov.gazette.actions.documents import store_pdf, upload_from_bytes
from egov.gazette.choices import DocState, IssueState
from egov.gazette.compile import Part, compile_issue
from egov.gazette.models import GazetteEntry, GazetteIssue, IssueTransition, LegalDocument
from egov.lib.errors import ActionError
from egov.organisations.models import OrgUnit

#: First half of the advisory lock serialising the numbering of one publisher's issues.
_ISSUE_LOCK_KEY = 0x677A69


def _lock(issue: GazetteIssue) -> GazetteIssue:
    return GazetteIssue.objects.select_for_update().select_related("publisher").get(pk=issue.pk)


def _refuse_if_published(issue: GazetteIssue) -> None:
    if issue.state == IssueState.PUBLISHED:
        raise ActionError(
            _("Số công báo %(number)s/%(year)s đã phát hành, không thay đổi được.")
            % {"number": issue.number, "year": issue.year},
            code="issue_published",
        )


@transaction.atomic
def create_issue(
    *, actor: Any, publisher: OrgUnit, date: dt.date, number: int | None = None
) -> GazetteIssue:
    """Open the next issue of ``publisher``'s gazette for ``date``'s year (or number
    ``number``). Precondition: the actor edits ``publisher``'s documents."""
    require(access.can_edit_for(actor, publisher), "editor of the publisher required")
    year = date.year
    # Two editors opening the next issue at once wait for each other: the second reads the
    # first one's number once it committed (the unique constraint is the backstop).
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [_ISSUE_LOCK_KEY, publisher.pk])
    if number is None:
        last = GazetteIssue.objects.filter(publisher=publisher, year=year).aggregate(
            n=Max("number")
        )["n"]
        number = (last or 0) + 1
    if number < 1:
        raise ActionError(
            _("Số công báo phải từ 1 trở lên."), code="number_invalid", field="number"
        )
    if GazetteIssue.objects.filter(publisher=publisher, year=year, number=number).exists():
        raise ActionError(
            _("Số công báo %(number)s/%(year)s đã có.") % {"number": number, "year": year},
            code="issue_number_taken",
            field="number",
        )
    try:
        with transaction.atomic():
            issue = GazetteIssue.objects.create(
                publisher=publisher,
                year=year,
                number=number,
                date=date,
                created_by=actor_or_none(actor),
            )
    except IntegrityError as exc:
        raise ActionError(
            _("Số công báo %(number)s/%(year)s đã có.") % {"number": number, "year": year},
            code="issue_number_taken",
            field="number",
        ) from exc
    IssueTransition.objects.create(
        issue=issue, to_state=IssueState.DRAFT, actor=actor_or_none(actor), at=timezone.now()
    )
    record(
        action=audit_names.ISSUE_CREATE,
        actor=actor_or_none(actor),
        obj=issue,
        object_repr=str(issue),
        unit_id=publisher.pk,
        after={"number": number, "year": year, "date": date.isoformat()},
    )
    return issue


@transaction.atomic
def add_to_issue(*, actor: Any, issue: GazetteIssue, document: LegalDocument) -> GazetteEntry:
    """Put a published document in a draft issue (a document goes in one issue only)."""
    require(access.can_edit_for(actor, issue.publisher), "editor of the publisher required")
    issue = _lock(issue)
    _refuse_if_published(issue)
    if document.state != DocState.PUBLISHED:
        raise ActionError(
            _("Văn bản %(code)s chưa được đăng nên chưa đưa vào công báo được.")
            % {"code": document.code},
            code="document_not_published",
            field="document",
        )
    existing = GazetteEntry.objects.filter(document=document).select_related("issue").first()
    if existing is not None:
        raise ActionError(
            _("Văn bản %(code)s đã có trong số công báo %(issue)s.")
            % {"code": document.code, "issue": str(existing.issue)},
            code="document_in_issue",
            field="document",
        )
    position = (issue.entries.aggregate(n=Max("position"))["n"] or 0) + 1
    entry = GazetteEntry.objects.create(issue=issue, document=document, position=position)
    record(
        action=audit_names.ISSUE_ADD,
        actor=actor_or_none(actor),
        obj=issue,
        object_repr=str(issue),
        unit_id=issue.publisher_id,
        after={"document": document.pk, "code": document.code},
    )
    return entry


@transaction.atomic
def remove_from_issue(*, actor: Any, entry: GazetteEntry) -> None:
    issue = _lock(entry.issue)
    require(access.can_edit_for(actor, issue.publisher), "editor of the publisher required")
    _refuse_if_published(issue)
    before = {"document": entry.document_id, "code": entry.document.code}
    entry.delete()
    record(
        action=audit_names.ISSUE_REMOVE,
        actor=actor_or_none(actor),
        obj=issue,
        object_repr=str(issue),
        unit_id=issue.publisher_id,
        before=before,
        after={},
    )


@transaction.atomic
def publish_issue(*, actor: Any, issue: GazetteIssue) -> GazetteIssue:
    """Publish a draft issue that carries at least one document: its PDF is compiled from
    the documents (cover and table of contents, then each signed original or typeset full
    text), each entry gets its pages, and every document gets its gazette number and date."""
    require(access.can_edit_for(actor, issue.publisher), "editor of the publisher required")
    issue = _lock(issue)
    _refuse_if_published(issue)
    entries = list(issue.entries.select_related("document__signed_pdf").order_by("position", "pk"))
    if not entries:
        raise ActionError(
            _("Số công báo chưa có văn bản nào; hãy đưa văn bản vào trước khi phát hành."),
            code="issue_empty",
        )
    parts = []
    for entry in entries:
        doc = entry.document
        pdf = None
        if doc.signed_pdf is not None:
            with doc.signed_pdf.content.open("rb") as stream:
                pdf = stream.read()
        parts.append(Part(doc.code, doc.title, doc.issuer_name, doc.issue_date, pdf, doc.body_text))
    data, ranges = compile_issue(
        publisher=issue.publisher.name,
        number=issue.number,
        year=issue.year,
        day=issue.date,
        parts=parts,
    )
    issue.pdf = store_pdf(
        upload_from_bytes(data, f"cong-bao-{issue.number}-{issue.year}.pdf"), actor=actor
    )
    for entry, (first, last) in zip(entries, ranges, strict=True):
        entry.page_from, entry.page_to = first, last
    GazetteEntry.objects.bulk_update(entries, ["page_from", "page_to"])
    LegalDocument.objects.filter(pk__in=[e.document_id for e in entries]).update(
        updated_at=timezone.now()
    )
    issue.state = IssueState.PUBLISHED
    issue.published_at = timezone.now()
    issue.save(update_fields=["pdf", "state", "published_at"])
    IssueTransition.objects.create(
        issue=issue,
        from_state=IssueState.DRAFT,
        to_state=IssueState.PUBLISHED,
        actor=actor_or_none(actor),
        at=timezone.now(),
    )
    public_pages_changed()
    record(
        action=audit_names.ISSUE_PUBLISH,
        actor=actor_or_none(actor),
        obj=issue,
        object_repr=str(issue),
        unit_id=issue.publisher_id,
        before={"state": IssueState.DRAFT},
        after={
            "state": IssueState.PUBLISHED,
            "documents": [e.document.code for e in entries],
            "pdf": issue.pdf.sha256,
        },
    )
    return issue
