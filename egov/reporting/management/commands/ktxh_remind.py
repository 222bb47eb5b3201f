"""``manage.py ktxh_remind``: remind reporters of KT-XH reports due within three days (run
daily from the scheduler)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from egov.lib.dates import local_today
from egov.reporting.actions.reminders import send_deadline_reminders


class Command(BaseCommand):
    help = "Remind KT-XH reporters of reports due soon."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--days", type=int, default=3)

    def handle(self, *args: Any, **options: Any) -> None:
        sent = send_deadline_reminders(today=local_today(), days_ahead=options["days"])
        self.stdout.write(f"{sent} reminders sent")
