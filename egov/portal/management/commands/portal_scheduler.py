"""Make sure the worker's scheduled-publishing chain is running (run from tools/serve.py's
periodic list; harmless when it is)."""

from typing import Any

from django.core.management.base import BaseCommand

from egov.portal import tasks


class Command(BaseCommand):
    help = "Enqueue the scheduled-publishing task unless one is waiting."

    def handle(self, *args: Any, **options: Any) -> None:
        started = tasks.ensure_next_run()
        self.stdout.write("portal scheduler: " + ("started" if started else "already waiting"))
