"""``manage.py seed_documents --scale N``: see ``egov.documents.seeding``."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from egov.documents.seeding import seed
from egov.documents.seeding.reference import DEFAULT_AGENCIES, DEFAULT_DOCUMENTS, DEFAULT_SEED


class Command(BaseCommand):
    help = (
        "Generate N e-office documents for benchmarks (direct COPY, no actions, no audit). "
        "Never on a database holding real documents."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--scale",
            type=int,
            default=DEFAULT_DOCUMENTS,
            help=f"number of documents, incoming and outgoing (default {DEFAULT_DOCUMENTS:,})",
        )
        parser.add_argument(
            "--agencies",
            type=int,
            default=DEFAULT_AGENCIES,
            help=f"agencies to build when the database has no units (default {DEFAULT_AGENCIES:,})",
        )
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["scale"] < 1:
            raise SystemExit("--scale must be at least 1")
        result = seed(
            options["scale"],
            agencies=options["agencies"],
            seed_value=options["seed"],
            log=lambda message: self.stderr.write(message),
        )
        counts = result.counts
        self.stdout.write(
            f"{counts.incoming:,} incoming, {counts.outgoing:,} outgoing, "
            f"{counts.assignments:,} assignments, {counts.review_steps:,} review steps "
            f"in {result.seconds:.0f} s. Busy clerk: vanthu.vp, busy leader: lanhdao.vp, "
            "province leader: lanhdao.tinh (accounts without a password)."
        )
