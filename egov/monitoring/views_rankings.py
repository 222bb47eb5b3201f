"""Ranking pages: methods and runs, a run's table with its explanation, the method form."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from egov.lib.dates import local_today
from egov.lib.errors import ActionError
from egov.monitoring import access, actions, indicators
from egov.monitoring.choices import Group, RankingKind
from egov.monitoring.indicators import Period
from egov.monitoring.models import RankingMethod, RankingRun
from egov.monitoring.ranking import CriterionSpec
from egov.monitoring.views import _xlsx

CRITERION_ROWS = 8
#: Agencies drawn in a run's charts (the best ranked); the table under them has every one.
CHART_AGENCIES = 30


def _indicator_name(code: str) -> str:
    indicator = indicators.get(code)
    return str(indicator.name) if indicator is not None else code


def _indicator_groups() -> list[tuple[str, list[indicators.Indicator]]]:
    """The indicators by group, for the criterion's data source (a website method takes
    only the website group's)."""
    groups: dict[str, list[indicators.Indicator]] = {}
    for indicator in indicators.INDICATORS.values():
        groups.setdefault(indicator.group, []).append(indicator)
    return [(str(Group(code).label), members) for code, members in groups.items()]


def _require_viewer(request: HttpRequest) -> None:
    if not access.can_view(request.user):
        raise Http404


@login_required
@require_http_methods(["GET", "POST"])
def rankings(request: HttpRequest) -> HttpResponse:
    """The methods with their criteria, the runs, and (administrators) computing a run."""
    _require_viewer(request)
    can_run = access.can_set_targets(request.user)
    errors: list[str] = []
    kind = request.GET.get("kind", "")
    kind = kind if kind in RankingKind.values else ""
    methods = RankingMethod.objects.prefetch_related("criteria")
    runs = RankingRun.objects.select_related("method")
    if kind:
        methods = methods.filter(kind=kind)
        runs = runs.filter(method__kind=kind)
    if request.method == "POST":
        if not can_run:
            raise Http404
        method = RankingMethod.objects.filter(pk=request.POST.get("method") or 0).first()
        year = request.POST.get("year", "")
        if method is None:
            errors.append(_("Chọn một phương pháp xếp hạng."))
        if not (year.isdigit() and 2000 <= int(year) <= 2100):
            errors.append(_("Nhập năm xếp hạng, ví dụ 2026."))
        if method is not None and not errors:
            try:
                run = actions.run_ranking(
                    actor=request.user, method=method, period=Period.year(int(year))
                )
            except ActionError as exc:
                errors.extend(exc.messages)
            else:
                return redirect("monitoring:ranking_run", run.pk)
    return render(
        request,
        "monitoring/rankings.html",
        {
            "methods": [
                (m, [(c, _indicator_name(c.indicator_code)) for c in m.criteria.all()])
                for m in methods
            ],
            "runs": runs[:50],
            "kind": kind,
            "kinds": RankingKind.choices,
            "can_run": can_run,
            "errors": errors,
            "year": request.POST.get("year") or local_today().year - 1,
            "chosen": request.POST.get("method", ""),
        },
        status=400 if errors else 200,
    )


@login_required
def ranking_run(request: HttpRequest, pk: int) -> HttpResponse:
    """A run's table: rank, agency, score and points per criterion, each explained."""
    _require_viewer(request)
    run = get_object_or_404(RankingRun.objects.select_related("method"), pk=pk)
    visible = set(access.visible_agencies(request.user).values_list("pk", flat=True))
    results = [r for r in run.results.select_related("unit") if r.unit_id in visible]
    criteria = [
        {**c, "indicator_name": _indicator_name(c["indicator_code"])} for c in run.method_snapshot
    ]
    if request.GET.get("format") == "xlsx":
        headers = [_("Hạng"), _("Cơ quan"), _("Tổng điểm")]
        for c in criteria:
            headers += [
                _("%(name)s: giá trị") % {"name": c["name"]},
                _("%(name)s: điểm") % {"name": c["name"]},
            ]
        rows: list[list[Any]] = []
        for r in results:
            row: list[Any] = [r.rank, r.unit.name, float(r.score)]
            for d in r.details:
                row += [d["value"] if d["value"] is not None else d["note"], float(d["weighted"])]
            rows.append(row)
        return _xlsx(f"xep-hang-{run.pk}", headers, rows)
    shown = results[:CHART_AGENCIES]
    chart = {
        "labels": [r.unit.short_name or r.unit.name for r in shown],
        "total_name": _("Tổng điểm"),
        "totals": [float(r.score) for r in shown],
        "criteria": [
            {
                "name": c["name"],
                "data": [float(r.details[i]["weighted"]) for r in shown],
            }
            for i, c in enumerate(criteria)
        ],
    }
    return render(
        request,
        "monitoring/ranking_run.html",
        {
            "run": run,
            "results": results,
            "criteria": criteria,
            "chart": chart,
            "chart_count": len(shown),
            "chart_partial": len(shown) < len(results),
        },
    )


