from typing import Any

from django.core.management.base import BaseCommand

from egov.records.actions.reminders import send_handover_reminders


class Command(BaseCommand):
    help = "Warn owners and clerks of files due for hand-over to the archive within 30 days."

    def handle(self, *args: Any, **options: Any) -> None:
        sent = send_handover_reminders()
        self.stdout.write(f"{sent} reminders sent")
