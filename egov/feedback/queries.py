"""Read functions of the feedback part: the public list, the agencies' queues, statistics."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import Q, QuerySet

from egov.feedback import access
from egov.feedback import constants as c
from egov.feedback.choices import OPEN_STATES, State
from egov.feedback.models import Category, Item
from egov.lib.dates import BUSINESS_TZ, local_today
from egov.lib.text import fold
from egov.workcalendar import queries as calendar


def answer_days(category: Category) -> int:
    """Working days to answer an item of ``category``: the category's own limit, else
    ``EGOV_FEEDBACK_ANSWER_DAYS``, else 10."""
    if category.answer_days:
        return int(category.answer_days)
    return int(getattr(settings, "EGOV_FEEDBACK_ANSWER_DAYS", c.DEFAULT_ANSWER_DAYS))


def due_date_for(category: Category, received: dt.datetime) -> dt.date:
    """Received on a day off, the clock starts on the next working day."""
    day = received.astimezone(BUSINESS_TZ).date()
    start = day if calendar.is_working_day(day) else calendar.next_working_day(day)
    return calendar.add_working_days(start, answer_days(category))


def active_categories() -> QuerySet[Category]:
    return Category.objects.filter(active=True).select_related("agency").order_by("order", "name")


#: Long texts a list never shows.
_HEAVY = ("text", "draft_text", "answer_text", "search_key")


def public_items() -> QuerySet[Item]:
    """What anyone may read: answered items the leader published. Nothing else, ever."""
    return (
        Item.objects.filter(state=State.ANSWERED, is_public=True)
        .select_related("category", "agency")
        .order_by("-answered_at", "-pk")
    )


def search_public(
    *,
    text: str = "",
    category: str = "",
    kind: str = "",
    agency: int | None = None,
    year: int | None = None,
) -> QuerySet[Item]:
    """The public list filtered; ``text`` matches with or without diacritics."""
    items = public_items()
    for word in fold(text).split()[:8]:
        items = items.filter(search_key__contains=word)
    if category:
        items = items.filter(category__code=category)
    if kind:
        items = items.filter(kind=kind)
    if agency:
        items = items.filter(agency_id=agency)
    if year:
        items = items.filter(answered_at__year=year)
    return items


def public_agencies() -> list[tuple[int, str]]:
    """The agencies citizens' items are routed to (from the categories: a small table, not
    a scan of the published items)."""
    from egov.organisations.models import OrgUnit

    rows = OrgUnit.objects.filter(pk__in=Category.objects.values("agency_id")).values_list(
        "pk", "name"
    )
    return sorted(rows, key=lambda row: row[1])


def public_years() -> list[int]:
    """Years from the first published answer to this year, newest first (one read of the
    public index's end, not a scan)."""
    first = public_items().order_by("answered_at").values_list("answered_at", flat=True).first()
    if first is None:
        return []
    return list(range(local_today().year, first.astimezone(BUSINESS_TZ).year - 1, -1))


def search_key(item: Item) -> str:
    """What the public search matches: the texts as published (redacted), so a search for
    a person's name or number finds nothing of theirs."""
    from egov.feedback.naming import redact

    return fold(" ".join(redact(t, item) for t in (item.title, item.text, item.answer_text)))


def item_by_tracking_hash(digest: str) -> Item | None:
    found: Item | None = (
        Item.objects.filter(tracking_hash=digest).select_related("category", "agency").first()
    )
    return found


def queue_for(user: Any, *, state: str = "", overdue: bool = False) -> QuerySet[Item]:
    """The officer's queue: items of the user's agencies, the most urgent first."""
    items = access.items_visible_to(user).select_related("agency", "category").defer(*_HEAVY)
    if state in State.values:
        items = items.filter(state=state)
    elif state != "all":  # the default: what still needs an answer
        items = items.filter(state__in=OPEN_STATES)
    if overdue:
        items = items.filter(state__in=OPEN_STATES, due_date__lt=local_today())
    ordered: QuerySet[Item] = items.order_by("due_date", "pk")
    return ordered


def is_overdue(item: Item, today: dt.date | None = None) -> bool:
    if item.due_date is None:
        return False
    if item.state in OPEN_STATES:
        return item.due_date < (today or local_today())
    if item.state == State.ANSWERED and item.answered_at is not None:
        return item.answered_at.astimezone(BUSINESS_TZ).date() > item.due_date
    return False


def overdue_count(user: Any) -> int:
    return int(
        access.items_visible_to(user)
        .filter(state__in=OPEN_STATES, due_date__lt=local_today())
        .count()
    )


@dataclass
class AgencyStats:
    agency_id: int
    name: str
    received: int = 0
    answered: int = 0
    on_time: int = 0
    late: int = 0
    open: int = 0
    overdue: int = 0
    days: list[int] = field(default_factory=list)

    @property
    def average_days(self) -> float | None:
        return round(sum(self.days) / len(self.days), 1) if self.days else None


class _WorkingDayNumbers:
    """Working days between two dates by difference of running counts: each calendar day is
    looked up once, however many items fall on it (thousands of items, a few hundred days)."""

    def __init__(self) -> None:
        self._start: dt.date | None = None
        self._counts: list[int] = []

    def _number(self, day: dt.date) -> int:
        if self._start is None:
            self._start = day - dt.timedelta(days=1)
            self._counts = [0]
        if day < self._start:
            calendar_days = (self._start - day).days
            self._start = day
            self._counts = [0] * calendar_days + self._counts
            running = 0
            for offset in range(1, len(self._counts)):
                current = self._start + dt.timedelta(days=offset)
                running += 1 if calendar.is_working_day(current) else 0
                self._counts[offset] = running
        while self._start + dt.timedelta(days=len(self._counts) - 1) < day:
            current = self._start + dt.timedelta(days=len(self._counts))
            self._counts.append(self._counts[-1] + (1 if calendar.is_working_day(current) else 0))
        return self._counts[(day - self._start).days]

    def between(self, start: dt.date, end: dt.date) -> int:
        """As ``workcalendar.working_days_between``: working days after ``start`` up to and
        including ``end``."""
        self._number(min(start, end))  # extend the running counts over both days first
        self._number(max(start, end))
        return self._number(end) - self._number(start)


def statistics(user: Any, *, year: int) -> list[AgencyStats]:
    """Per agency the user may see: items received in ``year``, answered on time or late,
    still open and overdue, and the average answer time in working days."""
    return _agency_stats(access.items_visible_to(user).filter(received_at__year=year))


def unit_answer_stats(unit: Any | None, *, date_from: dt.date, date_to: dt.date) -> AgencyStats:
    """One row over every item addressed to ``unit`` or its subtree (the whole province when
    None) received in the period, whoever asks: for the oversight part, which decides itself
    who sees the figures."""
    items = Item.objects.filter(received_at__date__gte=date_from, received_at__date__lte=date_to)
    if unit is not None:
        items = items.filter(agency__path__startswith=unit.path)
    total = AgencyStats(unit.pk if unit is not None else 0, unit.name if unit is not None else "")
    for row in _agency_stats(items):
        for name in ("received", "answered", "on_time", "late", "open", "overdue"):
            setattr(total, name, getattr(total, name) + getattr(row, name))
        total.days.extend(row.days)
    return total


def _agency_stats(qs: QuerySet[Any]) -> list[AgencyStats]:
    today = local_today()
    rows: dict[int, AgencyStats] = {}
    numbers = _WorkingDayNumbers()
    items = qs.values(
        "agency_id", "agency__name", "state", "received_at", "answered_at", "due_date"
    )
    for row in items:
        stats = rows.setdefault(
            row["agency_id"], AgencyStats(row["agency_id"], row["agency__name"])
        )
        stats.received += 1
        if row["state"] == State.ANSWERED and row["answered_at"] is not None:
            stats.answered += 1
            answered = row["answered_at"].astimezone(BUSINESS_TZ).date()
            received = row["received_at"].astimezone(BUSINESS_TZ).date()
            stats.days.append(max(numbers.between(received, answered), 0))
            if row["due_date"] is not None and answered > row["due_date"]:
                stats.late += 1
            else:
                stats.on_time += 1
        elif row["state"] in OPEN_STATES:
            stats.open += 1
            if row["due_date"] is not None and row["due_date"] < today:
                stats.overdue += 1
    return sorted(rows.values(), key=lambda s: s.name)


def chart_data(rows: list[AgencyStats]) -> dict[str, Any]:
    return {
        "labels": [r.name for r in rows],
        "series": [
            {"name": "on_time", "data": [r.on_time for r in rows]},
            {"name": "late", "data": [r.late for r in rows]},
            {"name": "average", "data": [r.average_days for r in rows]},
        ],
    }


def search_q(text: str) -> Q:
    condition = Q()
    for word in fold(text).split()[:8]:
        condition &= Q(search_key__contains=word)
    return condition


def answer_stats_by_unit(
    units: list[Any], *, date_from: dt.date, date_to: dt.date
) -> dict[int, AgencyStats]:
    """``unit_answer_stats`` of every unit in ``units`` (each over its subtree) from one read
    of the period's items, rolled up the organisation tree, not one read per unit."""
    from egov.lib.subtree import SubtreeIndex
    from egov.organisations.models import OrgUnit

    index = SubtreeIndex((u.pk, u.path) for u in units)
    items = Item.objects.filter(
        received_at__date__gte=date_from, received_at__date__lte=date_to
    ).filter(index.q("agency__path"))
    rows = _agency_stats(items)
    paths = dict(
        OrgUnit.objects.filter(pk__in=[r.agency_id for r in rows]).values_list("pk", "path")
    )
    result = {u.pk: AgencyStats(u.pk, u.name) for u in units}
    for row in rows:
        for pk in index.owners(paths.get(row.agency_id)):
            total = result[pk]
            for name in ("received", "answered", "on_time", "late", "open", "overdue"):
                setattr(total, name, getattr(total, name) + getattr(row, name))
            total.days.extend(row.days)
    return result
