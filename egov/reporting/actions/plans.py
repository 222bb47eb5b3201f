"""The year's plan (kế hoạch năm) of indicators for units: one cell typed in the plan grid,
or many at once (the grid posted whole, the plan's XLSX uploaded), all or nothing.

Who: a KT-XH reporter or a leader of the unit or of a unit above it
(:func:`egov.reporting.access.can_plan_for`). A plan is a number of the indicator's type
(a whole number, not negative, a percentage in 0–100, as its values); an empty cell takes
the plan off. Every change is audited with the value it replaced."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from egov.audit.service import record
from egov.lib.dates import local_today
from egov.lib.errors import ActionError
from egov.organisations.models import OrgUnit
from egov.reporting import access, audit_names
from egov.reporting.actions._common import require
from egov.reporting.actions.upload import CellProblem, CellReportError
from egov.reporting.constants import FIRST_BACKFILL_YEAR
from egov.reporting.models import Indicator, PlanTarget
from egov.reporting.numbers import check_value, parse_number

#: Plans are set for past years (back-entry) and up to this many years ahead.
PLAN_YEARS_AHEAD = 5


def plan_years() -> range:
    today = local_today()
    return range(FIRST_BACKFILL_YEAR, today.year + PLAN_YEARS_AHEAD + 1)


def check_year(year: int) -> None:
    years = plan_years()
    if year not in years:
        raise ActionError(
            _("Kế hoạch năm chỉ nhập cho các năm từ %(first)s đến %(last)s.")
            % {"first": years[0], "last": years[-1]},
            code="year_out_of_range",
            field="year",
        )


def parse_plan(indicator: Indicator, raw: Any) -> Decimal | None:
    """A plan as typed (Vietnamese number format) or as Excel stores it; empty is None."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        value = Decimal(str(raw))  # a number typed in Excel: never re-read "1.234"
    else:
        value = parse_number(str(raw))
    check_value(value, indicator.value_type)
    return value


def check_unit(actor: Any, unit: OrgUnit, *, skip_access_check: bool = False) -> None:
    if unit.valid_to is not None:
        raise ActionError(
            _("Đơn vị “%(unit)s” đã thôi hoạt động, không giao kế hoạch.") % {"unit": unit.name},
            code="unit_inactive",
            field="unit",
        )
    if not skip_access_check and not access.can_plan_for(actor, unit):
        raise ActionError(
            _("Đơn vị “%(unit)s” không thuộc phạm vi bạn được giao nhập kế hoạch.")
            % {"unit": unit.name},
            code="unit_out_of_scope",
            field="unit",
        )


def _write(
    actor: Any, indicator: Indicator, unit: OrgUnit, year: int, value: Decimal | None
) -> bool:
    """Store one plan (None takes it off); True when something changed. Audited."""
    before = (
        PlanTarget.objects.select_for_update()
        .filter(indicator=indicator, unit=unit, year=year)
        .first()
    )
    if before is None and value is None:
        return False
    if before is not None and before.value == value:
        return False
    old = {"value": str(before.value)} if before is not None else None
    if value is None:
        assert before is not None  # noqa: S101 - narrowed by the first test above
        before.delete()
    else:
        PlanTarget.objects.update_or_create(
            indicator=indicator, unit=unit, year=year, defaults={"value": value}
        )
    record(
        action=audit_names.PLAN_SET,
        actor=actor,
        object_type="reporting.plantarget",
        object_id=f"{year}:{indicator.code}:{unit.pk}",
        object_repr=f"{indicator.code} {year} — {unit.name}",
        unit_id=unit.pk,
        before=old,
        after={"value": None if value is None else str(value)},
    )
    return True


@transaction.atomic
def set_plan(
    *,
    actor: Any,
    indicator: Indicator,
    unit: OrgUnit,
    year: int,
    value: Decimal | None,
    skip_access_check: bool = False,
) -> PlanTarget | None:
    """The year's plan of ``indicator`` for ``unit``; None takes it off."""
    if not skip_access_check:
        require(not access.plan_scope(actor).is_empty, "KT-XH reporter or leader required")
    check_year(year)
    check_unit(actor, unit, skip_access_check=skip_access_check)
    if value is not None:
        check_value(value, indicator.value_type)
    _write(actor, indicator, unit, year, value)
    return PlanTarget.objects.filter(indicator=indicator, unit=unit, year=year).first()


