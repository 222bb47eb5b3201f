"""A report as it was reported on a past day, read from the values' revisions, on the
report's page (read only)."""

import datetime as dt

import pytest
from django.utils import timezone

from egov.lib.dates import local_today
from egov.reporting.actions import entry
from egov.reporting.models import DataValue
from egov.reporting.testing import fill, month

pytestmark = pytest.mark.django_db


def test_the_report_page_shows_the_values_as_reported_on_a_past_day(client_for, ktxh):
    draft = fill(ktxh, ktxh.world.commune, ktxh.commune_reporter, month(2026, 4), revenue="1200")
    DataValue.objects.filter(indicator=ktxh.revenue).update(
        updated_at=timezone.now() - dt.timedelta(days=3)
    )
    entry.save_value(
        actor=ktxh.commune_reporter,
        submission=draft,
        indicator_id=ktxh.revenue.pk,
        combo_id=ktxh.combo(ktxh.revenue).pk,
        raw="1.350",
    )
    client = client_for(ktxh.commune_reporter)
    url = f"/ktxh/s/{draft.pk}/"
    earlier = (local_today() - dt.timedelta(days=2)).isoformat()
    page = client.get(url, {"as_of": earlier}).content.decode()
    assert 'id="as-of-notice"' in page
    assert '<span class="cell-value">1.200</span>' in page
    assert "1.350" not in page and 'name="v-' not in page  # read only
    now = client.get(url).content.decode()
    assert 'value="1.350"' in now and 'id="as-of-notice"' not in now
    bad = client.get(url, {"as_of": "30/02/2026"})
    assert bad.status_code == 422 and "Ngày “30/02/2026” không hợp lệ." in bad.content.decode()
