"""``python -m bench.onestop``: the one-stop-shop with 500,000 dossiers and 2,000 procedures.

Figures: submission at the counter (a dossier with its PDF, code, appointment, steps,
transition, audit), the public lookup page by code (p95 target 50 ms), an officer's queue
page (p95 target 150 ms), the statistics page, due-date computations per second. The
database ``bench_onestop`` is dropped and filled by the run (COPY for the dossiers and
their transitions). ``--quick``: scale 0.02 (10,000 dossiers, 40 procedures).
"""

from __future__ import annotations

import datetime as dt
import random
import secrets
import time
from typing import Any

from bench._common import Report, fresh_database, log, parse_args, time_ms

DOSSIERS = 500_000
PROCEDURES = 2_000
AGENCIES = 24
LOOKUP_TARGET_MS = 50.0
QUEUE_TARGET_MS = 150.0


def _units(world: Any) -> list[Any]:
    from egov.organisations import actions
    from egov.organisations.choices import UnitKind
    from egov.organisations.testing import START

    units = [world.home_affairs, world.finance, world.office]
    for n in range(AGENCIES - len(units)):
        units.append(
            actions.create_unit(
                actor=None,
                parent=world.province,
                name=f"Ủy ban nhân dân xã Thử Tải {n + 1}",
                kind=UnitKind.COMMUNE_COMMITTEE,
                valid_from=START,
                abbreviation="UBND",
                organ_code=f"H01.{500 + n}",
                short_name=f"UBND xã Thử Tải {n + 1}",
                skip_access_check=True,
            )
        )
    return units


def _procedures(count: int, units: list[Any]) -> list[Any]:
    from egov.onestop.choices import OnlineLevel, TimeUnit
    from egov.onestop.models import Procedure, ProcedureDocument, ProcedureStep

    rng = random.Random(7)
    procedures = Procedure.objects.bulk_create(
        Procedure(
            code=f"9.{n:06d}",
            name=f"Thủ tục thử tải số {n}",
            field_code=f"G{n % 40:02d}",
            field_name=f"Lĩnh vực {n % 40}",
            time_limit=rng.choice([1, 3, 5, 7, 10, 15, 20]),
            time_unit=TimeUnit.WORKING_DAYS,
            online_level=rng.choice([OnlineLevel.FULL, OnlineLevel.PARTIAL]),
        )
        for n in range(count)
    )
    through = Procedure.agencies.through
    through.objects.bulk_create(
        through(procedure_id=p.pk, orgunit_id=units[i % len(units)].pk)
        for i, p in enumerate(procedures)
    )
    ProcedureDocument.objects.bulk_create(
        ProcedureDocument(procedure=p, position=1, name="Đơn đề nghị") for p in procedures
    )
    ProcedureStep.objects.bulk_create(
        ProcedureStep(procedure=p, position=1, name="Xử lý", unit=None, share=p.time_limit)
        for p in procedures
    )
    return procedures


def _dossiers(count: int, procedures: list[Any], units: list[Any]) -> list[str]:
    """COPY ``count`` dossiers over two years (85 % closed) and two transitions each."""
    from django.db import connection

    from egov.onestop.choices import OPEN_STATUSES, Status

    rng = random.Random(11)
    now = dt.datetime.now(dt.UTC)
    start = now - dt.timedelta(days=730)
    per_day: dict[tuple[int, str], int] = {}
    sample_codes: list[str] = []
    columns = (
        "code, lookup_key, procedure_id, receiving_unit_id, current_unit_id, current_step, "
        "status, channel, applicant_kind, applicant_name, applicant_id_number, applicant_email, "
        "applicant_phone, applicant_address, details, submitted_at, received_at, counted_from, "
        "due_at, printed_due_at, additional_requested, completed_at, closed_at, return_method"
    )
    open_statuses = [str(s) for s in OPEN_STATUSES if s != Status.NEW]
    with connection.cursor() as cursor:
        with cursor.cursor.copy(f"COPY onestop_dossier ({columns}) FROM STDIN") as copy:
            for n in range(count):
                unit = units[n % len(units)]
                procedure = procedures[n % len(procedures)]
                received = start + dt.timedelta(seconds=rng.randrange(730 * 86400))
                day = received.strftime("%y%m%d")
                seq = per_day.get((unit.pk, day), 0) + 1
                per_day[(unit.pk, day)] = seq
                code = f"{unit.organ_code}-{day}-{seq:04d}"
                due = received + dt.timedelta(days=procedure.time_limit * 1.4)
                is_open = rng.random() < 0.15
                completed = (
                    None
                    if is_open
                    else received
                    + dt.timedelta(days=rng.uniform(0.5, 1.2) * procedure.time_limit * 1.4)
                )
                if n % 250 == 0:
                    sample_codes.append(code)
                copy.write_row(
                    (
                        code,
                        secrets.token_hex(4).upper(),
                        procedure.pk,
                        unit.pk,
                        unit.pk if is_open else None,
                        1 if is_open else None,
                        rng.choice(open_statuses) if is_open else Status.RETURNED,
                        rng.choice([1, 2, 2, 3]),
                        "citizen",
                        f"Người nộp {n}",
                        f"{n:012d}",
                        "",
                        "",
                        "",
                        "",
                        received,
                        received,
                        received.date(),
                        due,
                        due,
                        False,
                        completed,
                        completed,
                        "in_person",
                    )
                )
        log("dossiers copied; transitions")
        cursor.execute(
            "INSERT INTO onestop_transition (dossier_id, from_status, to_status, action, "
            "actor_name, to_unit_id, at, note) "
            "SELECT id, '', 'received', 'receive', 'Cán bộ', receiving_unit_id, received_at, '' "
            "FROM onestop_dossier"
        )
        cursor.execute(
            "INSERT INTO onestop_transition (dossier_id, from_status, to_status, action, "
            "actor_name, from_unit_id, to_unit_id, at, note) "
            "SELECT id, 'received', status, 'hand_over', 'Cán bộ', receiving_unit_id, "
            "receiving_unit_id, received_at + interval '1 hour', '' FROM onestop_dossier"
        )
        # The daily counters the codes above used, so new dossiers continue the numbering.
        cursor.execute(
            "INSERT INTO onestop_dailycounter (unit_id, day, last) "
            "SELECT receiving_unit_id, to_date(split_part(code, '-', 2), 'YYMMDD'), "
            "max(split_part(code, '-', 3)::int) FROM onestop_dossier GROUP BY 1, 2"
        )
        cursor.execute("ANALYZE")
    # What autovacuum does after a bulk load: the visibility map lets counts read the index.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE onestop_dossier")
    return sample_codes


