"""The ranking computation: check a method, score each agency per criterion, rank.

A criterion scores linearly from its floor (0 points) to its target (100 points), clamped;
the agency's score is the sum of points × weight / 100. An agency without data for a
criterion gets 0 points for it, and its explanation says so; a criterion with no data for
any agency in the period stops the run with an explanation (nothing is guessed)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.utils.translation import gettext as _

from egov.monitoring import indicators
from egov.monitoring.choices import Direction
from egov.monitoring.indicators import Period
from egov.organisations.models import OrgUnit

TOTAL_WEIGHT = Decimal(100)
CENT = Decimal("0.01")


@dataclass(frozen=True)
class CriterionSpec:
    name: str
    indicator_code: str
    weight: Decimal
    floor: Decimal
    target: Decimal

    def as_json(self) -> dict[str, str]:
        return {
            "name": self.name,
            "indicator_code": self.indicator_code,
            "weight": str(self.weight),
            "floor": str(self.floor),
            "target": str(self.target),
        }

    @classmethod
    def from_json(cls, data: dict[str, str]) -> CriterionSpec:
        return cls(
            data["name"],
            data["indicator_code"],
            Decimal(data["weight"]),
            Decimal(data["floor"]),
            Decimal(data["target"]),
        )


def method_errors(criteria: list[CriterionSpec]) -> list[str]:
    """Every problem of a method, in Vietnamese, for the administrator to fix."""
    errors: list[str] = []
    if not criteria:
        return [_("Phương pháp phải có ít nhất một tiêu chí.")]
    seen_names: set[str] = set()
    seen_codes: set[str] = set()
    for c in criteria:
        label = c.name.strip() or _("(chưa đặt tên)")
        if not c.name.strip():
            errors.append(_("Có tiêu chí chưa đặt tên."))
        key = c.name.strip().casefold()
        if key and key in seen_names:
            errors.append(_("Tiêu chí “%(name)s” bị trùng tên.") % {"name": label})
        seen_names.add(key)
        indicator = indicators.get(c.indicator_code) if c.indicator_code else None
        if not c.indicator_code:
            errors.append(
                _("Tiêu chí “%(name)s” chưa có nguồn số liệu: hãy chọn một chỉ tiêu.")
                % {"name": label}
            )
        elif indicator is None:
            errors.append(
                _("Tiêu chí “%(name)s”: không có chỉ tiêu mã “%(code)s”.")
                % {"name": label, "code": c.indicator_code}
            )
        elif c.indicator_code in seen_codes:
            errors.append(
                _("Tiêu chí “%(name)s” dùng lại chỉ tiêu “%(indicator)s” đã có ở tiêu chí khác.")
                % {"name": label, "indicator": indicator.name}
            )
        seen_codes.add(c.indicator_code)
        if c.weight <= 0:
            errors.append(_("Tiêu chí “%(name)s” phải có trọng số lớn hơn 0.") % {"name": label})
        if indicator is not None:
            higher = indicator.direction == Direction.HIGHER
            if (higher and c.target <= c.floor) or (not higher and c.target >= c.floor):
                errors.append(
                    (
                        _(
                            "Tiêu chí “%(name)s”: chỉ tiêu càng cao càng tốt nên mức điểm tối "
                            "đa phải lớn hơn mức 0 điểm."
                        )
                        if higher
                        else _(
                            "Tiêu chí “%(name)s”: chỉ tiêu càng thấp càng tốt nên mức điểm tối "
                            "đa phải nhỏ hơn mức 0 điểm."
                        )
                    )
                    % {"name": label}
                )
    total = sum((c.weight for c in criteria), Decimal(0))
    if total != TOTAL_WEIGHT:
        errors.append(
            _("Tổng trọng số các tiêu chí là %(total)s, phải bằng 100.")
            % {"total": format(total.normalize(), "f")}
        )
    return errors


def points(value: float, c: CriterionSpec) -> Decimal:
    """0 at the floor, 100 at the target, linear between, clamped."""
    share = (Decimal(str(value)) - c.floor) / (c.target - c.floor)
    return (min(max(share, Decimal(0)), Decimal(1)) * 100).quantize(CENT, ROUND_HALF_UP)


@dataclass
class Scored:
    unit: OrgUnit
    score: Decimal
    details: list[dict[str, Any]]
    rank: int = 0


def compute(
    criteria: list[CriterionSpec], units: list[OrgUnit], period: Period
) -> tuple[list[Scored], list[str]]:
    """Scores and ranks (1 = best; equal scores share a rank), or the reasons it cannot."""
    with indicators.shared_reads():
        values = {
            c.indicator_code: indicators.INDICATORS[c.indicator_code].values(units, period)
            for c in criteria
        }
    problems = [
        _(
            "Tiêu chí “%(name)s”: không cơ quan nào có số liệu của chỉ tiêu trong kỳ %(period)s,"
            " nên không thể chấm điểm. Hãy chọn kỳ khác hoặc bỏ tiêu chí này."
        )
        % {"name": c.name, "period": str(period)}
        for c in criteria
        if all(v is None for v in values[c.indicator_code].values())
    ]
    if problems or not units:
        return [], problems or [_("Không có cơ quan nào để xếp hạng.")]
    scored: list[Scored] = []
    for unit in units:
        details: list[dict[str, Any]] = []
        total = Decimal(0)
        for c in criteria:
            value = values[c.indicator_code][unit.pk]
            got = points(value, c) if value is not None else Decimal(0)
            weighted = (got * c.weight / TOTAL_WEIGHT).quantize(CENT, ROUND_HALF_UP)
            total += weighted
            details.append(
                {
                    "criterion": c.name,
                    "indicator": c.indicator_code,
                    "value": value,
                    "points": str(got),
                    "weight": str(c.weight),
                    "weighted": str(weighted),
                    "note": _("không có dữ liệu trong kỳ: 0 điểm") if value is None else "",
                }
            )
        scored.append(Scored(unit, total, details))
    scored.sort(key=lambda s: (-s.score, s.unit.name))
    for index, item in enumerate(scored):
        previous = scored[index - 1] if index else None
        item.rank = previous.rank if previous and previous.score == item.score else index + 1
    return scored, []
