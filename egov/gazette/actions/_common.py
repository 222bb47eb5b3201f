from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from egov.audit.service import record
from egov.gazette.models import DocumentTransition, LegalDocument


def require(condition: bool, reason: str) -> None:
    """Raise PermissionDenied (English reason for the logs) unless ``condition``."""
    if not condition:
        raise PermissionDenied(reason)


def actor_or_none(actor: Any) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None


def lock(document: LegalDocument) -> LegalDocument:
    """Re-read the document under a row lock: two editors acting at once see each other."""
    return LegalDocument.objects.select_for_update().get(pk=document.pk)


def transition(
    document: LegalDocument, *, from_state: str, to_state: str, actor: Any, note: str = ""
) -> DocumentTransition:
    return DocumentTransition.objects.create(
        document=document,
        from_state=from_state,
        to_state=to_state,
        actor=actor_or_none(actor),
        at=timezone.now(),
        note=note,
    )


def public_pages_changed() -> None:
    """Once committed, this process reads the gazette's version again: its next public page
    is built afresh (other processes notice within a second)."""
    from egov.gazette.pagecache import forget_version

    transaction.on_commit(forget_version)


def record_document(
    action: str,
    *,
    actor: Any,
    document: LegalDocument,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    note: str = "",
) -> None:
    """The audit event of a write on ``document``, under its issuer."""
    record(
        action=action,
        actor=actor_or_none(actor),
        obj=document,
        object_repr=document.code,
        unit_id=document.issuer_id,
        before=before,
        after=after,
        note=note,
    )