def _decimal(text: str) -> Decimal | None:
    try:
        value = Decimal(text.strip().replace(",", "."))
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def _parse_criteria(data: Any) -> tuple[list[CriterionSpec], list[str]]:
    specs: list[CriterionSpec] = []
    errors: list[str] = []
    for i in range(CRITERION_ROWS):
        fields = {
            k: data.get(f"c{i}-{k}", "").strip()
            for k in ("name", "indicator", "weight", "floor", "target")
        }
        if not any(fields.values()):
            continue
        numbers = {k: _decimal(fields[k]) for k in ("weight", "floor", "target")}
        bad = [k for k, v in numbers.items() if v is None]
        if bad:
            errors.append(
                _("Dòng %(row)s: trọng số, mức 0 điểm và mức điểm tối đa phải là số.")
                % {"row": i + 1}
            )
            continue
        specs.append(
            CriterionSpec(
                fields["name"],
                fields["indicator"],
                numbers["weight"] or Decimal(0),
                numbers["floor"] or Decimal(0),
                numbers["target"] or Decimal(0),
            )
        )
    return specs, errors


@login_required
@require_http_methods(["GET", "POST"])
def method_form(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """Create or change a method (system administrators)."""
    if not access.can_set_targets(request.user):
        raise Http404
    method = get_object_or_404(RankingMethod, pk=pk) if pk is not None else None
    errors: list[str] = []
    if request.method == "POST":
        specs, errors = _parse_criteria(request.POST)
        if not errors:
            try:
                actions.save_method(
                    actor=request.user,
                    method=method,
                    name=request.POST.get("name", ""),
                    description=request.POST.get("description", ""),
                    kind=request.POST.get("kind") or RankingKind.IT_USE,
                    criteria=specs,
                )
            except ActionError as exc:
                errors = list(exc.messages)
            else:
                messages.success(request, _("Đã lưu phương pháp xếp hạng."))
                return redirect("monitoring:rankings")
        values = request.POST
        rows: list[dict[str, Any]] = [
            {
                k: values.get(f"c{i}-{k}", "")
                for k in ("name", "indicator", "weight", "floor", "target")
            }
            for i in range(CRITERION_ROWS)
        ]
        name, description = values.get("name", ""), values.get("description", "")
        kind = values.get("kind", "")
    else:
        existing = list(method.criteria.all()) if method else []
        rows = [
            {
                "name": c.name,
                "indicator": c.indicator_code,
                "weight": c.weight.normalize(),
                "floor": c.floor.normalize(),
                "target": c.target.normalize(),
            }
            for c in existing
        ] + [{} for _i in range(CRITERION_ROWS - len(existing))]
        name = method.name if method else ""
        description = method.description if method else ""
        kind = method.kind if method else request.GET.get("kind", RankingKind.IT_USE)
    return render(
        request,
        "monitoring/method_form.html",
        {
            "method": method,
            "rows": list(enumerate(rows)),
            "name": name,
            "description": description,
            "indicators": list(indicators.INDICATORS.values()),
            "errors": errors,
            "kind": kind,
            "kinds": RankingKind.choices,
            "indicator_groups": _indicator_groups(),
        },
        status=400 if errors else 200,
    )
