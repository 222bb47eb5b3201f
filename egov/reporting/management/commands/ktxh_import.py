"""``manage.py ktxh_import FORMAT FILE``: import an exchange file (all or nothing) as the
system, e.g. official figures received from another system or a GSO yearbook table.

    manage.py ktxh_import dxf2-json values.json --approve
    manage.py ktxh_import gso population.csv --area "An Giang=H01" \\
        --column "Male=DANSO_TB.M" --column "Female=DANSO_TB.F" --approve --backfill
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from egov.lib.errors import ActionError
from egov.reporting.actions.exchange import ImportReportError, import_observations
from egov.reporting.exchange import adx, dxf2, gso
from egov.reporting.exchange.observations import Observation

READERS = {
    "dxf2-json": dxf2.parse_json,
    "dxf2-xml": dxf2.parse_xml,
    "dxf2-csv": dxf2.parse_csv,
    "adx": adx.parse,
}


def _pairs(items: list[str], what: str) -> dict[str, str]:
    result = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise CommandError(f"--{what} wants NAME=VALUE, not {item!r}")
        result[key.strip()] = value.strip()
    return result


class Command(BaseCommand):
    help = "Import a KT-XH exchange file (DXF2, ADX, GSO PX-Web CSV), all or nothing."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("format", choices=[*READERS, "gso"])
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--approve", action="store_true", help="count in the live totals at once"
        )
        parser.add_argument("--backfill", action="store_true", help="past years (back-entry)")
        parser.add_argument(
            "--provenance", default="", help="where back-entered figures come from (yearbook, …)"
        )
        parser.add_argument("--area", action="append", default=[], help="GSO area=unit code")
        parser.add_argument(
            "--column", action="append", default=[], help="GSO variable=INDICATOR[.CELL]"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        content = options["file"].read_bytes()
        try:
            observations: list[Observation]
            if options["format"] == "gso":
                columns: dict[str, tuple[str, str | None]] = {}
                for variable, target in _pairs(options["column"], "column").items():
                    code, _dot, cell = target.partition(".")
                    columns[variable] = (code, cell or None)
                observations = gso.observations(
                    gso.parse(content), areas=_pairs(options["area"], "area"), columns=columns
                )
            else:
                observations = READERS[options["format"]](content)
            written = import_observations(
                actor=None,
                observations=observations,
                source_name=options["file"].name,
                approve=options["approve"],
                backfill=options["backfill"],
                provenance=options["provenance"] or options["file"].name,
                skip_access_check=True,
            )
        except ImportReportError as exc:
            for problem in exc.problems:
                self.stderr.write(f"{problem.where}: {problem.message}")
            raise CommandError(exc.messages[0]) from exc
        except ActionError as exc:
            raise CommandError(exc.messages[0]) from exc
        self.stdout.write(f"{written} values imported")
