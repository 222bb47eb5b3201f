"""Checking a submission: its validation rules (including comparisons with the previous
period and the same period last year) and outliers against the same period last year.

Errors block submission; warnings block it until the cell has an explanation."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from egov.reporting.choices import Severity
from egov.reporting.expressions import Ref, compare, evaluate, parse, references
from egov.reporting.models import Indicator, OptionCombo, Submission, ValidationRule
from egov.reporting.numbers import format_number
from egov.reporting.periods import previous, same_period_last_year
from egov.reporting.queries import explained_indicators, values_of


@dataclass
class Issue:
    code: str
    severity: str
    message: str
    indicator_ids: frozenset[int]
    explained: bool = False

    @property
    def blocks(self) -> bool:
        return self.severity == Severity.ERROR or not self.explained


class Resolver:
    """Reads ``[CODE]``, ``[CODE.COMBO]``, ``prev(…)`` and ``lastyear(…)`` for one unit and
    period; derived indicators are computed from their formulas."""

    def __init__(self, submission: Submission) -> None:
        self.periods = {
            "this": submission.period,
            "prev": previous(submission.period),
            "lastyear": same_period_last_year(submission.period),
        }
        self.values = values_of(submission.unit_id, [p.pk for p in self.periods.values()])
        self.indicators = {i.code: i for i in Indicator.objects.all()}
        self.combos = {(c.combo_id, c.code): c.pk for c in OptionCombo.objects.all()}
        self.overrides: dict[tuple[int, int], Decimal | None] = {}

    def __call__(self, ref: Ref) -> Decimal | None:
        indicator = self.indicators.get(ref.code)
        if indicator is None:
            return None
        if indicator.formula:
            shifted = ref.shift
            return evaluate(parse(indicator.formula), lambda r: self(Ref(r.code, r.combo, shifted)))
        period_id = self.periods[ref.shift].pk
        if ref.combo is not None:
            combo_id = self.combos.get((indicator.combo_id, ref.combo))
            if combo_id is None:
                return None
            return self._value(indicator.pk, combo_id, period_id, ref.shift)
        found = [
            self._value(indicator.pk, c, period_id, ref.shift)
            for (combo, _code), c in self.combos.items()
            if combo == indicator.combo_id
        ]
        present = [v for v in found if v is not None]
        return sum(present, Decimal(0)) if present else None

    def _value(
        self, indicator_id: int, combo_id: int, period_id: int, shift: str
    ) -> Decimal | None:
        if shift == "this" and (indicator_id, combo_id) in self.overrides:
            return self.overrides[(indicator_id, combo_id)]
        return self.values.get((indicator_id, combo_id, period_id))


def check(submission: Submission, resolver: Resolver | None = None) -> list[Issue]:
    resolver = resolver or Resolver(submission)
    explained = explained_indicators(submission)
    issues: list[Issue] = []
    for rule in ValidationRule.objects.filter(form=submission.form):
        issue = _check_rule(rule, resolver)
        if issue is not None:
            issue.explained = bool(issue.indicator_ids & explained)
            issues.append(issue)
    issues.extend(_outliers(submission, resolver, explained))
    return issues


def _check_rule(rule: ValidationRule, resolver: Resolver) -> Issue | None:
    left_tree, right_tree = parse(rule.left), parse(rule.right)
    left, right = evaluate(left_tree, resolver), evaluate(right_tree, resolver)
    if left is None or right is None or compare(left, rule.operator, right):
        return None
    ids = frozenset(
        resolver.indicators[r.code].pk
        for r in references(left_tree) + references(right_tree)
        if r.code in resolver.indicators and r.shift == "this"
    )
    detail = _("%(message)s (%(left)s %(op)s %(right)s không thỏa: %(lv)s so với %(rv)s)") % {
        "message": rule.message,
        "left": rule.left,
        "op": rule.operator,
        "right": rule.right,
        "lv": format_number(left, 2),
        "rv": format_number(right, 2),
    }
    return Issue(code=rule.code, severity=rule.severity, message=detail, indicator_ids=ids)


def _outliers(submission: Submission, resolver: Resolver, explained: set[int]) -> list[Issue]:
    share = submission.form.outlier_share
    this_id = resolver.periods["this"].pk
    last_id = resolver.periods["lastyear"].pk
    by_id = {i.pk: i for i in resolver.indicators.values()}
    issues = []
    for (indicator_id, combo_id, period_id), value in resolver.values.items():
        if period_id != this_id:
            continue
        current = resolver.overrides.get((indicator_id, combo_id), value)
        last = resolver.values.get((indicator_id, combo_id, last_id))
        if current is None or last is None or last == 0:
            continue
        change = (current - last) / abs(last)
        if abs(change) > share:
            indicator = by_id[indicator_id]
            issues.append(
                Issue(
                    code=f"outlier:{indicator.code}",
                    severity=Severity.WARNING,
                    message=_(
                        "%(name)s thay đổi %(pct)s%% so với cùng kỳ năm trước (%(last)s): "
                        "hãy kiểm tra lại hoặc giải trình."
                    )
                    % {
                        "name": indicator.name,
                        "pct": format_number(change * 100, 1),
                        "last": format_number(last, indicator.decimals),
                    },
                    indicator_ids=frozenset({indicator_id}),
                    explained=indicator_id in explained,
                )
            )
    return issues
