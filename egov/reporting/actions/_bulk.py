"""Writing many values at once for imports: one read of the existing cells, new values and
all revision rows by COPY, changed values by one ``UPDATE … FROM unnest``. Same rows as
:func:`egov.reporting.actions.entry.write_values` writes, at import speed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import connection
from django.utils import timezone

from egov.reporting.actions._common import actor_or_none
from egov.reporting.models import DataValue, DataValueRevision


@dataclass(frozen=True)
class BulkWrite:
    unit_id: int
    period_id: int
    indicator_id: int
    combo_id: int
    value: Decimal
    status: str


def _copy_text(value: object) -> str:
    if value is None:
        return "\\N"
    if isinstance(value, dt.datetime):
        return value.isoformat()
    return str(value).replace("\\", "\\\\").replace("\t", " ").replace("\n", " ")


def write_many(
    *, writes: list[BulkWrite], actor: Any, source: str, note: str = ""
) -> list[DataValue]:
    """Write ``writes`` (caller holds the transaction, has checked access and values and
    made keys unique). Returns the created and changed values."""
    if not writes:
        return []
    now = timezone.now()
    user = actor_or_none(actor)
    user_id = user.pk if user is not None else None
    existing = {
        (v.unit_id, v.period_id, v.indicator_id, v.combo_id): v
        for v in DataValue.objects.select_for_update().filter(
            unit_id__in={w.unit_id for w in writes},
            period_id__in={w.period_id for w in writes},
            indicator_id__in={w.indicator_id for w in writes},
        )
    }
    created: list[DataValue] = []
    updated: list[DataValue] = []
    for w in writes:
        current = existing.get((w.unit_id, w.period_id, w.indicator_id, w.combo_id))
        if current is None:
            created.append(
                DataValue(
                    indicator_id=w.indicator_id,
                    combo_id=w.combo_id,
                    unit_id=w.unit_id,
                    period_id=w.period_id,
                    value=w.value,
                    status=w.status,
                    source=source,
                    revision=1,
                    updated_at=now,
                    updated_by_id=user_id,
                )
            )
        elif current.value != w.value or current.status != w.status:
            current.value, current.status, current.source = w.value, w.status, source
            current.revision += 1
            current.updated_at, current.updated_by_id = now, user_id
            updated.append(current)
    values_table = connection.ops.quote_name(DataValue._meta.db_table)
    revisions_table = connection.ops.quote_name(DataValueRevision._meta.db_table)
    with connection.cursor() as cursor:
        if created:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                [DataValue._meta.db_table, len(created)],
            )
            for value, (pk,) in zip(created, cursor.fetchall(), strict=True):
                value.pk = pk
            with (
                cursor.connection.cursor() as raw,
                raw.copy(
                    f"COPY {values_table} (id, indicator_id, combo_id, unit_id, period_id, value,"
                    " status, source, revision, updated_at, updated_by_id) FROM STDIN"
                ) as copy,
            ):
                for v in created:
                    copy.write_row(
                        (
                            v.pk,
                            v.indicator_id,
                            v.combo_id,
                            v.unit_id,
                            v.period_id,
                            v.value,
                            v.status,
                            v.source,
                            1,
                            now,
                            user_id,
                        )
                    )
        if updated:
            cursor.execute(
                f"UPDATE {values_table} AS d SET value = u.value, status = u.status,"  # noqa: S608 - our table
                " source = u.source, revision = u.revision, updated_at = %s, updated_by_id = %s"
                " FROM unnest(%s::int[], %s::numeric[], %s::text[], %s::text[], %s::int[])"
                " AS u(id, value, status, source, revision) WHERE d.id = u.id",
                [
                    now,
                    user_id,
                    [v.pk for v in updated],
                    [v.value for v in updated],
                    [v.status for v in updated],
                    [v.source for v in updated],
                    [v.revision for v in updated],
                ],
            )
        with (
            cursor.connection.cursor() as raw,
            raw.copy(
                f"COPY {revisions_table} (data_value_id, revision, value, status, source,"
                " recorded_at, recorded_by_id, note) FROM STDIN"
            ) as copy,
        ):
            for v in created + updated:
                copy.write_row((v.pk, v.revision, v.value, v.status, v.source, now, user_id, note))
    return created + updated
