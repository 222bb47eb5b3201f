from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from egov.exchange import worker
from egov.exchange.actions.delivery import sync_directory


class Command(BaseCommand):
    help = "Deliver the exchange outbox and poll the hub until stopped (or once)."

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
