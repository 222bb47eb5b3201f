"""Grouped reads for the oversight part: the figures of many units at once (each over its
subtree), equal to the per-unit reads of ``egov.documents.queries`` (decision 0021)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, F, Q, QuerySet

from egov.documents.choices import IncomingStatus, OutgoingStatus
from egov.documents.models import IncomingDocument, OutgoingDocument
from egov.documents.queries import Statistics, day_start
from egov.lib.dates import BUSINESS_TZ, local_today
from egov.lib.subtree import SubtreeIndex
from egov.organisations.models import OrgUnit


def _period_documents(
    date_from: dt.date, date_to: dt.date
) -> tuple[QuerySet[IncomingDocument], QuerySet[OutgoingDocument]]:
    """The documents ``_statistics`` counts, before its unit filter."""
    incoming = IncomingDocument.objects.filter(
        arrived_at__gte=day_start(date_from), arrived_at__lt=day_start(date_to, days_after=1)
    ).exclude(status=IncomingStatus.RECALLED)
    outgoing = OutgoingDocument.objects.filter(
        status__in=[OutgoingStatus.ISSUED, OutgoingStatus.REPLACED],
        issued_at__gte=day_start(date_from),
        issued_at__lt=day_start(date_to, days_after=1),
    )
    return incoming, outgoing


def statistics_by_unit(
    units: list[OrgUnit], *, date_from: dt.date, date_to: dt.date
) -> dict[int, Statistics]:
    """``unit_statistics`` of every unit in ``units`` (each over its subtree) from two
    grouped queries, not two per unit: the counts only (``by_type``, ``by_issuer`` and
    ``by_month`` stay empty)."""
    index = SubtreeIndex((u.pk, u.path) for u in units)
    today = local_today()
    finished = [IncomingStatus.DONE, IncomingStatus.FILED]
    incoming, outgoing = _period_documents(date_from, date_to)
    result = {
        u.pk: Statistics(0, 0, 0, 0, 0, 0, 0, 0, 0, by_type=[], by_issuer=[], by_month=[])
        for u in units
    }
    rows = (
        incoming.filter(index.q("unit__path"))
        .values(path=F("unit__path"))
        .annotate(
            total=Count("pk"),
            electronic=Count("pk", filter=~Q(channel="paper")),
            done=Count("pk", filter=Q(status__in=finished)),
            overdue_open=Count("pk", filter=Q(due_date__lt=today) & ~Q(status__in=finished)),
            done_late=Count("pk", filter=Q(status__in=finished, done_at__date__gt=F("due_date"))),
        )
        .order_by()
    )
    for row in rows:
        for pk in index.owners(row["path"]):
            s = result[pk]
            s.incoming_total += row["total"]
            s.incoming_electronic += row["electronic"]
            s.incoming_done += row["done"]
            s.incoming_overdue_open += row["overdue_open"]
            s.incoming_done_late += row["done_late"]
    out_rows = (
        outgoing.filter(index.q("unit__path"))
        .values(path=F("unit__path"))
        .annotate(
            total=Count("pk"),
            electronic_only=Count("pk", filter=Q(electronic=True, on_paper=False)),
            parallel=Count("pk", filter=Q(electronic=True, on_paper=True)),
            paper_only=Count("pk", filter=Q(electronic=False)),
        )
        .order_by()
    )
    for out in out_rows:
        for pk in index.owners(out["path"]):
            s = result[pk]
            s.outgoing_total += out["total"]
            s.outgoing_electronic_only += out["electronic_only"]
            s.outgoing_parallel += out["parallel"]
            s.outgoing_paper_only += out["paper_only"]
    return result


@dataclass
class HandlingTime:
    """Incoming documents received in a period and finished, and their working days from
    arrival to completion (business time zone) added up."""

    finished: int = 0
    working_days: int = 0

    @property
    def average_days(self) -> float | None:
        return round(self.working_days / self.finished, 1) if self.finished else None


def _handling_rows(
    incoming: QuerySet[IncomingDocument],
) -> list[tuple[str, int]]:
    """(unit path, working days) of each finished document, each pair of days computed once."""
    from egov.workcalendar.queries import working_days_between

    memo: dict[tuple[dt.date, dt.date], int] = {}
    rows: list[tuple[str, int]] = []
    for path, arrived, done in incoming.filter(
        status__in=[IncomingStatus.DONE, IncomingStatus.FILED], done_at__isnull=False
    ).values_list("unit__path", "arrived_at", "done_at"):
        if done is None:  # excluded by the filter; says so to the type checker
            continue
        key = (arrived.astimezone(BUSINESS_TZ).date(), done.astimezone(BUSINESS_TZ).date())
        if key not in memo:
            memo[key] = max(working_days_between(*key), 0)
        rows.append((path, memo[key]))
    return rows


def unit_handling_time(
    unit: OrgUnit | None, *, date_from: dt.date, date_to: dt.date
) -> HandlingTime:
    """Handling time of the incoming documents of ``unit``'s subtree (the province when
    None) received in the period and finished, whoever asks: for the oversight part."""
    incoming, _outgoing = _period_documents(date_from, date_to)
    if unit is not None:
        incoming = incoming.filter(unit__path__startswith=unit.path)
    total = HandlingTime()
    for _path, days in _handling_rows(incoming):
        total.finished += 1
        total.working_days += days
    return total


def handling_time_by_unit(
    units: list[OrgUnit], *, date_from: dt.date, date_to: dt.date
) -> dict[int, HandlingTime]:
    """``unit_handling_time`` of every unit in ``units`` from one query."""
    index = SubtreeIndex((u.pk, u.path) for u in units)
    incoming, _outgoing = _period_documents(date_from, date_to)
    result = {u.pk: HandlingTime() for u in units}
    for path, days in _handling_rows(incoming.filter(index.q("unit__path"))):
        for pk in index.owners(path):
            result[pk].finished += 1
            result[pk].working_days += days
    return result
