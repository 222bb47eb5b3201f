"""Verifying the signatures of every PDF that arrives with an incoming document, whatever the
channel (manual upload, the exchange, mail): the e-office calls ``verify_incoming_files``
through ``egov.documents.hooks.on_incoming_files`` inside the registering transaction."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from egov.audit.service import record
from egov.signatures import audit_names
from egov.signatures.models import Verification
from egov.signatures.verify import describe, verify_pdf

PDF = "application/pdf"


def on_incoming_files(document: Any, attachments: Sequence[Any]) -> None:
    """The listener registered with the e-office's hooks."""
    verify_incoming_files(document, attachments)


def verify_incoming_files(document: Any, attachments: Sequence[Any]) -> list[Verification]:
    """Check each PDF attachment and record the verdict; a failing one flags the document
    (an alert on its page, an urgent notification to the unit's clerks, the audit trail): it
    is never silently accepted."""
    checks = []
    now = timezone.now()
    for attachment in attachments:
        stored = attachment.file
        if stored.media_type != PDF:
            continue
        with stored.content.open("rb") as stream:
            result = verify_pdf(stream.read())
        checks.append(
            Verification(
                incoming=document,
                file=stored,
                name=attachment.name[:255],
                outcome=result.outcome,
                summary=describe(result),
                details=result.as_json(),
                checked_at=now,
            )
        )
    if not checks:
        return []
    Verification.objects.bulk_create(checks)
    failed = [c for c in checks if c.failed]
    if failed:
        from django.urls import reverse

        from egov.accounts.notify import notify
        from egov.documents.queries import clerks_of

        notify(
            clerks_of(document.unit, secrecy=document.secrecy),
            text=_("Văn bản đến không qua được kiểm tra chữ ký số: %(subject)s")
            % {"subject": document.subject[:200]},
            url=reverse("documents:incoming_detail", args=[document.pk]) + "#kiem-tra-chu-ky",
            urgent=True,
        )
    record(
        action=audit_names.VERIFY_INCOMING,
        actor=None,
        obj=document,
        unit_id=document.unit_id,
        after={"files": [(c.name, c.file.sha256, c.outcome) for c in checks]},
    )
    return checks
