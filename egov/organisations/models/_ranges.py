"""Half-open date ranges [valid_from, valid_to) for validity periods; NULL valid_to is open."""

from __future__ import annotations

from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import DateRangeField, RangeOperators
from django.db import models


class DateRange(models.Func):
    function = "daterange"
    output_field = DateRangeField()


def no_overlap(name: str, *keys: str, condition: models.Q | None = None) -> ExclusionConstraint:
    """An exclusion constraint: two rows with the same ``keys`` never have overlapping periods."""
    return ExclusionConstraint(
        name=name,
        expressions=[
            *((key, RangeOperators.EQUAL) for key in keys),
            (DateRange("valid_from", "valid_to", models.Value("[)")), RangeOperators.OVERLAPS),
        ],
        condition=condition,
    )


def period_is_ordered(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=models.Q(valid_to__isnull=True) | models.Q(valid_to__gt=models.F("valid_from")),
        name=name,
    )
