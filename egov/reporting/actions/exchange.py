"""Importing exchange files (DXF2, ADX, GSO PX-Web), all or nothing: every code is resolved
and every value checked before anything is written; unknown codes are reported with the
element or line they are on. Imports are for system administrators; with ``approve`` the
values are accepted data at once (counted in the live totals), as for official figures
received from another system or back-entered from a yearbook."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from egov.audit.service import record
from egov.lib.bulk import cyclic_gc_paused
from egov.lib.errors import ActionError
from egov.organisations import access as org_access
from egov.organisations.models import OrgUnit
from egov.reporting import audit_names
from egov.reporting.actions._bulk import BulkWrite, indicator_shapes, write_many
from egov.reporting.actions._common import require
from egov.reporting.actions._stream import ValueStream, can_stream
from egov.reporting.choices import ValueSource, ValueStatus
from egov.reporting.constants import DEFAULT_COMBO_CODE, MAX_IMPORT_VALUES
from egov.reporting.exchange.observations import Observation
from egov.reporting.models import ExternalCode, Indicator, OptionCombo, Period
from egov.reporting.numbers import check_value
from egov.reporting.periods import parse_period_code

MAX_REPORTED = 50


@dataclass(frozen=True)
class ImportProblem:
    where: str
    message: str


class ImportReportError(ActionError):
    """Some observations were refused; ``problems`` locate them. Nothing was imported."""

    def __init__(self, problems: list[ImportProblem], total: int) -> None:
        super().__init__(
            _("Tệp có %(n)s giá trị không nhập được; chưa nhập giá trị nào.") % {"n": total},
            code="bad_observations",
        )
        self.problems = problems


class Resolver:
    """Codes of a file → our rows, each table read once."""

    def __init__(self) -> None:
        external = list(ExternalCode.objects.all())
        self.indicators = {i.code: i for i in Indicator.objects.all()}
        for code in external:
            if code.kind == ExternalCode.Kind.INDICATOR and code.indicator_id:
                self.indicators[code.code] = next(
                    i for i in self.indicators.values() if i.pk == code.indicator_id
                )
        self.units: dict[str, int] = {
            u.organ_code: u.pk for u in OrgUnit.objects.current().exclude(organ_code="")
        }
        self.units.update(
            {c.code: c.unit_id for c in external if c.kind == ExternalCode.Kind.UNIT and c.unit_id}
        )
        combos = list(OptionCombo.objects.prefetch_related("options__category"))
        self.combo_by_code = {(c.combo_id, c.code): c for c in combos}
        self.combo_external = {
            c.code: c.combo_id for c in external if c.kind == ExternalCode.Kind.COMBO and c.combo_id
        }
        self.combo_by_pk = {c.pk: c for c in combos}
        self.combo_by_options = {
            (c.combo_id, frozenset((o.category.code, o.code) for o in c.options.all())): c
            for c in combos
        }
        self.periods: dict[str, Period] = {}

    def period(self, code: str) -> Period:
        if code not in self.periods:
            from egov.reporting.periods import get_period

            self.periods[code] = get_period(*parse_period_code(code))
        return self.periods[code]

    def combo(self, indicator: Indicator, obs: Observation) -> OptionCombo:
        if obs.combo:
            by_external = self.combo_external.get(obs.combo)
            found = self.combo_by_pk.get(by_external) if by_external else None
            found = found or self.combo_by_code.get((indicator.combo_id, obs.combo))
            if found is None or found.combo_id != indicator.combo_id:
                raise ActionError(
                    _("mã ô phân tổ “%(code)s” không có trong phân tổ của chỉ tiêu %(ind)s.")
                    % {"code": obs.combo, "ind": indicator.code},
                    code="unknown_combo",
                )
            return found
        if obs.options:
            key = (indicator.combo_id, frozenset(obs.options.items()))
            found = self.combo_by_options.get(key)
            if found is None:
                raise ActionError(
                    _("phân tổ %(opts)s không có trong chỉ tiêu %(ind)s.")
                    % {
                        "opts": ", ".join(f"{k}={v}" for k, v in sorted(obs.options.items())),
                        "ind": indicator.code,
                    },
                    code="unknown_combo",
                )
            return found
        default = self.combo_by_code.get((indicator.combo_id, DEFAULT_COMBO_CODE))
        if default is None:
            raise ActionError(
                _("chỉ tiêu %(ind)s có phân tổ: cần ghi ô phân tổ.") % {"ind": indicator.code},
                code="combo_required",
            )
        return default


def _resolved[T](resolve: Callable[..., T], *args: Any) -> T | ActionError:
    """What ``resolve(*args)`` returns, or the error it raised (kept to be raised again)."""
    try:
        return resolve(*args)
    except ActionError as error:
        return error


def _combo_id(resolver: Resolver, indicator: Indicator, obs: Observation) -> int:
    return int(resolver.combo(indicator, obs).pk)


def _period_id(resolver: Resolver, code: str) -> int:
    return int(resolver.period(code).pk)


def _indicator(resolver: Resolver, code: str) -> Indicator:
    indicator = resolver.indicators.get(code)
    if indicator is None:
        raise ActionError(
            _("mã chỉ tiêu “%(code)s” không có.") % {"code": code}, code="unknown_indicator"
        )
    if indicator.is_derived:
        raise ActionError(
            _("chỉ tiêu %(code)s được tính theo công thức, không nhập.") % {"code": indicator.code},
            code="derived",
        )
    return indicator


def _unit(resolver: Resolver, code: str) -> int:
    unit_id = resolver.units.get(code)
    if unit_id is None:
        raise ActionError(_("mã đơn vị “%(code)s” không có.") % {"code": code}, code="unknown_unit")
    return unit_id


def _value(raw: str, indicator: Indicator) -> Decimal:
    try:
        value = Decimal(raw.strip())
    except InvalidOperation as exc:
        raise ActionError(
            _("giá trị “%(raw)s” không phải là số.") % {"raw": raw[:40]}, code="not_a_number"
        ) from exc
    if not value.is_finite():
        raise ActionError(
            _("giá trị “%(raw)s” không phải là số.") % {"raw": raw[:40]}, code="not_a_number"
        )
    check_value(value, indicator.value_type)
    return value


@transaction.atomic
@cyclic_gc_paused()
def import_observations(
    *,
    actor: Any,
    observations: list[Observation],
    source_name: str,
    approve: bool = False,
    status: str = ValueStatus.OFFICIAL,
    backfill: bool = False,
    provenance: str = "",
    skip_access_check: bool = False,
) -> int:
    """Import ``observations`` (all or nothing). Returns the number of values written.
    Back-entry of past years (``backfill``) needs its ``provenance`` (the yearbook or
    document the figures come from), kept on every value as its note."""
    if not skip_access_check:
        require(org_access.is_system_admin(actor), "system administrator required")
    provenance = provenance.strip()
    if backfill and not provenance:
        raise ActionError(
            _("Hãy ghi nguồn số liệu (tài liệu, niên giám) khi nhập số liệu các năm trước."),
            code="provenance_required",
            field="provenance",
        )
    if len(observations) > MAX_IMPORT_VALUES:
        raise ActionError(_("Tệp có quá nhiều giá trị cho một lần nhập."), code="too_many")
    if not observations:
        raise ActionError(_("Tệp không có giá trị nào."), code="empty_file")
    resolver = Resolver()
    problems: list[ImportProblem] = []
    count_bad = 0
    cells: dict[tuple[int, int, int, int], BulkWrite] = {}
    # Each distinct code is resolved once; what it resolved to (or the error it raised) is
    # kept, so a file of 200,000 values pays a few dictionary look-ups per value.
    indicators: dict[str, Indicator | ActionError] = {}
    units: dict[str, int | ActionError] = {}
    periods: dict[str, int | ActionError] = {}
    defaults: dict[int, int | ActionError] = {}  # the plain cell of each indicator
    # The file's (indicator, period) pairs first: their codes resolved (every period made
    # before any value is written), and whether the values can be streamed (``_stream``).
    pairs: set[tuple[int, int]] = set()
    for indicator_code, period_code in {(o.indicator, o.period) for o in observations}:
        found = indicators.get(indicator_code)
        if found is None:
            found = indicators[indicator_code] = _resolved(_indicator, resolver, indicator_code)
        period_found = periods.get(period_code)
        if period_found is None:
            period_found = periods[period_code] = _resolved(_period_id, resolver, period_code)
        if not isinstance(found, ActionError) and not isinstance(period_found, ActionError):
            pairs.add((found.id, period_found))
    shapes = indicator_shapes({i for i, _p in pairs})
    source = ValueSource.BACKFILL if backfill else ValueSource.IMPORT
    note = (provenance or source_name)[:300]
    stream = (
        ValueStream(shapes=shapes, actor=actor, source=source, note=note, approve=approve)
        if can_stream(pairs, shapes)
        else None
    )
    with stream if stream is not None else contextlib.nullcontext():
        for obs in observations:
            try:
                indicator = indicators[obs.indicator]
                if isinstance(indicator, ActionError):
                    raise indicator
                unit_id = units.get(obs.unit)
                if unit_id is None:
                    unit_id = units[obs.unit] = _resolved(_unit, resolver, obs.unit)
                if isinstance(unit_id, ActionError):
                    raise unit_id
                if obs.combo or obs.options:
                    combo_id: int | ActionError = _combo_id(resolver, indicator, obs)
                else:
                    combo_id = defaults.get(indicator.id)  # type: ignore[assignment]
                    if combo_id is None:
                        combo_id = defaults[indicator.id] = _resolved(
                            _combo_id, resolver, indicator, obs
                        )
                if isinstance(combo_id, ActionError):
                    raise combo_id
                period_id = periods[obs.period]
                if isinstance(period_id, ActionError):
                    raise period_id
                value = _value(obs.value, indicator)
            except ActionError as error:
                count_bad += 1
                if len(problems) < MAX_REPORTED:
                    problems.append(ImportProblem(obs.where, error.messages[0]))
                continue
            key = (unit_id, period_id, indicator.id, combo_id)
            earlier = cells.get(key)
            if earlier is not None:
                # The same cell twice: once is enough if the values agree.
                if earlier.value != value:
                    count_bad += 1
                    if len(problems) < MAX_REPORTED:
                        problems.append(
                            ImportProblem(
                                obs.where,
                                _("hai giá trị khác nhau (%(a)s, %(b)s) cho cùng một ô số liệu.")
                                % {"a": earlier.value, "b": value},
                            )
                        )
                continue
            write = cells[key] = BulkWrite(
                unit_id, period_id, indicator.id, combo_id, value, obs.status or status
            )
            if stream is not None and not count_bad:
                stream.add(write)
        if problems:
            raise ImportReportError(problems, count_bad)
        if stream is not None:
            written = stream.finish()
    if stream is None:
        written = write_many(
            writes=list(cells.values()),
            actor=actor,
            source=source,
            note=note,
            approve=approve,
        )
    record(
        action=audit_names.VALUES_IMPORT,
        actor=actor,
        object_type="reporting.datavalue",
        object_repr=source_name[:300],
        after={
            "values": len(observations),
            "written": written,
            "approved": approve,
            "backfill": backfill,
            "provenance": provenance,
        },
    )
    return written
