"""The generator of e-office benchmark data: see ``reference`` for what it writes."""

from __future__ import annotations

import random
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection, transaction
from django.utils import timezone

from egov.documents.seeding.generator import Counts, Generator, Table
from egov.documents.seeding.organisation import (
    Agency,
    Organisation,
    build_tree,
    create_users,
    open_registers,
    read_organisation,
)
from egov.documents.seeding.reference import (
    DEFAULT_AGENCIES,
    DEFAULT_DOCUMENTS,
    DEFAULT_SEED,
    INCOMING_SHARE,
    INCOMING_TYPES,
    OUTGOING_TYPES,
)

# --- The whole ----------------------------------------------------------------------------


def _fast_load(tables: list[str]) -> list[str]:
    """Prepare the current transaction for a bulk load into ``tables``: drop their indexes
    that back no constraint (returned as the statements that create them again, to run
    after the load: one sorted build is much faster than millions of insertions, the GIN
    index above all) and, when allowed (superuser), skip the foreign-key triggers: the rows
    are consistent by construction."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        row = cursor.fetchone()
        if row and row[0]:
            cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes i WHERE schemaname = 'public'"
            " AND tablename = ANY(%s) AND NOT EXISTS"
            " (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)",
            [tables],
        )
        indexes = cursor.fetchall()
        for name, _definition in indexes:
            cursor.execute(f'DROP INDEX "{name}"')
    return [definition for _name, definition in indexes]


@dataclass
class SeedResult:
    """What was written and who the benchmark measures."""

    counts: Counts
    busy_agency: int
    busy_clerk: int
    busy_leader: int
    province: int
    province_leader: int
    seconds: float
    units_built: bool


def seed(
    documents: int = DEFAULT_DOCUMENTS,
    *,
    agencies: int = DEFAULT_AGENCIES,
    seed_value: int = DEFAULT_SEED,
    log: Callable[[str], None] = lambda message: None,
) -> SeedResult:
    """Write ``documents`` generated documents (see the module's docstring)."""
    from egov.documents.models import (
        Assignment,
        DocumentType,
        IncomingDocument,
        OutgoingDocument,
        ReviewStep,
    )
    from egov.organisations.models import OrgUnit

    started = time.perf_counter()
    rng = random.Random(seed_value)  # noqa: S311 - benchmark data, not security
    built = not OrgUnit.objects.exists()
    if built:
        build_tree(agencies, rng)
        log(f"organisation: {OrgUnit.objects.count():,} units")
    found, busy = read_organisation(agencies)
    by_province: dict[str, list[Agency]] = defaultdict(list)
    for agency in found:
        by_province[agency.province].append(agency)
    province_leader = create_users(found, busy, rng)
    types = {t.code: t for t in DocumentType.objects.all()}
    missing_types = {code for code, _ in INCOMING_TYPES + OUTGOING_TYPES} - set(types)
    if missing_types:
        raise SystemExit(f"document types missing (migration 0002?): {sorted(missing_types)}")
    open_registers(found, types)
    organisation = Organisation(found, dict(by_province), busy, province_leader, built)
    log(f"{len(found):,} agencies, users and registers in {time.perf_counter() - started:.1f} s")

    generator = Generator(organisation, types, rng, timezone.now(), log)
    generator.load_counters()
    incoming_total = round(documents * INCOMING_SHARE)
    incoming_table = Table(
        IncomingDocument,
        [
            "id", "document_type_id", "code_number", "code_notation", "issued_date", "subject",
            "signer_position", "signer_name", "urgency", "secrecy", "page_amount", "due_date",
            "created_by_id", "created_at", "updated_at", "unit_id", "register_id", "year",
            "arrival_number", "arrived_at", "channel", "issuer_name", "issuer_code", "status",
            "done_at",
        ],
        searchable=True,
    )  # fmt: skip
    assignment_table = Table(
        Assignment,
        [
            "id", "document_id", "parent_id", "role", "assignee_unit_id", "assignee_user_id",
            "assigned_by_id", "due_date", "status", "created_at", "closed_at", "urgency",
        ],
    )  # fmt: skip
    outgoing_table = Table(
        OutgoingDocument,
        [
            "id", "document_type_id", "code_number", "code_notation", "issued_date", "subject",
            "signer_position", "signer_name", "urgency", "secrecy", "page_amount", "due_date",
            "created_by_id", "created_at", "updated_at", "unit_id", "drafting_unit_id",
            "is_legal", "drafter_id", "signer_id", "status", "register_id", "year", "number",
            "issued_at", "issued_by_id", "electronic", "on_paper",
        ],
        searchable=True,
    )  # fmt: skip
    step_table = Table(
        ReviewStep,
        ["id", "document_id", "round", "order", "reviewer_id", "is_signer", "decision",
         "decided_at"],
    )  # fmt: skip
    tables = (incoming_table, assignment_table, outgoing_table, step_table)
    # One transaction: if anything fails, nothing is left half-written and the indexes
    # dropped for the load come back with the rollback.
    with transaction.atomic():
        deferred = _fast_load([table.table for table in tables])
        for table in tables:
            table.reserve_ids()
        generator.incoming(incoming_total, incoming_table, assignment_table)
        log(f"incoming: {incoming_table.count:,} in {time.perf_counter() - started:.1f} s")
        generator.outgoing(documents - incoming_total, outgoing_table, step_table)
        log(f"outgoing: {outgoing_table.count:,} in {time.perf_counter() - started:.1f} s")
        for table in tables:
            table.finish()
        with connection.cursor() as cursor:
            for definition in deferred:
                cursor.execute(definition)
        log(f"{len(deferred)} indexes rebuilt in {time.perf_counter() - started:.1f} s")
    generator.save_counters()
    with connection.cursor() as cursor:
        for model in (IncomingDocument, OutgoingDocument, Assignment, ReviewStep):
            cursor.execute(f'VACUUM (ANALYZE) "{model._meta.db_table}"')
        cursor.execute("ANALYZE")
    log(f"vacuumed and analysed in {time.perf_counter() - started:.1f} s")
    return SeedResult(
        counts=generator.counts,
        busy_agency=busy.pk,
        busy_clerk=busy.clerk,
        busy_leader=busy.leader,
        province=busy.province_pk,
        province_leader=province_leader,
        seconds=time.perf_counter() - started,
        units_built=built,
    )
