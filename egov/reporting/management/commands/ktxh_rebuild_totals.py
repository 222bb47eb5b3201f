"""``manage.py ktxh_rebuild_totals``: recount the live KT-XH totals on today's tree, after a
reorganisation moved where old data belongs (data arriving never needs it)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from egov.reporting.actions.aggregates import rebuild_aggregates


class Command(BaseCommand):
    help = "Recount the live KT-XH totals after a merger or split of units."

    def handle(self, *args: Any, **options: Any) -> None:
        counted = rebuild_aggregates(actor=None, skip_access_check=True)
        self.stdout.write(f"{counted} approved values counted on today's tree")