@transaction.atomic
def save_plan_cell(
    *,
    actor: Any,
    year: int,
    indicator_id: int,
    unit_id: int,
    raw: str,
    skip_access_check: bool = False,
) -> Decimal | None:
    """One cell of the plan grid, as typed. A refused value leaves the stored plan as it was."""
    if not skip_access_check:
        require(not access.plan_scope(actor).is_empty, "KT-XH reporter or leader required")
    check_year(year)
    indicator = Indicator.objects.filter(pk=indicator_id).first()
    unit = OrgUnit.objects.filter(pk=unit_id).first()
    if indicator is None or unit is None:
        raise ActionError(_("Ô này không có trong bảng kế hoạch."), code="unknown_cell")
    check_unit(actor, unit, skip_access_check=skip_access_check)
    value = parse_plan(indicator, raw)
    _write(actor, indicator, unit, year, value)
    return value


@dataclass(frozen=True)
class PlanCell:
    """A plan as read from the grid or a workbook: where it is (``ref``), which unit (by
    id or organ code) and indicator (by code), and the raw value."""

    ref: str
    unit_key: str
    indicator_code: str
    raw: Any


def resolve_unit(key: str) -> OrgUnit | None:
    """A current unit by its organ code, or ``#id`` for a unit without one."""
    key = key.strip()
    units = OrgUnit.objects.all()
    if key.startswith("#") and key[1:].isdigit():
        units = units.filter(pk=int(key[1:]))
    else:
        units = units.filter(organ_code=key, valid_to__isnull=True) if key else units.none()
    unit: OrgUnit | None = units.first()
    return unit


def unit_key(unit: OrgUnit) -> str:
    return str(unit.organ_code or f"#{unit.pk}")


@transaction.atomic
def save_plans(
    *,
    actor: Any,
    year: int,
    cells: list[PlanCell],
    source: str = "grid",
    skip_access_check: bool = False,
) -> int:
    """Many plans of one year, all or nothing: every cell is checked first (indicator, unit
    in the user's scope, number of the indicator's type) and one bad cell refuses them all,
    with a report naming each bad cell. Returns the number of plans changed."""
    if not skip_access_check:
        require(not access.plan_scope(actor).is_empty, "KT-XH reporter or leader required")
    check_year(year)
    indicators = Indicator.objects.in_bulk({c.indicator_code for c in cells}, field_name="code")
    units: dict[str, OrgUnit | None] = {}
    problems: list[CellProblem] = []
    writes: dict[tuple[int, int], tuple[Indicator, OrgUnit, Decimal | None]] = {}
    for cell in cells:
        indicator = indicators.get(cell.indicator_code)
        if cell.unit_key not in units:
            units[cell.unit_key] = resolve_unit(cell.unit_key)
        unit = units[cell.unit_key]
        label = f"{indicator.name if indicator else cell.indicator_code} — " + (
            unit.name if unit else cell.unit_key
        )
        try:
            if indicator is None:
                raise ActionError(
                    _("Không có chỉ tiêu mã “%(code)s”.") % {"code": cell.indicator_code},
                    code="unknown_indicator",
                )
            if unit is None:
                raise ActionError(
                    _("Không có đơn vị mang mã “%(code)s”.") % {"code": cell.unit_key},
                    code="unknown_unit",
                )
            check_unit(actor, unit, skip_access_check=skip_access_check)
            value = parse_plan(indicator, cell.raw)
        except ActionError as error:
            problems.append(CellProblem(cell.ref, label, error.messages[0]))
            continue
        key = (indicator.pk, unit.pk)
        if key in writes and writes[key][2] != value:
            problems.append(
                CellProblem(cell.ref, label, _("Ô này được ghi hai lần với hai giá trị khác nhau."))
            )
            continue
        writes[key] = (indicator, unit, value)
    if problems:
        raise CellReportError(problems)
    changed = sum(
        _write(actor, indicator, unit, year, value) for indicator, unit, value in writes.values()
    )
    record(
        action=audit_names.PLANS_SAVE,
        actor=actor,
        object_type="reporting.plan",
        object_id=str(year),
        object_repr=_("Kế hoạch năm %(year)s") % {"year": year},
        after={"year": year, "cells": len(writes), "changed": changed, "source": source},
    )
    return changed
