"""Sending in-app notifications. Domain actions call :func:`notify` inside their own
transaction, so a notification exists exactly when the change that caused it committed."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.utils import timezone

from egov.accounts.models import Notification


def notify(users: Iterable[Any], *, text: str, url: str = "", urgent: bool = False) -> int:
    rows = [
        Notification(user=user, text=text[:500], url=url[:300], urgent=urgent)
        for user in {u.pk: u for u in users if u is not None}.values()
    ]
    Notification.objects.bulk_create(rows)
    return len(rows)


def unread_count(user: Any) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def mark_all_read(user: Any) -> int:
    """Marking one's own notifications read changes nothing of record, so it is not audited."""
    return Notification.objects.filter(user=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
