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


def test_the_analysis_answers_a_total_on_the_tree_as_it_was_before_a_merger(client_for, ktxh):
    from egov.organisations import actions as org_actions
    from egov.reporting.actions import workflow
    from egov.reporting.actions.aggregates import rebuild_aggregates
    from egov.reporting.testing import approve_fully

    period = month(2026, 1)
    approve_fully(
        ktxh, fill(ktxh, ktxh.world.commune, ktxh.commune_reporter, period, revenue="1000")
    )
    second = fill(ktxh, ktxh.second_commune, ktxh.second_reporter, period, revenue="500")
    workflow.submit(actor=ktxh.second_reporter, submission=second)
    workflow.accept(actor=ktxh.province_reporter, submission=second)
    workflow.approve(actor=ktxh.province_leader, submission=second)
    org_actions.merge_units(
        actor=None,
        sources=[(ktxh.second_commune, None)],
        target=ktxh.world.commune,
        effective_date=dt.date(2026, 7, 1),
        skip_access_check=True,
    )
    rebuild_aggregates(actor=ktxh.world.admin)
    client = client_for(ktxh.province_leader)
    params = {"node": ktxh.world.commune.pk, "period": "2026-M01", "indicator": "THU_NSNN"}
    today = client.get("/ktxh/analysis/", params).content.decode()
    assert "1.500" in today and 'id="tree-result"' not in today
    then = client.get("/ktxh/analysis/", {**params, "tree_day": "2026-01-31"}).content.decode()
    assert "theo cây tổ chức ngày 31/01/2026:</strong>" not in then
    assert "theo cây tổ chức ngày 31/01/2026: <strong>1.000</strong>" in then
