"""The references of a value are checked per statement by triggers (migration 0005), with
the guarantee of the foreign keys they replace: no value points at a missing indicator,
breakdown cell, unit, period, submission or author, whether it is inserted, changed, or the
row it points at is deleted or re-keyed. (A TRUNCATE is refused the same way; a test
transaction cannot truncate, its deferred foreign-key events are pending.)"""

import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from egov.reporting.models import DataValue, Period
from egov.reporting.testing import month

pytestmark = pytest.mark.django_db

MISSING = 987_654_321
INSERT = (
    "INSERT INTO reporting_datavalue (indicator_id, combo_id, unit_id, period_id, submission_id,"
    " value, status, source, revision, updated_at, updated_by_id, note)"
    " VALUES (%s, %s, %s, %s, %s, 1, 'official', 'import', 1, now(), %s, '')"
)


def _value(ktxh, **overrides):
    fields = {
        "indicator": ktxh.population,
        "combo": ktxh.combo(ktxh.population, "M"),
        "unit": ktxh.world.commune,
        "period": month(2024, 3),
        "value": 12,
        "updated_at": timezone.now(),
        "updated_by": ktxh.world.admin,
    }
    fields.update(overrides)
    return DataValue.objects.create(**fields)


def _refused(sql, params=()):
    with pytest.raises(IntegrityError) as caught, transaction.atomic(), connection.cursor() as c:
        c.execute(sql, params)
    return str(caught.value)


@pytest.mark.parametrize(
    "column", ["indicator_id", "combo_id", "unit_id", "period_id", "submission_id", "updated_by_id"]
)
def test_a_value_pointing_at_a_missing_row_is_refused_on_insert_and_on_update(ktxh, column):
    value = _value(ktxh)
    row = {
        "indicator_id": value.indicator_id,
        "combo_id": ktxh.combo(ktxh.population, "F").pk,
        "unit_id": value.unit_id,
        "period_id": value.period_id,
        "submission_id": None,
        "updated_by_id": value.updated_by_id,
    }
    row[column] = MISSING
    message = _refused(
        INSERT,
        [row[c] for c in row],
    )
    assert column in message
    message = _refused(
        f"UPDATE reporting_datavalue SET {column} = %s WHERE id = %s",  # noqa: S608
        [MISSING, value.pk],
    )
    assert column in message
    assert DataValue.objects.get(pk=value.pk).value == 12


def test_changing_a_value_without_touching_its_references_passes(ktxh):
    value = _value(ktxh)
    DataValue.objects.filter(pk=value.pk).update(value=13, updated_by=None)
    assert DataValue.objects.get(pk=value.pk).value == 13


def test_a_row_values_point_at_cannot_be_deleted_or_re_keyed(ktxh):
    value = _value(ktxh)
    unused = month(2024, 4)
    message = _refused("DELETE FROM reporting_period WHERE id = %s", [value.period_id])
    assert "period_id" in message
    _refused("UPDATE reporting_indicator SET id = %s WHERE id = %s", [MISSING, value.indicator_id])
    _refused("DELETE FROM accounts_user WHERE id = %s", [value.updated_by_id])
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM reporting_period WHERE id = %s", [unused.pk])
    assert not Period.objects.filter(pk=unused.pk).exists()
    assert DataValue.objects.filter(pk=value.pk).exists()
