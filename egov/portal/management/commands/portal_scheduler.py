"""Make sure the worker's scheduled-publishing chain is running, and bring the agency
sites' editors' and approvers' groups in line with the roles (run hourly from
tools/serve.py's periodic list; harmless when nothing changed)."""

from typing import Any

from django.core.management.base import BaseCommand

from egov.portal import tasks
from egov.portal.actions import provisioning


class Command(BaseCommand):
    help = "Enqueue the scheduled-publishing task unless one is waiting."

    def handle(self, *args: Any, **options: Any) -> None:
        started = tasks.ensure_next_run()
        members = provisioning.sync_editor_groups(actor=None, skip_access_check=True)
        self.stdout.write(
            "portal scheduler: "
            + ("started" if started else "already waiting")
            + f"; {members} editors and approvers"
        )
