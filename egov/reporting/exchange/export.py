"""Reading approved values for export, with the codes other systems know them by."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from egov.reporting.exchange.sdmx import FREQ_CODES, OBS_STATUS, CodeLists, SdmxObs, sdmx_id
from egov.reporting.models import DataValue, ExternalCode


@dataclass(frozen=True)
class ExportRow:
    indicator: str
    combo: str
    unit: str
    frequency: str
    year: int
    number: int
    period_code: str
    value: Decimal
    status: str
    options: tuple[tuple[str, str], ...]
    indicator_name: str
    combo_name: str
    unit_name: str


def _text(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text


def rows(
    *,
    indicator_ids: list[int] | None = None,
    period_ids: list[int] | None = None,
    approved_only: bool = True,
) -> Iterator[ExportRow]:
    external = list(ExternalCode.objects.all())
    unit_codes = {c.unit_id: c.code for c in external if c.kind == ExternalCode.Kind.UNIT}
    indicator_codes = {
        c.indicator_id: c.code for c in external if c.kind == ExternalCode.Kind.INDICATOR
    }
    combo_codes = {c.combo_id: c.code for c in external if c.kind == ExternalCode.Kind.COMBO}
    qs = DataValue.objects.filter(value__isnull=False).select_related(
        "indicator", "combo", "unit", "period"
    )
    if approved_only:
        qs = qs.filter(counted_value__isnull=False)
    if indicator_ids is not None:
        qs = qs.filter(indicator_id__in=indicator_ids)
    if period_ids is not None:
        qs = qs.filter(period_id__in=period_ids)
    options: dict[int, tuple[tuple[str, str], ...]] = {}
    for value in qs.order_by(
        "indicator__code", "unit_id", "period__start", "combo__order"
    ).iterator(chunk_size=5000):
        if value.combo_id not in options:
            options[value.combo_id] = tuple(
                sorted(
                    (o.category.code, o.code)
                    for o in value.combo.options.select_related("category")
                )
            )
        unit = value.unit
        yield ExportRow(
            indicator=indicator_codes.get(value.indicator_id, value.indicator.code),
            combo=combo_codes.get(value.combo_id, value.combo.code),
            unit=unit_codes.get(value.unit_id) or unit.organ_code or f"OU{unit.pk}",
            frequency=value.period.frequency,
            year=value.period.year,
            number=value.period.number,
            period_code=value.period.code,
            value=value.value or Decimal(0),
            status=value.status,
            options=options[value.combo_id],
            indicator_name=value.indicator.name,
            combo_name=value.combo.name,
            unit_name=unit.name,
        )


def sdmx_observations(data: list[ExportRow]) -> tuple[list[SdmxObs], CodeLists]:
    from egov.reporting.exchange.observations import to_sdmx_period

    observations = [
        SdmxObs(
            freq=FREQ_CODES[row.frequency][0],  # type: ignore[index]
            indicator=sdmx_id(row.indicator),
            breakdown=sdmx_id(row.combo),
            ref_area=sdmx_id(row.unit),
            time_period=to_sdmx_period(row.frequency, row.year, row.number),
            value=_text(row.value),
            status=OBS_STATUS[row.status][0],  # type: ignore[index]
        )
        for row in data
    ]
    lists = CodeLists(
        indicators=sorted({(sdmx_id(r.indicator), r.indicator_name) for r in data}),
        breakdowns=sorted({(sdmx_id(r.combo), r.combo_name) for r in data}),
        areas=sorted({(sdmx_id(r.unit), r.unit_name) for r in data}),
    )
    return observations, lists
