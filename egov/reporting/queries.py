"""Read functions of KT-XH reporting: approval chains, the entry grid, work lists,
revisions "as reported on date D", completeness and timeliness."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet

from egov.lib.dates import BUSINESS_TZ, local_today
from egov.organisations.models import OrgUnit
from egov.reporting import access
from egov.reporting.choices import CommentKind, SubmissionState
from egov.reporting.hierarchy import approval_chain
from egov.reporting.models import (
    CellComment,
    DataValue,
    DataValueRevision,
    FormAssignment,
    FormRow,
    Indicator,
    OptionCombo,
    Period,
    ReportForm,
    Submission,
)
from egov.reporting.periods import due_date

REVIEW_STATES = (SubmissionState.SUBMITTED, SubmissionState.ACCEPTED, SubmissionState.APPROVING)


def chain_for(submission: Submission) -> list[OrgUnit]:
    form = submission.form
    return approval_chain(
        submission.unit, line=form.line, sector_unit=form.sector_unit, top=form.receiving_unit
    )


def is_assigned(form: ReportForm, unit: OrgUnit, day: dt.date) -> bool:
    return (
        FormAssignment.objects.filter(form=form, unit=unit, valid_from__lte=day)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gt=day))
        .exists()
    )


def forms_to_enter(user: Any) -> QuerySet[FormAssignment]:
    """The (form, unit) pairs ``user`` reports, in one query."""
    scope = access.entry_scope(user)
    return (
        FormAssignment.objects.filter(
            scope.q("unit__"),
            form__active=True,
            valid_to__isnull=True,
            valid_from__lte=local_today(),  # a form given from a later date is not due yet
        )
        .select_related("form", "unit")
        .order_by("form__code", "unit__path")
    )


def review_queue(user: Any) -> QuerySet[Submission]:
    """Submissions waiting for a unit where ``user`` reviews, in one query."""
    scope = access.review_scope(user)
    if scope.is_empty:
        return Submission.objects.none()
    return (
        Submission.objects.filter(state__in=REVIEW_STATES)
        .filter(scope.q("handler__"))
        .select_related("form", "unit", "period", "handler")
        .order_by("period__start", "form__code", "unit__name")
    )


@dataclass
class Cell:
    indicator: Indicator
    combo: OptionCombo
    value: Decimal | None = None
    status: str = ""
    comments: list[CellComment] = field(default_factory=list)
    issues: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.indicator.code}.{self.combo.code}"

    @property
    def dom_id(self) -> str:
        return f"cell-{self.indicator.pk}-{self.combo.pk}"


@dataclass
class GridRow:
    row: FormRow
    cells: list[Cell]
    filler: int = 0


@dataclass
class GridSection:
    title: str
    rows: list[GridRow]
    columns: list[str]


def form_layout(form: ReportForm) -> list[tuple[str, list[tuple[FormRow, list[OptionCombo]]]]]:
    """The form's sections, each with its rows and every row's breakdown cells, in paper
    order (three queries)."""
    rows = list(
        FormRow.objects.filter(form=form)
        .select_related("section", "indicator", "indicator__combo")
        .order_by("section__order", "order")
    )
    combos: dict[int, list[OptionCombo]] = {}
    for cell in OptionCombo.objects.filter(
        combo_id__in={r.indicator.combo_id for r in rows}
    ).order_by("order"):
        combos.setdefault(cell.combo_id, []).append(cell)
    sections: list[tuple[str, list[tuple[FormRow, list[OptionCombo]]]]] = []
    for row in rows:
        if not sections or sections[-1][0] != row.section.title:
            sections.append((row.section.title, []))
        sections[-1][1].append((row, combos.get(row.indicator.combo_id, [])))
    return sections


def grid(submission: Submission) -> list[GridSection]:
    """The entry grid: the paper form's sections, rows and breakdown columns, with values
    and comments."""
    values = {
        (v.indicator_id, v.combo_id): v
        for v in DataValue.objects.filter(unit=submission.unit, period=submission.period)
    }
    comments: dict[tuple[int | None, int | None], list[CellComment]] = {}
    for comment in submission.comments.select_related("author"):
        comments.setdefault((comment.indicator_id, comment.combo_id), []).append(comment)
    result = []
    for title, rows in form_layout(submission.form):
        grid_rows = []
        width = 0
        columns: list[str] = []
        for row, cells in rows:
            built = []
            for combo in cells:
                stored = values.get((row.indicator_id, combo.pk))
                built.append(
                    Cell(
                        indicator=row.indicator,
                        combo=combo,
                        value=stored.value if stored else None,
                        status=stored.status if stored else "",
                        comments=comments.get((row.indicator_id, combo.pk), []),
                    )
                )
            if len(cells) > width:
                width, columns = len(cells), [c.name for c in cells]
            grid_rows.append(GridRow(row=row, cells=built))
        for grid_row in grid_rows:
            grid_row.filler = width - len(grid_row.cells)
        result.append(GridSection(title=title, rows=grid_rows, columns=columns))
    return result


def values_of(
    unit_id: int, period_ids: list[int], indicator_ids: set[int] | None = None
) -> dict[tuple[int, int, int], Decimal]:
    """(indicator, combo, period) → value of one unit."""
    qs = DataValue.objects.filter(unit_id=unit_id, period_id__in=period_ids, value__isnull=False)
    if indicator_ids is not None:
        qs = qs.filter(indicator_id__in=indicator_ids)
    return {
        (i, c, p): v
        for i, c, p, v in qs.values_list("indicator_id", "combo_id", "period_id", "value")
    }


def as_reported_on(
    unit: OrgUnit, period: Period, day: dt.date
) -> dict[tuple[int, int], Decimal | None]:
    """The unit's values for ``period`` as they stood at the end of ``day`` (Vietnam time):
    for each cell, the newest version recorded by then, the current one (on the value) or
    an earlier one (in the revisions)."""
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=BUSINESS_TZ)
    newest: dict[tuple[int, int], tuple[int, Decimal | None]] = {}
    current = DataValue.objects.filter(unit=unit, period=period, updated_at__lt=end)
    earlier = DataValueRevision.objects.filter(
        data_value__unit=unit, data_value__period=period, recorded_at__lt=end
    )
    for rows in (
        current.values_list("indicator_id", "combo_id", "revision", "value"),
        earlier.values_list(
            "data_value__indicator_id", "data_value__combo_id", "revision", "value"
        ),
    ):
        for indicator_id, combo_id, revision, value in rows:
            key = (indicator_id, combo_id)
            if key not in newest or newest[key][0] < revision:
                newest[key] = (revision, value)
    return {key: value for key, (_revision, value) in newest.items()}


def value_history(value: DataValue) -> list[DataValueRevision]:
    """Every version of a cell, oldest first: the revisions, then the current version (as
    an unsaved revision row)."""
    versions = list(DataValueRevision.objects.filter(data_value=value).order_by("revision"))
    versions.append(
        DataValueRevision(
            data_value=value,
            revision=value.revision,
            value=value.value,
            status=value.status,
            source=value.source,
            recorded_at=value.updated_at,
            recorded_by_id=value.updated_by_id,
            note=value.note,
        )
    )
    return versions


def completeness(submission: Submission) -> tuple[int, int]:
    """(required cells filled, required cells): filled cells, not the submit button."""
    required = [
        (row.indicator_id, combo.pk)
        for _title, rows in form_layout(submission.form)
        for row, combos in rows
        if row.required
        for combo in combos
    ]
    filled = set(
        DataValue.objects.filter(
            unit=submission.unit, period=submission.period, value__isnull=False
        ).values_list("indicator_id", "combo_id")
    )
    return sum(1 for key in required if key in filled), len(required)


def explained_indicators(submission: Submission) -> set[int]:
    return set(
        submission.comments.filter(kind=CommentKind.EXPLANATION).values_list(
            "indicator_id", flat=True
        )
    )


@dataclass
class TimelinessRow:
    form: ReportForm
    unit: OrgUnit
    period: Period
    due: dt.date
    state: str
    submitted_on: dt.date | None
    filled: int
    required: int

    @property
    def on_time(self) -> bool | None:
        if self.submitted_on is None:
            return None
        return self.submitted_on <= self.due

    @property
    def completeness(self) -> int | None:
        return round(100 * self.filled / self.required) if self.required else None


def timeliness(form: ReportForm, period: Period) -> list[TimelinessRow]:
    """Per assigned unit: state, submission date against the regime's deadline, and
    completeness. Back-entered submissions are left out (they have no deadline)."""
    assignments = list(
        FormAssignment.objects.filter(form=form).select_related("unit").order_by("unit__name")
    )
    submissions = {
        s.unit_id: s for s in Submission.objects.filter(form=form, period=period, is_backfill=False)
    }
    layout = form_layout(form)
    required = [
        (row.indicator_id, combo.pk)
        for _title, rows in layout
        for row, combos in rows
        if row.required
        for combo in combos
    ]
    filled: dict[int, int] = {}
    keys = set(required)
    for unit_id, indicator_id, combo_id in DataValue.objects.filter(
        period=period, unit_id__in=[a.unit_id for a in assignments], value__isnull=False
    ).values_list("unit_id", "indicator_id", "combo_id"):
        if (indicator_id, combo_id) in keys:
            filled[unit_id] = filled.get(unit_id, 0) + 1
    due = due_date(form, period)
    rows = []
    for assignment in assignments:
        submission = submissions.get(assignment.unit_id)
        submitted = submission.submitted_at if submission else None
        rows.append(
            TimelinessRow(
                form=form,
                unit=assignment.unit,
                period=period,
                due=due,
                state=submission.state if submission else "",
                submitted_on=submitted.astimezone(BUSINESS_TZ).date() if submitted else None,
                filled=filled.get(assignment.unit_id, 0),
                required=len(required),
            )
        )
    return rows


def approved_values(unit: OrgUnit, limit: int = 40) -> QuerySet[DataValue]:
    """The unit's own values in approved (locked) reports, latest periods first, with their
    indicator, period and breakdown cell: what the agency's site may publish (issue 6)."""
    return (
        DataValue.objects.filter(
            unit=unit, submission__state=SubmissionState.LOCKED, value__isnull=False
        )
        .select_related("indicator", "period", "combo")
        .order_by("-period__end", "indicator__code", "combo__order")[:limit]
    )


