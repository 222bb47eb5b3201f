"""Saving many cells at once, all or nothing: the grid's "save all" and the XLSX upload.
Every cell is checked first; one bad cell refuses the whole file with a report naming each
bad cell, and nothing is written."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from egov.audit.service import record
from egov.lib.errors import ActionError
from egov.reporting import access, audit_names, xlsx
from egov.reporting.actions._common import require
from egov.reporting.actions.entry import CellWrite, _require_editable, parse_cell, write_values
from egov.reporting.choices import ValueSource, ValueStatus
from egov.reporting.models import Indicator, OptionCombo, Submission
from egov.reporting.numbers import check_value


@dataclass(frozen=True)
class CellProblem:
    ref: str
    label: str
    message: str


class CellReportError(ActionError):
    """Some cells were refused; ``problems`` locate each one. Nothing was written."""

    def __init__(self, problems: list[CellProblem]) -> None:
        super().__init__(
            _("Có %(n)s ô không hợp lệ; chưa lưu số liệu nào.") % {"n": len(problems)},
            code="bad_cells",
        )
        self.problems = problems


def _apply(
    *,
    actor: Any,
    submission: Submission,
    raw: list[tuple[str, int, int, Any]],
    source: str,
    status: str,
    audit: str,
) -> int:
    indicators = Indicator.objects.in_bulk({r[1] for r in raw})
    combos = OptionCombo.objects.in_bulk({r[2] for r in raw})
    writes: list[CellWrite] = []
    problems: list[CellProblem] = []
    for ref, indicator_id, combo_id, value in raw:
        indicator, combo = indicators[indicator_id], combos[combo_id]
        try:
            if isinstance(value, int | float) and not isinstance(value, bool):
                # A number typed in Excel is already a number: never re-read "1.234".
                number = Decimal(str(value))
                check_value(number, indicator.value_type)
                parsed: Decimal | None = number
            else:
                parsed = parse_cell(indicator, "" if value is None else str(value))
        except ActionError as error:
            problems.append(CellProblem(ref, f"{indicator.name} — {combo.name}", error.messages[0]))
            continue
        writes.append(CellWrite(indicator, combo, parsed))
    if problems:
        raise CellReportError(problems)
    changed = len(
        write_values(
            submission=submission, writes=writes, actor=actor, source=source, status=status
        )
    )
    record(
        action=audit,
        actor=actor,
        obj=submission,
        unit_id=submission.unit_id,
        after={"cells": len(writes), "changed": changed, "source": source},
    )
    return changed


@transaction.atomic
def save_grid(
    *,
    actor: Any,
    submission: Submission,
    cells: dict[tuple[int, int], str],
    status: str = ValueStatus.ESTIMATE,
    skip_access_check: bool = False,
) -> int:
    """The grid posted whole (without JavaScript): every cell or none."""
    if not skip_access_check:
        require(access.can_enter(actor, submission.unit), "reporter of the unit required")
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    _require_editable(submission)
    slots, _codes, _fixed = xlsx.layout_slots(submission)
    on_form = {(s.indicator_id, s.combo_id): s for s in slots}
    raw = []
    for key, text in cells.items():
        slot = on_form.get(key)
        if slot is None:
            raise ActionError(_("Ô này không có trên biểu."), code="unknown_cell")
        raw.append((f"{slot.indicator_code}.{slot.combo_code}", key[0], key[1], text))
    source = ValueSource.BACKFILL if submission.is_backfill else ValueSource.ENTRY
    return _apply(
        actor=actor,
        submission=submission,
        raw=raw,
        source=source,
        status=status,
        audit=audit_names.VALUES_UPLOAD,
    )


@transaction.atomic
def upload_xlsx(
    *,
    actor: Any,
    submission: Submission,
    file: Any,
    status: str = ValueStatus.ESTIMATE,
    skip_access_check: bool = False,
) -> int:
    """The form filled offline: refused whole if it is another form, unit or period, if its
    layout was changed, or if any cell is not a valid value (each one reported)."""
    if not skip_access_check:
        require(access.can_enter(actor, submission.unit), "reporter of the unit required")
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    _require_editable(submission)
    cells = xlsx.read(submission, file)
    raw = [(slot.ref, slot.indicator_id, slot.combo_id, value) for slot, value in cells.items()]
    source = ValueSource.BACKFILL if submission.is_backfill else ValueSource.XLSX
    return _apply(
        actor=actor,
        submission=submission,
        raw=raw,
        source=source,
        status=status,
        audit=audit_names.VALUES_UPLOAD,
    )
