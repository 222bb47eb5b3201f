from __future__ import annotations

from django.db import connection

from egov.documents.models import Register, RegisterCounter
from egov.organisations.models import OrgUnit


def next_number(register: Register, year: int) -> int:
    """The next number of ``register`` in ``year``: 1 on the first call of a year.

    Gap-free and race-free, in one statement: ``INSERT … ON CONFLICT DO UPDATE … RETURNING``
    creates the year's counter or increments it, and the updated row stays locked until the
    caller's transaction ends. A second issuer waits for the first to commit or roll back
    (two first callers cannot both create the row: the unique constraint makes the second
    wait, then take the update path); a rolled-back issue gives its number back. Call inside
    the transaction that saves the numbered document.
    """
    table = RegisterCounter._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (register_id, year, last_number) VALUES (%s, %s, 1) "  # noqa: S608 - table name from the model
            f"ON CONFLICT (register_id, year) DO UPDATE SET last_number = {table}.last_number + 1 "
            "RETURNING last_number",
            [register.pk, year],
        )
        row = cursor.fetchone()
    return int(row[0])


def next_number_in_series(
    unit: OrgUnit, direction: str, kind: str, document_type_id: int | None, year: int
) -> tuple[int, int] | None:
    """``(register id, next number)`` in ``unit``'s active register of that series, in one
    statement that finds the register and takes the number as :func:`next_number` does;
    ``None`` when the series has no register yet (the caller opens it, then numbers)."""
    table = RegisterCounter._meta.db_table
    registers = Register._meta.db_table
    same_type = (
        "r.document_type_id IS NULL" if document_type_id is None else "r.document_type_id = %s"
    )
    params: list[int | str] = [year, unit.pk, direction, kind]
    if document_type_id is not None:
        params.append(document_type_id)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (register_id, year, last_number) "  # noqa: S608 - names from the models
            f"SELECT r.id, %s, 1 FROM {registers} r WHERE r.unit_id = %s AND r.direction = %s "
            f"AND r.kind = %s AND {same_type} AND r.active "
            f"ON CONFLICT (register_id, year) DO UPDATE SET last_number = {table}.last_number + 1 "
            "RETURNING register_id, last_number",
            params,
        )
        row = cursor.fetchone()
    return None if row is None else (int(row[0]), int(row[1]))