# --- Reports due, for the oversight part ------------------------------------------------


@dataclass
class Duties:
    """The reports a subtree's units had to send with a deadline in a period (up to today):
    how many, how many were sent by the deadline, and their required cells, filled or not.
    Back-entered submissions have no deadline and do not count."""

    due: int = 0
    on_time: int = 0
    required: int = 0
    filled: int = 0

    def add(self, other: Duties) -> None:
        self.due += other.due
        self.on_time += other.on_time
        self.required += other.required
        self.filled += other.filled


def _periods_due(form: ReportForm, first: dt.date, last: dt.date) -> list[tuple[str, dt.date]]:
    """(period code, deadline) of the form's periods whose deadline falls in [first, last]."""
    from egov.reporting.choices import Frequency
    from egov.reporting.periods import PER_YEAR, bounds, period_code

    found: list[tuple[str, dt.date]] = []
    for year in range(first.year - 1, last.year + 1):
        for number in range(1, PER_YEAR[Frequency(form.frequency)] + 1):
            start, end = bounds(form.frequency, year, number)
            period = Period(
                frequency=form.frequency, year=year, number=number, start=start, end=end
            )
            due = due_date(form, period)
            if first <= due <= last:
                found.append((period_code(form.frequency, year, number), due))
    return found


def _duty_rows(unit_filter: Q, *, date_from: dt.date, date_to: dt.date) -> list[tuple[str, Duties]]:
    """(unit path, duties) of every assigned unit passing ``unit_filter``, form by form: the
    assignment in force on the deadline, the first submission's local date against it, the
    form's required cells filled (a few queries per active form, none per unit)."""
    last = min(date_to, local_today())
    rows: list[tuple[str, Duties]] = []
    if last < date_from:
        return rows
    for form in ReportForm.objects.filter(active=True).order_by("pk"):
        due_periods = _periods_due(form, date_from, last)
        if not due_periods:
            continue
        assignments = list(
            FormAssignment.objects.filter(form=form)
            .filter(unit_filter)
            .values_list("unit_id", "unit__path", "valid_from", "valid_to")
        )
        if not assignments:
            continue
        period_ids = dict(
            Period.objects.filter(code__in=[code for code, _due in due_periods]).values_list(
                "code", "pk"
            )
        )
        unit_ids = [a[0] for a in assignments]
        submitted = {
            (unit_id, period_id): at
            for unit_id, period_id, at in Submission.objects.filter(
                form=form,
                period_id__in=period_ids.values(),
                unit_id__in=unit_ids,
                is_backfill=False,
                submitted_at__isnull=False,
            ).values_list("unit_id", "period_id", "submitted_at")
        }
        required = {
            (row.indicator_id, combo.pk)
            for _title, layout_rows in form_layout(form)
            for row, combos in layout_rows
            if row.required
            for combo in combos
        }
        filled: dict[tuple[int, int], int] = {}
        for unit_id, period_id, indicator_id, combo_id in DataValue.objects.filter(
            period_id__in=period_ids.values(),
            unit_id__in=unit_ids,
            indicator_id__in={key[0] for key in required},
            value__isnull=False,
        ).values_list("unit_id", "period_id", "indicator_id", "combo_id"):
            if (indicator_id, combo_id) in required:
                filled[(unit_id, period_id)] = filled.get((unit_id, period_id), 0) + 1
        for unit_id, path, valid_from, valid_to in assignments:
            duties = Duties()
            for code, due in due_periods:
                if valid_from > due or (valid_to is not None and valid_to <= due):
                    continue
                pid = period_ids.get(code)
                at = submitted.get((unit_id, pid)) if pid else None
                duties.due += 1
                duties.required += len(required)
                duties.filled += filled.get((unit_id, pid), 0) if pid else 0
                if at is not None and at.astimezone(BUSINESS_TZ).date() <= due:
                    duties.on_time += 1
            rows.append((path, duties))
    return rows


def unit_duties(unit: OrgUnit | None, *, date_from: dt.date, date_to: dt.date) -> Duties:
    """The reports due from ``unit``'s subtree (the province when None) with a deadline in
    the period, whoever asks: for the oversight part."""
    condition = Q(unit__path__startswith=unit.path) if unit is not None else Q()
    total = Duties()
    for _path, duties in _duty_rows(condition, date_from=date_from, date_to=date_to):
        total.add(duties)
    return total


def duties_by_unit(
    units: list[OrgUnit], *, date_from: dt.date, date_to: dt.date
) -> dict[int, Duties]:
    """``unit_duties`` of every unit in ``units`` from the same reads, rolled up the tree."""
    from egov.lib.subtree import SubtreeIndex

    index = SubtreeIndex((u.pk, u.path) for u in units)
    result = {u.pk: Duties() for u in units}
    for path, duties in _duty_rows(index.q("unit__path"), date_from=date_from, date_to=date_to):
        for pk in index.owners(path):
            result[pk].add(duties)
    return result
