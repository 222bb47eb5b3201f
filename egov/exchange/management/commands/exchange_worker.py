from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from egov.exchange import worker
from egov.exchange.actions.delivery import sync_directory


class Command(BaseCommand):
    help = "Deliver the exchange outbox and poll the hub until stopped (or once)."
    # The system checks import every URL module (the portal's API, Wagtail's admin…), about
    # a second and a half of a worker's start; the web server runs them. A receiver
    # restarted after a crash is back that much sooner.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="one pass, then exit")
        parser.add_argument(
            "--sync-directory", action="store_true", help="synchronise the hub's directory first"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["sync_directory"]:
            count = sync_directory()
            self.stdout.write(f"directory: {count} agencies listed by the hub")
        worker.run(once=options["once"])
