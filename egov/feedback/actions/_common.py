from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from egov.feedback.models import Item, Transition
from egov.organisations.models import OrgUnit

log = logging.getLogger(__name__)


def digest(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def actor_or_none(actor: Any) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None


def lock(item: Item) -> Item:
    """Re-read the item under a row lock: two officers acting at once see each other."""
    locked: Item = (
        Item.objects.select_for_update(of=("self",))
        .select_related("agency", "category")
        .get(pk=item.pk)
    )
    return locked


def transition(
    item: Item,
    *,
    action: str,
    actor: Any,
    from_state: str,
    to_state: str,
    note: str = "",
    from_agency: OrgUnit | None = None,
    to_agency: OrgUnit | None = None,
) -> Transition:
    return Transition.objects.create(
        item=item,
        action=action,
        from_state=from_state,
        to_state=to_state,
        from_agency=from_agency,
        to_agency=to_agency,
        actor=actor_or_none(actor),
        at=timezone.now(),
        note=note,
    )


def mail_after_commit(subject: str, body: str, recipients: Sequence[str]) -> None:
    """Send once the transaction commits; a refused message is logged, not raised (the
    change it tells about is already saved)."""
    to = [r for r in recipients if r]
    if not to:
        return

    def _send() -> None:
        try:
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, to)
        except Exception:
            log.exception("feedback: could not send %r", subject)

    transaction.on_commit(_send)


def site_url(path: str) -> str:
    return str(getattr(settings, "SITE_URL", "")).rstrip("/") + path
