"""Scheduled publishing and expiry, run every minute by the worker (egov.portal.tasks)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, Revision

from egov.lib.errors import ActionError

logger = logging.getLogger(__name__)


@dataclass
class ScheduleRun:
    published: list[int] = field(default_factory=list)
    refused: list[tuple[int, str]] = field(default_factory=list)
    expired: list[int] = field(default_factory=list)


def publish_due() -> ScheduleRun:
    """Publish the revisions whose go-live time has passed and unpublish pages past their
    expiry, as Wagtail's ``publish_scheduled`` does, each in its own transaction. A
    revision the publishing check refuses (content changed the rules since it was
    scheduled, e.g. a cited document became secret) is taken off the schedule instead of
    being retried every minute; the refusal is logged."""
    run = ScheduleRun()
    now = timezone.now()
    for page in Page.objects.filter(live=True, expire_at__lt=now).specific():
        with transaction.atomic():
            page.unpublish(set_expired=True, log_action="wagtail.unpublish.scheduled")
        run.expired.append(page.pk)
    for revision in Revision.objects.filter(approved_go_live_at__lt=now).order_by(
        "approved_go_live_at"
    ):
        try:
            with transaction.atomic():
                revision.publish(log_action="wagtail.publish.scheduled")
            run.published.append(int(revision.object_id))
        except ActionError as refusal:
            Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=None)
            run.refused.append((int(revision.object_id), refusal.code or ""))
            logger.warning(
                "scheduled publication refused: page %s, %s", revision.object_id, refusal.code
            )
    return run
