"""Warn the holding units of one-stop dossiers due by the end of the next working day."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from egov.onestop.actions.reminders import warn_due_soon


class Command(BaseCommand):
    help = "E-mail officers the one-stop dossiers due soon (once per dossier)."

    def handle(self, *args: Any, **options: Any) -> None:
        count = warn_due_soon()
        self.stdout.write(f"onestop: {count} dossiers in deadline warnings")