def main() -> None:
    args = parse_args("Benchmark of the one-stop-shop", quick_scale=0.02)
    scale = 0.02 if args.quick else args.scale
    report = Report()
    log(f"database {args.database}: creating")
    fresh_database(args.database)

    from django.conf import settings
    from django.test import Client
    from django.urls import reverse

    from egov.onestop import deadlines
    from egov.onestop.actions import dossiers
    from egov.onestop.choices import TimeUnit
    from egov.onestop.testing import pdf
    from egov.organisations import actions as org_actions
    from egov.organisations.choices import Role
    from egov.organisations.testing import START, build_world, make_user

    world = build_world()
    units = _units(world)
    count, procedure_count = int(DOSSIERS * scale), max(40, int(PROCEDURES * scale))
    started = time.perf_counter()
    procedures = _procedures(procedure_count, units)
    codes = _dossiers(count, procedures, units)
    report.emit("fill_s", time.perf_counter() - started, "s", better=None)
    report.emit("dossiers", count, "rows", better=None)
    report.emit("procedures", procedure_count, "rows", better=None)

    procedure = procedures[0]
    unit = world.home_affairs
    doc = procedure.documents.get()

    def submit() -> None:
        dossiers.receive_at_counter(
            actor=world.clerk,
            procedure=procedure,
            unit=unit,
            applicant=dossiers.Applicant(name="Nguyễn Văn Thử"),
            uploads=[(doc, pdf(content=b"%PDF-1.4\n" + secrets.token_bytes(200_000)))],
        )

    report.latency("submission", time_ms(submit, repeat=30), target=None)

    host = settings.ALLOWED_HOSTS[0].lstrip(".") or "localhost"
    public = Client(HTTP_HOST=host)
    rng = random.Random(3)

    def lookup() -> None:
        code = rng.choice(codes)
        response = public.get(reverse("onestop_public:lookup_detail", args=[code]))
        assert response.status_code == 200, response.status_code  # noqa: S101 - bench sanity

    report.latency("public_lookup", time_ms(lookup, repeat=300, warmup=5), target=LOOKUP_TARGET_MS)

    officer = Client(HTTP_HOST=host)
    officer.force_login(world.clerk, backend="egov.accounts.backends.UsernameOrEmailBackend")
    pages = iter(range(10**6))

    def queue() -> None:
        page = 1 + next(pages) % 5
        response = officer.get(reverse("onestop:queue") + f"?page={page}")
        assert response.status_code == 200  # noqa: S101 - bench sanity

    report.latency("officer_queue", time_ms(queue, repeat=100, warmup=3), target=QUEUE_TARGET_MS)

    director = make_user("giamdoc", "Giám Đốc Thống Kê")
    org_actions.grant_role(
        actor=None,
        user=director,
        role=Role.LEADER,
        unit=world.province,
        valid_from=START,
        covers_subtree=True,
        skip_access_check=True,
    )
    leader = Client(HTTP_HOST=host)
    leader.force_login(director, backend="egov.accounts.backends.UsernameOrEmailBackend")

    def statistics() -> None:
        assert leader.get(reverse("onestop:statistics")).status_code == 200  # noqa: S101

    samples = time_ms(statistics, repeat=3, warmup=1)
    report.emit("statistics_page_ms", sorted(samples)[1], "ms", better="lower")

    moments = [
        dt.datetime(2026, 1, 1, tzinfo=dt.UTC) + dt.timedelta(minutes=rng.randrange(525_600))
        for _i in range(20_000)
    ]
    started = time.perf_counter()
    for n, moment in enumerate(moments):
        deadlines.due_after(moment, (n % 20) + 1, TimeUnit.WORKING_DAYS)
    elapsed = time.perf_counter() - started
    report.emit("due_dates_per_s", len(moments) / elapsed, "1/s", better="higher")
    report.summary(scale=scale, dossiers=count, procedures=procedure_count)


if __name__ == "__main__":
    main()
