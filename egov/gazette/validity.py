"""The validity status (tình trạng hiệu lực) of a document on a day, computed from its dates
and the relations pointing at it; a manual override wins from its start date.

The rules, in order (the first that holds decides):

1. an override (status, reason, start date) applies on and after its start date;
2. before its effective date a document is *not yet in force*;
3. on and after its expiry date it has *expired* (the expiry date is the first day it no
   longer applies, as vbpl.vn records it);
4. a published document that replaces or wholly repeals it, in effect on the day, ends it:
   *expired*;
5. one that suspends it, in effect on the day: *suspended*;
6. one that amends it or repeals part of it, in effect on the day: *partly expired*;
7. otherwise it is *in force*.

A relation is in effect on a day when its source document is published and its effective date
is on or before the day (copied onto the relation as ``source_published`` and
``source_effective`` by the actions, so a list reads the relations table alone).
:func:`status_on` computes one document in Python (the document page);
:func:`validity_on` is the same rule as a SQL expression (lists, filters, "in force on D"); the
tests check that both agree on the same table of cases.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Case, CharField, Exists, F, OuterRef, Q, Value, When
from django.db.models.expressions import Expression

from egov.gazette.choices import ENDING, PARTLY_ENDING, RelationKind, Validity


@dataclass(frozen=True)
class Incoming:
    """A relation pointing at the document: its kind and its source's effective date (only
    relations from published sources are given)."""

    kind: str
    source_effective: dt.date


def status_on(
    day: dt.date,
    *,
    effective: dt.date,
    expiry: dt.date | None,
    incoming: Iterable[Incoming] = (),
    override_status: str = "",
    override_from: dt.date | None = None,
) -> Validity:
    """The validity status on ``day`` (see the module's rules)."""
    if override_status and override_from is not None and override_from <= day:
        return Validity(override_status)
    if day < effective:
        return Validity.NOT_YET
    if expiry is not None and day >= expiry:
        return Validity.EXPIRED
    kinds = {r.kind for r in incoming if r.source_effective <= day}
    if kinds & ENDING:
        return Validity.EXPIRED
    if RelationKind.SUSPENDS in kinds:
        return Validity.SUSPENDED
    if kinds & PARTLY_ENDING:
        return Validity.PARTLY_EXPIRED
    return Validity.IN_FORCE


def _acting(day: dt.date, kinds: Iterable[str]) -> Exists:
    from egov.gazette.models import Relation

    return Exists(
        Relation.objects.filter(
            target=OuterRef("pk"),
            kind__in=list(kinds),
            source_published=True,
            source_effective__lte=day,
        )
    )


def validity_on(day: dt.date) -> Expression:
    """The status on ``day`` as a SQL expression over LegalDocument rows."""
    return Case(
        When(
            ~Q(override_status="") & Q(override_from__lte=day),
            then=F("override_status"),
        ),
        When(effective_date__gt=day, then=Value(Validity.NOT_YET.value)),
        When(expiry_date__lte=day, then=Value(Validity.EXPIRED.value)),
        When(_acting(day, ENDING), then=Value(Validity.EXPIRED.value)),
        When(_acting(day, [RelationKind.SUSPENDS]), then=Value(Validity.SUSPENDED.value)),
        When(_acting(day, PARTLY_ENDING), then=Value(Validity.PARTLY_EXPIRED.value)),
        default=Value(Validity.IN_FORCE.value),
        output_field=CharField(),
    )


def applying_on(day: dt.date) -> Q:
    """Documents that apply (in force, or partly expired) on ``day``, as a filter: the same
    rule as :func:`validity_on`, written so that PostgreSQL can anti-join the relations once
    instead of evaluating the CASE for every row."""
    override = ~Q(override_status="") & Q(override_from__lte=day)
    computed = (
        Q(effective_date__lte=day)
        & (Q(expiry_date__isnull=True) | Q(expiry_date__gt=day))
        & Q(~_acting(day, [*ENDING, RelationKind.SUSPENDS]))
    )
    applying = [Validity.IN_FORCE.value, Validity.PARTLY_EXPIRED.value]
    return (override & Q(override_status__in=applying)) | (~override & computed)
