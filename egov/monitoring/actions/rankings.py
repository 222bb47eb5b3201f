from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from egov.audit.service import record
from egov.lib.errors import ActionError, PermissionDenied
from egov.monitoring import access, ranking, ranking_kinds
from egov.monitoring.audit_names import METHOD_SAVE, RANKING_RUN
from egov.monitoring.choices import RankingKind
from egov.monitoring.indicators import Period
from egov.monitoring.models import Criterion, RankingMethod, RankingResult, RankingRun
from egov.monitoring.ranking import CriterionSpec


def _require_admin(actor: Any, skip: bool) -> None:
    if not skip and not access.can_set_targets(actor):
        raise PermissionDenied(_("Chỉ quản trị hệ thống được cấu hình và tính xếp hạng."))


@transaction.atomic
def save_method(
    *,
    actor: Any,
    name: str,
    criteria: list[CriterionSpec],
    description: str = "",
    method: RankingMethod | None = None,
    kind: str = RankingKind.IT_USE,
    skip_access_check: bool = False,
) -> RankingMethod:
    """Create a method, or replace the name, kind and criteria of ``method``. Every problem
    of the criteria is refused at once, in one error listing them all (a website method
    reads only indicators of the website group)."""
    _require_admin(actor, skip_access_check)
    name = name.strip()
    errors = (
        ([] if name else [_("Hãy đặt tên phương pháp.")])
        + ranking.method_errors(criteria)
        + ranking_kinds.kind_errors(kind, criteria)
    )
    clash = RankingMethod.objects.filter(name=name)
    if method is not None:
        clash = clash.exclude(pk=method.pk)
    if name and clash.exists():
        errors.append(_("Đã có phương pháp tên “%(name)s”.") % {"name": name})
    if errors:
        raise ActionError(" ".join(errors), code="invalid_method")
    before = (
        {
            "name": method.name,
            "kind": method.kind,
            "criteria": [_spec(c).as_json() for c in method.criteria.all()],
        }
        if method is not None
        else None
    )
    if method is None:
        method = RankingMethod(created_by=actor)
    method.name = name
    method.description = description
    method.kind = kind
    method.save()
    method.criteria.all().delete()
    Criterion.objects.bulk_create(
        Criterion(
            method=method,
            position=i,
            name=c.name.strip(),
            indicator_code=c.indicator_code,
            weight=c.weight,
            floor=c.floor,
            target=c.target,
        )
        for i, c in enumerate(criteria)
    )
    record(
        action=METHOD_SAVE,
        actor=actor,
        obj=method,
        before=before,
        after={"name": name, "kind": kind, "criteria": [c.as_json() for c in criteria]},
    )
    return method


def _spec(c: Criterion) -> CriterionSpec:
    return CriterionSpec(c.name, c.indicator_code, c.weight, c.floor, c.target)


def criteria_of(method: RankingMethod) -> list[CriterionSpec]:
    return [_spec(c) for c in method.criteria.all()]


@transaction.atomic
def run_ranking(
    *, actor: Any, method: RankingMethod, period: Period, skip_access_check: bool = False
) -> RankingRun:
    """Score and rank every agency over ``period`` by ``method``; store the run with the
    criteria as they were and each agency's points explained per criterion."""
    _require_admin(actor, skip_access_check)
    criteria = criteria_of(method)
    errors = ranking.method_errors(criteria) + ranking_kinds.kind_errors(method.kind, criteria)
    if errors:
        raise ActionError(" ".join(errors), code="invalid_method")
    units = list(access.all_agencies())
    scored, problems = ranking.compute(criteria, units, period)
    if problems:
        raise ActionError(" ".join(problems), code="no_data")
    run = RankingRun.objects.create(
        method=method,
        date_from=period.date_from,
        date_to=period.date_to,
        method_snapshot=[c.as_json() for c in criteria],
        run_by=actor,
    )
    RankingResult.objects.bulk_create(
        RankingResult(run=run, unit=s.unit, rank=s.rank, score=s.score, details=s.details)
        for s in scored
    )
    record(
        action=RANKING_RUN,
        actor=actor,
        obj=run,
        after={"method": method.name, "period": str(period), "agencies": len(scored)},
    )
    return run


def recompute(run: RankingRun) -> list[tuple[int, str, int]]:
    """The run's (unit id, score, rank) computed again from its stored criteria and today's
    data: equal to the stored rows while the data of the period has not changed."""
    criteria = [CriterionSpec.from_json(c) for c in run.method_snapshot]
    units = [r.unit for r in run.results.select_related("unit")]
    scored, _problems = ranking.compute(criteria, units, Period(run.date_from, run.date_to))
    return sorted((s.unit.pk, str(s.score), s.rank) for s in scored)
