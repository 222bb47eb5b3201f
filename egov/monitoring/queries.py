"""Reads of the oversight part: indicator values against their targets."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q

from egov.monitoring import indicators
from egov.monitoring.choices import Direction
from egov.monitoring.indicators import Indicator, Period
from egov.monitoring.models import Target
from egov.organisations.models import OrgUnit


def target_for(code: str, unit: OrgUnit | None, year: int) -> Decimal | None:
    """The most specific target: this agency and year, this agency standing, the province
    this year, the province standing."""
    rows = {
        (t.unit_id, t.year): t.value
        for t in Target.objects.filter(indicator_code=code).filter(
            (Q(unit__isnull=True) | Q(unit=unit)) & (Q(year__isnull=True) | Q(year=year))
        )
    }
    unit_id = unit.pk if unit is not None else None
    for key in ((unit_id, year), (unit_id, None), (None, year), (None, None)):
        if key in rows:
            return rows[key]
    return None


@dataclass(frozen=True)
class Measure:
    indicator: Indicator
    value: float | None
    target: Decimal | None

    @property
    def has_data(self) -> bool:
        return self.value is not None

    @property
    def gap(self) -> float | None:
        """How far from the target, positive when short of it (in the indicator's unit)."""
        if self.value is None or self.target is None:
            return None
        if self.indicator.direction == Direction.HIGHER:
            return round(float(self.target) - self.value, 1)
        return round(self.value - float(self.target), 1)

    @property
    def met(self) -> bool | None:
        gap = self.gap
        return None if gap is None else gap <= 0


def measure(code: str, unit: OrgUnit | None, period: Period) -> Measure:
    indicator = indicators.INDICATORS[code]
    return Measure(
        indicator,
        indicator.compute(unit, period),
        target_for(code, unit, period.date_to.year),
    )


def measures(unit: OrgUnit | None, period: Period) -> list[Measure]:
    with indicators.shared_reads():
        return [measure(code, unit, period) for code in indicators.INDICATORS]


@dataclass(frozen=True)
class AgencyRow:
    unit: OrgUnit | None
    measures: list[Measure]


def table(units: list[OrgUnit], period: Period, *, province: bool) -> list[AgencyRow]:
    rows = [AgencyRow(unit, measures(unit, period)) for unit in units]
    if province:
        rows.insert(0, AgencyRow(None, measures(None, period)))
    return rows


def trend(code: str, unit: OrgUnit | None, year: int, last_month: int = 12) -> list[Measure]:
    """The indicator month by month, January to ``last_month`` of ``year``."""
    return [measure(code, unit, Period.month(year, m)) for m in range(1, last_month + 1)]
