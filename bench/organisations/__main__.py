"""``python -m bench.organisations``: build the database, check it, print the figures."""

from __future__ import annotations

import os

from bench._common import Report, fresh_database, log, parse_args
from bench.organisations.build import build, check_tree
from bench.organisations.measure import measure_search, measure_tree, measure_visibility
from bench.organisations.reference import QUICK_SCALE, TARGET_MS
from egov.lib.embedded_db import SERVER_SETTINGS


def main() -> None:
    args = parse_args("Benchmark of the organisation registry", quick_scale=QUICK_SCALE)
    load_before = os.getloadavg()[0]
    log(f"preparing database {args.database} (scale {args.scale})")
    # What the default deployment runs: the embedded server's settings, then any given.
    server_settings = {**SERVER_SETTINGS, **args.pg_settings}
    report = Report()
    report.emit("migrate_s", fresh_database(args.database, server_settings), "s", better=None)
    subjects = build(args.scale, report)
    check_tree(subjects)
    quick = args.quick
    measure_visibility(subjects, report, repeat=50 if quick else 200)
    measure_tree(subjects, report, repeat=10 if quick else 30)
    measure_search(subjects, report, rounds=2 if quick else 5, peer_rounds=1 if quick else 2)
    report.summary(
        benchmark="organisations",
        scale=args.scale,
        database=args.database,
        server_settings=server_settings,
        target_ms=TARGET_MS,
        cpus=os.cpu_count(),
        load_average=[round(load_before, 2), round(os.getloadavg()[0], 2)],
    )


if __name__ == "__main__":
    main()
