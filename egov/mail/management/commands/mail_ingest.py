"""The worker's mail job: read every agency's official mailbox once, or keep polling."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand

from egov.mail.actions import ingest


class Command(BaseCommand):
    help = "Import new mail from the agencies' official mailboxes (IMAP, read-only)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--loop", type=float, default=0, help="poll every N seconds")

    def handle(self, *args: Any, **options: Any) -> None:
        while True:
            for report in ingest.ingest_all():
                self.stdout.write(
                    f"{report.mailbox}: imported={report.imported} "
                    f"duplicates={report.duplicates} failed={report.failed}"
                    + (f" error={report.error}" if report.error else "")
                )
            if not options["loop"]:
                return
            time.sleep(options["loop"])
