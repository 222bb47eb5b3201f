"""``python -m bench.documents``: build the database, check it, print the figures."""

from __future__ import annotations

import argparse
import os
import random
import sys
import time

from bench._common import Report, fresh_database, log

FULL_DOCUMENTS = 1_000_000
FULL_AGENCIES = 2_000
QUICK_SCALE = 0.02
DEFAULT_DATABASE = "bench_documents"


def parse_args() -> argparse.Namespace:
    """The options of ``bench._common.parse_args``, with a database name of its own so that
    it never replaces another benchmark's database."""
    parser = argparse.ArgumentParser(description="Benchmark of the e-office")
    parser.add_argument(
        "--scale",
        type=float,
        default=1.0,
        help=f"size relative to full scale ({FULL_DOCUMENTS:,} documents; default 1)",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help=f"small run finishing in about a minute (scale {QUICK_SCALE}, fewer repetitions)",
    )
    parser.add_argument(
        "--database",
        default=DEFAULT_DATABASE,
        help=f"name of the database to drop, create and fill (default {DEFAULT_DATABASE})",
    )
    parser.add_argument(
        "--pg-setting",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a PostgreSQL setting for the benchmark database, e.g. random_page_cost=1.1",
    )
    args = parser.parse_args()
    if args.quick:
        args.scale = QUICK_SCALE
    if args.scale <= 0:
        parser.error("--scale must be positive")
    args.pg_settings = {}
    for item in args.pg_setting:
        name, _, value = item.partition("=")
        if not (name.replace(".", "_").isidentifier() and value):
            parser.error(f"--pg-setting wants NAME=VALUE, not {item!r}")
        args.pg_settings[name] = value
    return args


def check_search_index(sample: int = 40) -> None:
    """The generator's search vectors are those the application writes: re-index a sample
    through ``egov.documents.search`` and compare."""
    from egov.documents.models import IncomingDocument, OutgoingDocument
    from egov.documents.search import index_incoming, index_outgoing

    rng = random.Random(7)
    for model, index, related in (
        (IncomingDocument, index_incoming, ("document_type",)),
        (OutgoingDocument, index_outgoing, ("document_type", "unit", "drafting_unit")),
    ):
        last = model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        first = model.objects.order_by("pk").values_list("pk", flat=True).first() or 0
        for pk in {rng.randint(first, last) for _ in range(sample)}:
            document = model.objects.select_related(*related).filter(pk=pk).first()
            if document is None:
                continue
            seeded = document.search_vector
            index(document)
            if model.objects.get(pk=pk).search_vector != seeded:
                raise SystemExit(f"{model.__name__} {pk}: seeded search vector differs")
    log(f"search index checked on about {sample} incoming and {sample} outgoing documents")


def main() -> None:
    args = parse_args()
    load_before = os.getloadavg()[0]
    quick = args.quick
    try:  # what the default deployment runs (the embedded server's settings), then any given
        from egov.lib.embedded_db import SERVER_SETTINGS
    except ImportError:
        SERVER_SETTINGS = {}  # noqa: N806
    server_settings = {**SERVER_SETTINGS, **args.pg_settings}
    log(f"preparing database {args.database} (scale {args.scale})")
    report = Report()
    report.emit("migrate_s", fresh_database(args.database, server_settings), "s", better=None)

    from django.contrib.auth import get_user_model

    from bench.documents.measure import measure_search, measure_statistics, measure_work
    from bench.documents.register import Desk, measure_registration
    from egov.documents.seeding import seed
    from egov.organisations.models import OrgUnit

    documents = max(1000, round(FULL_DOCUMENTS * args.scale))
    result = seed(documents, agencies=FULL_AGENCIES, log=log)
    report.emit("seed_s", result.seconds, "s", better=None)
    counts = result.counts
    for figure, value in (
        ("rows_incoming", counts.incoming),
        ("rows_outgoing", counts.outgoing),
        ("rows_assignments", counts.assignments),
        ("rows_review_steps", counts.review_steps),
    ):
        report.emit(figure, value, "rows", better=None)
    check_search_index()

    users = get_user_model().objects.in_bulk(
        [result.province_leader, result.busy_clerk, result.busy_leader]
    )
    searchers = {
        "province_leader": users[result.province_leader],
        "agency_clerk": users[result.busy_clerk],
    }
    workers = {"busy_clerk": users[result.busy_clerk], "busy_leader": users[result.busy_leader]}
    started = time.perf_counter()
    hits = measure_search(
        searchers, report, repeat=3 if quick else 30, peer_repeat=1 if quick else 5
    )
    work = measure_work(workers, report, repeat=10 if quick else 100)
    measure_statistics(
        {
            "province_leader": users[result.province_leader],
            "agency_clerk": users[result.busy_clerk],
        },
        report,
        repeat=2 if quick else 10,
    )
    log(f"reads measured in {time.perf_counter() - started:.0f} s")

    # Three more agencies of the measured province, each with its own clerk and register.
    busy = OrgUnit.objects.get(pk=result.busy_agency)
    neighbours = (
        OrgUnit.objects.filter(kind="agency", path__startswith=busy.path[:4])
        .exclude(pk=busy.pk)
        .order_by("path")[:3]
    )
    clerks = dict(
        get_user_model()
        .objects.filter(username__in=[f"seed.vt.{unit.pk}" for unit in neighbours])
        .values_list("username", "pk")
    )
    desks = [Desk(result.busy_clerk, busy.pk)] + [
        Desk(clerks[f"seed.vt.{unit.pk}"], unit.pk) for unit in neighbours
    ]
    measure_registration(
        args.database,
        desks,
        report,
        single=50 if quick else 500,
        per_process=25 if quick else 250,
    )
    report.summary(
        benchmark="documents",
        scale=args.scale,
        database=args.database,
        server_settings=server_settings,
        documents=documents,
        search_hits=hits,
        my_work_counts=work,
        cpus=os.cpu_count(),
        load_average=[round(load_before, 2), round(os.getloadavg()[0], 2)],
        python=sys.version.split()[0],
    )


if __name__ == "__main__":
    main()
