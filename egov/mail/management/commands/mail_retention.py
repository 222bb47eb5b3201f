"""Scheduled (daily): export and request removal of left officials' mailboxes past their
retention period."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from egov.lib.dates import parse_iso_date
from egov.mail.actions.retention import run_retention


class Command(BaseCommand):
    help = "Archive mailboxes past their retention date, then request their removal."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--today", default="", help="YYYY-MM-DD (default: today)")

    def handle(self, *args: Any, **options: Any) -> None:
        today = parse_iso_date(options["today"]) if options["today"] else None
        report = run_retention(today=today)
        for archive in report.archived:
            self.stdout.write(
                f"archived {archive.mailbox.address}: {archive.messages} messages, "
                f"sha256 {archive.sha256}"
            )
        for change in report.requested:
            self.stdout.write(f"removal requested: {change.mailbox.address}")
        for error in report.errors:
            self.stderr.write(f"error: {error}")
