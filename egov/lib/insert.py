"""One row inserted unless a row with the same unique key exists, in one statement.

The usual Django way (look for the row, then ``create`` inside a savepoint and catch the
``IntegrityError``) costs four round trips to PostgreSQL: the look-up, ``SAVEPOINT``, the
``INSERT`` and ``RELEASE``. On paths that store hundreds of rows a second (the exchange's
inbox and the hub's mailboxes) ``INSERT … ON CONFLICT (…) DO NOTHING RETURNING`` does the
same in one, and a concurrent twin still loses on the unique index."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connections, models, router


def insert_unless_exists(obj: models.Model, unique_fields: Sequence[str]) -> bool:
    """Insert ``obj`` unless a row with its values of ``unique_fields`` exists (those must
    be a unique constraint of the table). True if inserted: ``obj.pk`` is then set and the
    instance is saved; False leaves ``obj`` unsaved. Field defaults and ``auto_now`` apply
    as in ``save()``; no signals are sent (none are connected to the models using this)."""
    meta = obj._meta
    using = router.db_for_write(type(obj), instance=obj)
    connection = connections[using]
    quote = connection.ops.quote_name
    fields = [f for f in meta.concrete_fields if not f.primary_key]
    values = [f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields]
    by_name = {f.name: f for f in fields}
    conflict = ", ".join(quote(_column(by_name[name])) for name in unique_fields)
    # Table and column names come from the model, quoted; the values are parameters.
    columns = ", ".join(quote(_column(f)) for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    sql = (
        f"INSERT INTO {quote(meta.db_table)} ({columns}) VALUES ({placeholders}) "  # noqa: S608
        f"ON CONFLICT ({conflict}) DO NOTHING RETURNING {quote(_column(meta.pk))}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, values)
        row = cursor.fetchone()
    if row is None:
        return False
    obj.pk = row[0]
    obj._state.adding = False
    obj._state.db = using
    return True


def _column(field: models.Field[object, object] | None) -> str:
    if field is None or field.column is None:  # pragma: no cover - a concrete field has one
        raise TypeError(f"{field!r} has no column")
    return field.column
