"""``python -m bench.reporting``: fill a province's KT-XH data, print the figures.

Full scale: 100 indicators × 3,400 units × 30 months ≈ 10.2 million values (one
province at full depth, or 34 provinces' worth of communes). ``--quick`` runs at 1 %."""

from __future__ import annotations

import argparse
import os
import sys
import time

from bench._common import Report, fresh_database, log


def existing_database(name: str) -> float:
    """Point Django at the benchmark database ``name`` a previous run filled and apply any
    newer migration. Returns the seconds spent."""
    started = time.perf_counter()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "egov.settings")
    from django.conf import settings

    default = settings.DATABASES["default"]
    if name in {default["NAME"], default.get("TEST", {}).get("NAME")}:
        raise SystemExit(f"refusing to use the application or test database {name!r}")
    default["NAME"] = name
    settings.DEBUG = False

    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
    return time.perf_counter() - started


FULL_UNITS = 3_400
FULL_INDICATORS = 100
MONTHS = 30
QUICK_SCALE = 0.01
DEFAULT_DATABASE = "bench_reporting"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Benchmark of KT-XH reporting")
    parser.add_argument("--scale", type=float, default=1.0, help="size relative to full scale")
    parser.add_argument(
        "--quick", action="store_true", help=f"scale {QUICK_SCALE}, fewer repetitions"
    )
    parser.add_argument(
        "--database", default=DEFAULT_DATABASE, help="database to drop, create, fill"
    )
    parser.add_argument(
        "--only",
        choices=["import"],
        help="measure only this part (the seed is still made; it is what the part reads)",
    )
    parser.add_argument(
        "--import-values", type=int, default=None, help="values in the imported file"
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="measure on the database a previous run filled (migrated, not re-seeded); "
        "the import then takes an earlier year than any stored",
    )
    args = parser.parse_args()
    if args.quick:
        args.scale = QUICK_SCALE
    if args.scale <= 0:
        parser.error("--scale must be positive")
    return args


def main() -> None:
    args = parse_args()
    quick = args.quick
    load_before = os.getloadavg()[0]
    report = Report()
    try:
        from egov.lib.embedded_db import SERVER_SETTINGS
    except ImportError:
        SERVER_SETTINGS = {}  # noqa: N806
    if args.reuse:
        report.emit("migrate_s", existing_database(args.database), "s", better=None)
    else:
        report.emit(
            "migrate_s", fresh_database(args.database, dict(SERVER_SETTINGS)), "s", better=None
        )

    from bench.reporting.measure import (
        measure_approval,
        measure_exports,
        measure_import,
        measure_pivots,
        measure_save,
    )
    from bench.reporting.seed import seed, seeded_before

    # Units and indicators shrink with the square root of the scale, so a quick run keeps
    # the shape (many units, many indicators) at a hundredth of the values.
    shrink = args.scale**0.5
    units = max(20, round(FULL_UNITS * shrink))
    indicators = max(10, round(FULL_INDICATORS * shrink))
    if args.reuse:
        seeded = seeded_before(months=MONTHS)
        units, indicators = len(seeded.unit_ids), len(seeded.indicator_ids)
        log(f"reusing {seeded.values:,} values: {indicators} indicators × {units} units")
        report.emit("seed_values", seeded.values, "values", better=None)
    else:
        log(f"seeding {indicators} indicators × {units} units × {MONTHS} months")
        seeded = seed(units=units, indicators=indicators, months=MONTHS)
        report.emit("seed_values", seeded.values, "values", better=None)
        report.emit("seed_s", seeded.seconds, "s", better=None)
        report.emit(
            "seed_values_per_s", seeded.values / seeded.seconds, "values/s", better="higher"
        )

    started = time.perf_counter()
    if args.only is None:
        measure_pivots(seeded, report, repeat=5 if quick else 30)
        measure_save(seeded, report, repeat=20 if quick else 200)
        measure_approval(seeded, report, repeat=3 if quick else 10)
        measure_exports(seeded, report)
    import_values = args.import_values or (20_000 if quick else 200_000)
    measure_import(seeded, report, values=import_values)
    log(f"measured in {time.perf_counter() - started:.0f} s")
    report.summary(
        benchmark="reporting",
        scale=args.scale,
        database=args.database,
        values=seeded.values,
        units=units,
        indicators=indicators,
        months=MONTHS,
        cpus=os.cpu_count(),
        load_average=[round(load_before, 2), round(os.getloadavg()[0], 2)],
        python=sys.version.split()[0],
    )


if __name__ == "__main__":
    main()
