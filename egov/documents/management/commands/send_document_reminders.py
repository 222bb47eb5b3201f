from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from egov.documents.actions.reminders import send_deadline_reminders


class Command(BaseCommand):
    help = "Notify holders of document assignments whose deadline is near or passed."

    def handle(self, *args: Any, **options: Any) -> None:
        sent = send_deadline_reminders()
        self.stdout.write(f"{sent} reminders sent.")
