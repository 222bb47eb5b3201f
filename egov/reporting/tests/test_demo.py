"""The KT-XH demo loads on the demo province and shows approved data in the totals."""

import io

import pytest

from egov.reporting import demo
from egov.reporting.analysis import report_table
from egov.reporting.choices import Line, SubmissionState
from egov.reporting.models import Indicator, Submission

pytestmark = pytest.mark.django_db


def test_the_demo_fills_the_commune_reports_and_the_provincial_totals():
    from egov.organisations.demo import load_demo

    load_demo(stdout=io.StringIO())  # the registry the KT-XH demo builds on (not other apps)
    assert not demo.loaded()
    demo.load(io.StringIO())
    assert demo.loaded()
    province = demo._province()
    locked = Submission.objects.filter(state=SubmissionState.LOCKED)
    assert locked.count() >= demo.REPORTING_COMMUNES
    latest = locked.order_by("-period__start").first()
    assert latest is not None
    revenue = Indicator.objects.get(code="THU_NSNN")
    row = report_table(
        line=Line.ADMINISTRATIVE, nodes=[province], indicators=[revenue], period=latest.period
    )[0]
    assert row.this and row.this > 0
    assert row.plan is not None
    # This month's report of xã Định Mỹ is left open for the demo users.
    assert Submission.objects.filter(
        unit__organ_code="H01.151", state=SubmissionState.DRAFT
    ).exists()
