"""The import's fast path: values COPYed straight into the values table while the rest of
the file is still being checked.

When no value of the file's (indicator, period) pairs is stored yet (a new month, a year
back-entered from a yearbook) every value is a new cell: nothing to lock, compare or keep
as a revision. Each checked value is then written to a ``COPY … FROM STDIN`` of the values
table, a few thousand at a time, and the database inserts them (heap, unique key, indexes,
the statement's reference checks) on the other core while Python checks the next ones:
the two halves of the work overlap instead of following each other through a stage. What
the values add to the live totals is summed in Python once the file is through, per
(indicator, breakdown cell, period, shape), and added by the staged path's own statement
(:func:`egov.reporting.actions._bulk.add_to_totals`).

All or nothing still holds: the caller's transaction is rolled back when a later value is
refused, and a cell another transaction stored meanwhile makes the COPY fail on the unique
key (reported as a concurrent write). Weighted averages, whose counted value needs the
weights as stored once the file is written, take the staged path.
"""

from __future__ import annotations

import contextlib
from collections import defaultdict
from decimal import Decimal
from types import TracebackType
from typing import Any, Self

from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _
from psycopg import errors as pg_errors

from egov.lib.errors import ActionError
from egov.reporting.actions._bulk import (
    WORK_MEM,
    BulkWrite,
    IndicatorShape,
    _copy_text,
    add_to_totals,
    cell_shapes,
    table_names,
)
from egov.reporting.actions._common import actor_or_none

#: Values sent to the server per COPY message: large enough to keep the round of messages
#: cheap, small enough that the server starts inserting while Python checks the rest.
CHUNK = 2000

_ANY_STORED = """
SELECT EXISTS (
    SELECT 1 FROM unnest(%(indicators)s::bigint[], %(periods)s::bigint[]) AS k(i, p)
    WHERE EXISTS (SELECT 1 FROM {values} AS d WHERE d.indicator_id = k.i AND d.period_id = k.p)
)
"""

_COLUMNS = (
    "indicator_id, combo_id, unit_id, period_id, value, status, source, revision,"
    " counted_value, counted_weight, updated_at, updated_by_id, note"
)


def can_stream(pairs: set[tuple[int, int]], shapes: dict[int, IndicatorShape]) -> bool:
    """Whether values of these (indicator, period) pairs can take the fast path: no
    weighted average among them and none of the pairs holding a stored value yet."""
    if not pairs or any(s.weight_indicator_id for s in shapes.values()):
        return False
    indicators, periods = zip(*sorted(pairs), strict=True)
    with connection.cursor() as cursor:
        cursor.execute(
            _ANY_STORED.format(**table_names()),
            {"indicators": list(indicators), "periods": list(periods)},
        )
        return not cursor.fetchone()[0]


def _concurrent_write() -> ActionError:
    return ActionError(
        _(
            "Trong lúc nhập, đã có số liệu khác được ghi vào cùng ô; chưa nhập giá trị nào, "
            "hãy nhập lại tệp."
        ),
        code="concurrent_write",
    )


class ValueStream:
    """``with ValueStream(…) as stream: stream.add(write) …; written = stream.finish()``.
    The caller holds the transaction and adds each cell once, checked."""

    def __init__(
        self,
        *,
        shapes: dict[int, IndicatorShape],
        actor: Any,
        source: str,
        note: str,
        approve: bool,
    ) -> None:
        user = actor_or_none(actor)
        self.shapes = shapes
        self.approve = approve
        self.now = timezone.now()
        self.writes: list[BulkWrite] = []
        self._lines: list[str] = []
        self._statuses: dict[str, str] = {}
        self._stack = contextlib.ExitStack()
        self._copy: Any = None
        # What follows the status in every row: source, revision 1, then the counted value
        # (the value itself once approved), its weight, when, by whom, the note.
        self._before_counted = f"{_copy_text(source)}\t1\t"
        self._after_counted = "\t".join(
            (
                "",
                "0" if approve else "\\N",
                self.now.isoformat(),
                str(user.pk) if user is not None else "\\N",
                _copy_text(note) + "\n",
            )
        )

    def __enter__(self) -> Self:
        cursor = self._stack.enter_context(connection.cursor())
        cursor.execute(f"SET LOCAL work_mem = '{WORK_MEM}'")
        raw = self._stack.enter_context(cursor.connection.cursor())
        self._copy = self._stack.enter_context(
            raw.copy(f"COPY {table_names()['values']} ({_COLUMNS}) FROM STDIN")
        )
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._close(exc_type, exc, tb)

    def _close(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            self._stack.__exit__(exc_type, exc, tb)
        except pg_errors.UniqueViolation as error:
            raise _concurrent_write() from error
        # The server may refuse the COPY while a message is being sent, not only at its end.
        if isinstance(exc, pg_errors.UniqueViolation):
            raise _concurrent_write() from exc

    def add(self, write: BulkWrite) -> None:
        status = self._statuses.get(write.status)
        if status is None:
            status = self._statuses[write.status] = _copy_text(write.status)
        value = str(write.value)
        self._lines.append(
            f"{write.indicator_id}\t{write.combo_id}\t{write.unit_id}\t{write.period_id}\t"
            f"{value}\t{status}\t{self._before_counted}"
            f"{value if self.approve else '\\N'}{self._after_counted}"
        )
        self.writes.append(write)
        if len(self._lines) >= CHUNK:
            self._flush()

    def _flush(self) -> None:
        if self._lines:
            self._copy.write("".join(self._lines))
            self._lines = []

    def finish(self) -> int:
        """End the COPY, add the values to the live totals when approved, and return the
        number of values written."""
        self._flush()
        self._close(None, None, None)
        if self.approve and self.writes:
            self._add_to_totals()
        return len(self.writes)

    def _add_to_totals(self) -> None:
        shapes = self.shapes
        shape_of, node_rows = cell_shapes(self.writes, shapes, approve=True)
        amounts: defaultdict[tuple[int, int, int, int], Decimal] = defaultdict(Decimal)
        reporters: defaultdict[tuple[int, int, int, int], int] = defaultdict(int)
        for w in self.writes:
            shape = shapes[w.indicator_id]
            if not shape.aggregated:
                continue
            key = (
                w.indicator_id,
                w.combo_id,
                w.period_id,
                shape_of[w.unit_id, w.period_id, shape.sector_id],
            )
            amounts[key] += w.value
            reporters[key] += 1
        sums = "".join(
            f"{i}\t{c}\t{p}\t{s}\t{amount}\t0\t{reporters[i, c, p, s]}\n"
            for (i, c, p, s), amount in amounts.items()
        )
        with connection.cursor() as cursor:
            add_to_totals(cursor, node_rows=node_rows, now=self.now, sums=sums)
