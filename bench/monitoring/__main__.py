"""``python -m bench.monitoring``: the oversight dashboards and the yearly ranking.

Full scale: 34 provinces' worth of agencies (120 each: departments and communes, 4,080
units under one root) and 10 incoming documents per agency in the year, registered through
the e-office's action (half over the exchange, half on paper). Figures: an agency leader's
dashboard (the agency page: every indicator for the year and the month-by-month trend), the
provincial ranking by a two-criterion method over all agencies. ``--quick``: 1/20 of it.
Figures as JSON lines on stdout, progress on stderr; ``bench_monitoring`` is dropped and
filled.
"""

from __future__ import annotations

import datetime as dt
import time
from decimal import Decimal

from bench._common import Report, fresh_database, log, parse_args, time_ms

AGENCIES = 34 * 120
DOCUMENTS_PER_AGENCY = 10
DASHBOARD_TARGET_MS = 1000.0
RANKING_TARGET_S = 10.0


def main() -> None:
    args = parse_args("Benchmark of the oversight part", quick_scale=0.05)
    agencies = max(int(AGENCIES * args.scale), 10)
    repeat = 5 if args.quick else 20
    report = Report()
    name = "bench_monitoring" if args.database == "bench_egov" else args.database
    log(f"database {name}: creating and migrating")
    fresh_database(name, args.pg_settings)

    from django.conf import settings
    from django.test import Client

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.ALLOWED_HOSTS = ["*"]
    from egov.documents.actions.catalogue import ensure_document_types
    from egov.documents.actions.incoming import register_incoming
    from egov.documents.testing import doc_type
    from egov.lib.dates import BUSINESS_TZ, local_today
    from egov.monitoring.actions import run_ranking, save_method
    from egov.monitoring.indicators import Period
    from egov.monitoring.ranking import CriterionSpec
    from egov.organisations.actions import create_unit
    from egov.organisations.choices import UnitKind
    from egov.organisations.testing import START, build_world

    ensure_document_types()
    world = build_world()
    year = local_today().year
    kind = doc_type("cong-van")
    log(f"filling {agencies} agencies, {DOCUMENTS_PER_AGENCY} documents each")
    started = time.perf_counter()
    units = [world.home_affairs]
    for n in range(agencies - 1):
        units.append(
            create_unit(
                actor=None,
                parent=world.province,
                name=f"Ủy ban nhân dân xã Thử Nghiệm {n}",
                kind=UnitKind.COMMUNE_COMMITTEE,
                valid_from=START,
                abbreviation="UBND",
                short_name=f"Xã {n}",
                skip_access_check=True,
            )
        )
    for i, unit in enumerate(units):
        for d in range(DOCUMENTS_PER_AGENCY):
            day = dt.date(year, 1 + (i + d) % max(local_today().month, 1), 1 + d)
            register_incoming(
                actor=None,
                unit=unit,
                document_type=kind,
                issuer_name="UBND tỉnh",
                subject=f"Về việc thử nghiệm số {d}",
                channel="exchange" if d % 2 else "paper",
                arrived_at=dt.datetime.combine(day, dt.time(9), tzinfo=BUSINESS_TZ),
                allow_duplicate=True,
                skip_access_check=True,
            )
        if i % 200 == 0:
            log(f"  {i} agencies filled")
    report.emit("fill_s", time.perf_counter() - started, "s", better=None)

    leader = Client()
    leader.force_login(world.leader)

    def dashboard() -> None:
        response = leader.get(f"/monitoring/co-quan/{world.home_affairs.pk}/?year={year}")
        if response.status_code != 200:
            raise RuntimeError(response.status_code)

    report.latency(
        "agency_dashboard", time_ms(dashboard, repeat=repeat), target=DASHBOARD_TARGET_MS
    )
    method = save_method(
        actor=world.admin,
        name="Xếp hạng ứng dụng CNTT",
        criteria=[
            CriterionSpec(
                "Văn bản điện tử", "edoc_electronic_share", Decimal(70), Decimal(0), Decimal(50)
            ),
            CriterionSpec(
                "Xử lý đúng hạn", "edoc_overdue_rate", Decimal(30), Decimal(30), Decimal(0)
            ),
        ],
    )
    samples = []
    for _ in range(1 if not args.quick else 2):
        started = time.perf_counter()
        run_ranking(actor=world.admin, method=method, period=Period.year(year))
        samples.append(time.perf_counter() - started)
    report.emit("province_ranking_s", max(samples), "s", target=RANKING_TARGET_S)
    report.summary(agencies=agencies, documents=agencies * DOCUMENTS_PER_AGENCY)


if __name__ == "__main__":
    main()
