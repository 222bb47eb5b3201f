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
    """Every indicator of one agency (the province when None), its targets in one query."""
    codes = list(indicators.INDICATORS)
    targets = targets_for(codes, [unit], period.date_to.year)
    unit_id = unit.pk if unit is not None else None
    with indicators.shared_reads():
        return [
            Measure(
                indicators.INDICATORS[code],
                indicators.INDICATORS[code].compute(unit, period),
                targets[(code, unit_id)],
            )
            for code in codes
        ]


@dataclass(frozen=True)
class AgencyRow:
    unit: OrgUnit | None
    measures: list[Measure]


def targets_for(
    codes: list[str], units: list[OrgUnit | None], year: int
) -> dict[tuple[str, int | None], Decimal | None]:
    """``target_for`` of every (indicator, unit) pair from one query."""
    rows: dict[tuple[str, int | None, int | None], Decimal] = {
        (t.indicator_code, t.unit_id, t.year): t.value
        for t in Target.objects.filter(indicator_code__in=codes).filter(
            Q(year__isnull=True) | Q(year=year)
        )
    }
    found: dict[tuple[str, int | None], Decimal | None] = {}
    for code in codes:
        for unit in units:
            unit_id = unit.pk if unit is not None else None
            found[(code, unit_id)] = next(
                (
                    rows[(code, u, y)]
                    for u, y in ((unit_id, year), (unit_id, None), (None, year), (None, None))
                    if (code, u, y) in rows
                ),
                None,
            )
    return found


def table(
    units: list[OrgUnit], period: Period, *, province: bool, codes: list[str] | None = None
) -> list[AgencyRow]:
    """One row per agency (the province first when ``province``), one measure per indicator
    (``codes``, every indicator by default): each indicator's values for all the agencies
    come from its source's grouped reads, shared between the indicators of one source."""
    codes = list(indicators.INDICATORS) if codes is None else codes
    with indicators.shared_reads():
        values = {code: indicators.INDICATORS[code].values(units, period) for code in codes}
        top = (
            {code: indicators.INDICATORS[code].compute(None, period) for code in codes}
            if province
            else {}
        )
    everyone: list[OrgUnit | None] = [None, *units] if province else list(units)
    targets = targets_for(codes, everyone, period.date_to.year)
    rows = [
        AgencyRow(
            unit,
            [
                Measure(
                    indicators.INDICATORS[code],
                    top[code] if unit is None else values[code][unit.pk],
                    targets[(code, unit.pk if unit is not None else None)],
                )
                for code in codes
            ],
        )
        for unit in everyone
    ]
    return rows


def trend(code: str, unit: OrgUnit | None, year: int, last_month: int = 12) -> list[Measure]:
    """The indicator month by month, January to ``last_month`` of ``year`` (an agency's
    months from its source's grouped read: two queries a month for the documents, not six)."""
    indicator = indicators.INDICATORS[code]
    target = targets_for([code], [unit], year)[(code, unit.pk if unit is not None else None)]
    months = [Period.month(year, m) for m in range(1, last_month + 1)]
    if unit is None:
        return [Measure(indicator, indicator.compute(None, p), target) for p in months]
    return [Measure(indicator, indicator.values([unit], p)[unit.pk], target) for p in months]
