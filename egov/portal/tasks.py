"""The worker's jobs of the portal. Scheduled publishing runs every minute as a task that
enqueues its next run (``run_after`` one minute later) on the database backend, so no cron
is needed: ``portal_scheduler`` (tools/serve.py's periodic list, hourly) only restarts the
chain if it was lost."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone
from django_tasks import task

from egov.portal.actions import scheduling

INTERVAL = dt.timedelta(minutes=1)
TASK_PATH = "egov.portal.tasks.publish_scheduled_pages"


@task()
def publish_scheduled_pages() -> dict[str, Any]:
    run = scheduling.publish_due()
    ensure_next_run(after=timezone.now() + INTERVAL)
    return {"published": run.published, "refused": run.refused, "expired": run.expired}


def ensure_next_run(*, after: dt.datetime | None = None) -> bool:
    """Enqueue the next run unless one is waiting. Returns whether one was enqueued.
    Backends that cannot defer (the immediate backend) get nothing: the chain would run
    forever within one call."""
    backend = publish_scheduled_pages.get_backend()
    if not backend.supports_defer:
        return False
    if _waiting():
        return False
    publish_scheduled_pages.using(run_after=after or timezone.now()).enqueue()
    return True


def _waiting() -> bool:
    from django_tasks_db.models import DBTaskResult

    return bool(DBTaskResult.objects.filter(task_path=TASK_PATH, status="READY").exists())
