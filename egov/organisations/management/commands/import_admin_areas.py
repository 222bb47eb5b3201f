from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from egov.organisations.reference import AdminAreaImportError, import_admin_areas

DEFAULT_DIR = Path(settings.BASE_DIR).parent / "shared" / "fixtures" / "ktxh" / "vn_admin"


class Command(BaseCommand):
    help = (
        "Import Vietnam's administrative units (before and after 1 July 2025) and the 2025 "
        "succession map. Running it again with the same files changes nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--fixtures-dir",
            type=Path,
            default=DEFAULT_DIR,
            help=f"folder holding the four vn_admin JSON files (default {DEFAULT_DIR})",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        directory: Path = options["fixtures_dir"]
        try:
            report = import_admin_areas(directory)
        except AdminAreaImportError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        for name, value in report.counts.items():
            self.stdout.write(f"{name:<22} {value:>7}")
        for part in ("created", "updated", "deleted"):
            figures = ", ".join(f"{k} {v}" for k, v in getattr(report, part).items())
            self.stdout.write(f"{part:<22} {figures}")
        for example in report.unmatched[:10]:
            self.stdout.write(f"  unmatched: {example}")
        if not report.changed:
            self.stdout.write("Nothing changed: the reference was already up to date.")
        else:
            self.stdout.write(self.style.SUCCESS("Administrative units imported."))
