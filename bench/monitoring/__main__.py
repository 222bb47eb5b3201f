"""``python -m bench.monitoring``: the oversight dashboards and the yearly ranking.

Full scale: 34 provinces' worth of agencies (120 each: departments and communes, 4,080
units under one root) and a year of activity: 10 incoming documents per agency registered
through the e-office's action (half over the exchange, half on paper), and bulk-inserted
rows for every other source (``fill.py``: issued documents, exchange receipts, dossiers,
feedback, official mail, a monthly KT-XH report). The test world's own units get agency
sites (the website indicators; provisioning 4,080 Wagtail sites is the portal bench's job).

Figures: an agency leader's dashboard (the agency page: every indicator for the year and
the month-by-month trend), the provincial dashboard (every agency; its first group of
indicators, the page a leader opens, and every indicator at once), the
provincial ranking with every indicator that has data as a criterion (the stored run, as
an administrator starts it), the computation alone with every registered indicator, and the
two-criterion ranking of decision 0019 on the grouped reads and on the per-unit reads (the
peer: what it cost before). ``--quick``: 1/20 of it. Figures as JSON lines on stdout,
progress on stderr; ``bench_monitoring`` is dropped and filled.
"""

from __future__ import annotations

import datetime as dt
import time
from decimal import Decimal
from pathlib import Path

from bench._common import Report, fresh_database, log, parse_args, time_ms

AGENCIES = 34 * 120
DOCUMENTS_PER_AGENCY = 10
DASHBOARD_TARGET_MS = 1000.0
RANKING_TARGET_S = 10.0


def _load() -> str:
    """The machine's load averages (it is shared), printed beside the figures."""
    return " ".join(Path("/proc/loadavg").read_text(encoding="ascii").split()[:3])


def main() -> None:
    args = parse_args("Benchmark of the oversight part", quick_scale=0.05)
    agencies_count = max(int(AGENCIES * args.scale), 10)
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
    from egov.portal.actions import provisioning

    provisioning.provision_sites(actor=world.admin)  # the test world's units only
    year = local_today().year
    kind = doc_type("cong-van")
    log(f"filling {agencies_count} agencies, {DOCUMENTS_PER_AGENCY} documents each")
    started = time.perf_counter()
    units = [world.home_affairs]
    for n in range(agencies_count - 1):
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
    from bench.monitoring.fill import fill_sources

    counts = fill_sources(world, units, year, max(local_today().month, 1))
    report.emit("fill_s", time.perf_counter() - started, "s", better=None)

    leader = Client()
    leader.force_login(world.leader)

    def dashboard() -> None:
        response = leader.get(f"/monitoring/co-quan/{world.home_affairs.pk}/?year={year}")
        if response.status_code != 200:
            raise RuntimeError(response.status_code)

    log(f"agency dashboard, load {_load()}")
    report.latency(
        "agency_dashboard", time_ms(dashboard, repeat=repeat), target=DASHBOARD_TARGET_MS
    )
    from egov.organisations.choices import Role
    from egov.organisations.testing import hire_with_role

    admin = Client()  # a provincial leader: sees every agency and the province row
    admin.force_login(
        hire_with_role("bench.lanhdao", "Lãnh Đạo Tỉnh", world.province, Role.LEADER, subtree=True)
    )

    def provincial(query: str = "") -> None:
        response = admin.get(f"/monitoring/?year={year}{query}")
        if response.status_code != 200:
            raise RuntimeError(response.status_code)

    log(f"provincial dashboard (first group), load {_load()}")
    report.latency("provincial_dashboard", time_ms(provincial, repeat=3, warmup=1), target=None)
    log(f"provincial dashboard (every indicator), load {_load()}")
    report.latency(
        "provincial_dashboard_all_indicators",
        time_ms(lambda: provincial("&group=all"), repeat=3, warmup=1),
        target=None,
    )

    from egov.monitoring import access, indicators, ranking
    from egov.monitoring.choices import Direction

    period = Period.year(year)
    agencies = list(access.all_agencies())

    def spec(code: str, weight: Decimal) -> CriterionSpec:
        indicator = indicators.INDICATORS[code]
        top = {"percent": Decimal(100), "count": Decimal(20)}.get(indicator.unit, Decimal(0))
        worst = {"days": Decimal(30), "hours": Decimal(40)}.get(indicator.unit, Decimal(100))
        if indicator.direction == Direction.HIGHER:
            return CriterionSpec(str(indicator.name)[:200], code, weight, Decimal(0), top)
        return CriterionSpec(str(indicator.name)[:200], code, weight, worst, Decimal(0))

    def weighted(codes: list[str]) -> list[CriterionSpec]:
        share = (Decimal(100) / len(codes)).quantize(Decimal("0.01"), rounding="ROUND_DOWN")
        weights = [share] * (len(codes) - 1) + [Decimal(100) - share * (len(codes) - 1)]
        return [spec(code, w) for code, w in zip(codes, weights, strict=True)]

    every = weighted(list(indicators.INDICATORS))
    log(f"ranking computation, {len(every)} indicators, load {_load()}")
    started = time.perf_counter()
    _scored, problems = ranking.compute(every, agencies, period)
    report.emit(
        "ranking_all_indicators_compute_s",
        time.perf_counter() - started,
        "s",
        target=RANKING_TARGET_S,
    )
    without = set(problems)
    with_data = [c.indicator_code for c in every if not any(f"“{c.name}”" in p for p in without)]
    log(
        "indicators without data for any agency: "
        + ", ".join(c.indicator_code for c in every if c.indicator_code not in with_data)
    )
    method = save_method(
        actor=world.admin,
        name="Xếp hạng ứng dụng CNTT (mọi chỉ tiêu)",
        criteria=weighted(with_data),
    )
    log(f"full ranking run, {len(with_data)} criteria, load {_load()}")
    samples = []
    for _ in range(1 if not args.quick else 2):
        started = time.perf_counter()
        run_ranking(actor=world.admin, method=method, period=period)
        samples.append(time.perf_counter() - started)
    report.emit("province_ranking_s", max(samples), "s", target=RANKING_TARGET_S)
    report.emit("ranking_criteria", len(with_data), "criteria", better=None)

    two = [
        CriterionSpec(
            "Văn bản điện tử", "edoc_electronic_share", Decimal(70), Decimal(0), Decimal(50)
        ),
        CriterionSpec("Xử lý đúng hạn", "edoc_overdue_rate", Decimal(30), Decimal(30), Decimal(0)),
    ]
    started = time.perf_counter()
    ranking.compute(two, agencies, period)
    grouped = time.perf_counter() - started
    report.emit("ranking_two_criteria_grouped_s", grouped, "s", target=RANKING_TARGET_S)
    log(f"two criteria on the per-unit reads (the peer), load {_load()}")
    started = time.perf_counter()
    with indicators.shared_reads():
        for c in two:
            indicator = indicators.INDICATORS[c.indicator_code]
            {u.pk: indicator.compute(u, period) for u in agencies}
    per_unit = time.perf_counter() - started
    report.emit("ranking_two_criteria_per_unit_s", per_unit, "s", better=None)
    report.emit("per_unit_over_grouped", per_unit / grouped if grouped else 0.0, "x", better=None)
    report.summary(
        agencies=agencies_count,
        documents=agencies_count * DOCUMENTS_PER_AGENCY,
        rows=counts,
        load=_load(),
    )


if __name__ == "__main__":
    main()
