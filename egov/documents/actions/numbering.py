from __future__ import annotations

from django.db import connection

from egov.documents.models import Register, RegisterCounter


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
