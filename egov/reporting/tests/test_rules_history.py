"""Validation rules and warnings, the reporting calendar, revisions "as reported on D",
organisation history in the totals, back-entry and the ledger."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from egov.lib.errors import ActionError
from egov.organisations import actions as org_actions
from egov.organisations.choices import UnitKind
from egov.reporting.actions import entry, workflow
from egov.reporting.actions.aggregates import rebuild_aggregates
from egov.reporting.analysis import report_table, total_on_tree_as_of
from egov.reporting.choices import CommentKind, Frequency, Line, SubmissionState
from egov.reporting.models import DataValue, DataValueRevision, LedgerEntry
from egov.reporting.periods import (
    cutoff_window,
    due_date,
    get_period,
    parse_period_code,
    period_from_code,
)
from egov.reporting.queries import as_reported_on, timeliness
from egov.reporting.testing import approve_fully, fill, month

pytestmark = pytest.mark.django_db


def province_total(k, indicator, period):
    return report_table(
        line=Line.ADMINISTRATIVE, nodes=[k.world.province], indicators=[indicator], period=period
    )[0].this


def test_the_cut_off_runs_from_the_15th_of_the_month_before_to_the_14th(ktxh):
    assert cutoff_window(ktxh.form, month(2026, 3)) == (dt.date(2026, 2, 15), dt.date(2026, 3, 14))
    assert cutoff_window(ktxh.form, get_period(Frequency.YEAR, 2026, 1)) == (
        dt.date(2025, 12, 15),
        dt.date(2026, 12, 14),
    )
    assert due_date(ktxh.form, month(2026, 1)) == dt.date(2026, 1, 19)
    assert parse_period_code("2026-N9") == (Frequency.NINE_MONTHS, 2026, 1)
    assert period_from_code("2026-Q2").end == dt.date(2026, 6, 30)
    with pytest.raises(ActionError, match="không có trong năm"):
        parse_period_code("2026-Q5")


def test_a_rule_error_blocks_sending_and_names_the_rule(ktxh):
    submission = fill(
        ktxh, ktxh.world.commune, ktxh.commune_reporter, month(2026, 1), men=0, women=0
    )
    with pytest.raises(ActionError, match="Dân số phải lớn hơn 0"):
        workflow.submit(actor=ktxh.commune_reporter, submission=submission)
    submission.refresh_from_db()
    assert submission.state == SubmissionState.DRAFT


def test_a_warning_against_the_previous_period_needs_an_explanation(ktxh):
    approve_fully(
        ktxh, fill(ktxh, ktxh.world.commune, ktxh.commune_reporter, month(2026, 1), revenue="1000")
    )
    february = fill(ktxh, ktxh.world.commune, ktxh.commune_reporter, month(2026, 2), revenue="300")
    with pytest.raises(ActionError, match="giảm quá một nửa so với kỳ trước"):
        workflow.submit(actor=ktxh.commune_reporter, submission=february)
    entry.add_comment(
        actor=ktxh.commune_reporter,
        submission=february,
        indicator_id=ktxh.revenue.pk,
        combo_id=ktxh.combo(ktxh.revenue).pk,
        text="Tháng 2 có Tết, thu giảm theo mùa vụ.",
        kind=CommentKind.EXPLANATION,
    )
    assert (
        workflow.submit(actor=ktxh.commune_reporter, submission=february).state
        == SubmissionState.SUBMITTED
    )


def test_an_outlier_against_the_same_period_last_year_is_a_warning(ktxh):
    approve_fully(
        ktxh, fill(ktxh, ktxh.world.commune, ktxh.commune_reporter, month(2025, 3), revenue="1000")
    )
    march = fill(ktxh, ktxh.world.commune, ktxh.commune_reporter, month(2026, 3), revenue="2100")
    with pytest.raises(ActionError, match="thay đổi 110,0% so với cùng kỳ năm trước"):
        workflow.submit(actor=ktxh.commune_reporter, submission=march)


def test_values_as_reported_on_an_earlier_day(ktxh):
    period = month(2026, 1)
    submission = fill(ktxh, ktxh.world.commune, ktxh.commune_reporter, period, revenue="1000")
    three_days_ago = timezone.now() - dt.timedelta(days=3)
    DataValue.objects.update(updated_at=three_days_ago)
    entry.save_value(
        actor=ktxh.commune_reporter,
        submission=submission,
        indicator_id=ktxh.revenue.pk,
        combo_id=ktxh.combo(ktxh.revenue).pk,
        raw="1.500",
    )
    key = (ktxh.revenue.pk, ktxh.combo(ktxh.revenue).pk)
    today = timezone.localdate()
    assert as_reported_on(ktxh.world.commune, period, today - dt.timedelta(days=2))[key] == 1000
    assert as_reported_on(ktxh.world.commune, period, today)[key] == 1500
    assert as_reported_on(ktxh.world.commune, period, today - dt.timedelta(days=4)) == {}
    # The version replaced keeps when and by whom it was recorded.
    replaced = DataValueRevision.objects.get(data_value__indicator=ktxh.revenue)
    assert (replaced.revision, replaced.value) == (1, 1000)
    assert replaced.recorded_at == three_days_ago
    assert replaced.recorded_by_id == ktxh.commune_reporter.pk


def test_a_merged_communes_data_is_carried_to_its_successor_and_the_old_tree_still_answers(ktxh):
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
    rows = report_table(
        line=Line.ADMINISTRATIVE,
        nodes=[ktxh.world.commune],
        indicators=[ktxh.revenue],
        period=period,
    )
    assert rows[0].this == 1500  # today's commune carries both
    assert province_total(ktxh, ktxh.revenue, period) == 1500
    # On the tree as it stood in January, the province had both communes too.
    assert (
        total_on_tree_as_of(
            indicator=ktxh.revenue,
            period=period,
            root=ktxh.world.province,
            day=dt.date(2026, 1, 31),
        )
        == 1500
    )


def test_a_partial_split_carries_its_weight_and_the_rest_stays(ktxh):
    period = month(2026, 1)
    approve_fully(
        ktxh, fill(ktxh, ktxh.world.commune, ktxh.commune_reporter, period, revenue="1000")
    )
    new = org_actions.create_unit(
        actor=None,
        parent=ktxh.world.province,
        name="Ủy ban nhân dân xã Mới",
        kind=UnitKind.COMMUNE_COMMITTEE,
        valid_from=dt.date(2026, 7, 1),
        skip_access_check=True,
    )
    org_actions.split_unit(
        actor=None,
        source=ktxh.world.commune,
        targets=[(new, Decimal("0.4"))],
        effective_date=dt.date(2026, 7, 1),
        dissolve_source=False,
        skip_access_check=True,
    )
    rebuild_aggregates(actor=ktxh.world.admin)
    rows = report_table(
        line=Line.ADMINISTRATIVE,
        nodes=[ktxh.world.commune, new],
        indicators=[ktxh.revenue],
        period=period,
    )
    assert [r.this for r in rows] == [Decimal(600), Decimal(400)]
    assert province_total(ktxh, ktxh.revenue, period) == 1000
    # February data entered after the split stays whole with the commune.
    march = fill(ktxh, ktxh.world.commune, ktxh.commune_reporter, month(2026, 8), revenue="900")
    approve_fully(ktxh, march)
    rows = report_table(
        line=Line.ADMINISTRATIVE,
        nodes=[ktxh.world.commune],
        indicators=[ktxh.revenue],
        period=month(2026, 8),
    )
    assert rows[0].this == 900


def test_unlocking_needs_the_receiving_units_leader_and_a_reason(ktxh):
    submission = approve_fully(
        ktxh, fill(ktxh, ktxh.world.commune, ktxh.commune_reporter, month(2026, 1))
    )
    with pytest.raises(PermissionDenied):
        workflow.unlock(actor=ktxh.commune_leader, submission=submission, reason="Sửa")
    with pytest.raises(ActionError, match="Hãy ghi lý do mở khóa"):
        workflow.unlock(actor=ktxh.province_leader, submission=submission, reason=" ")
    assert (
        workflow.unlock(actor=ktxh.province_leader, submission=submission, reason="Sai số").state
        == SubmissionState.RETURNED
    )


def test_a_reporter_cannot_enter_a_locked_report(ktxh):
    submission = approve_fully(
        ktxh, fill(ktxh, ktxh.world.commune, ktxh.commune_reporter, month(2026, 1))
    )
    with pytest.raises(ActionError, match="không sửa được số liệu"):
        entry.save_value(
            actor=ktxh.commune_reporter,
            submission=submission,
            indicator_id=ktxh.revenue.pk,
            combo_id=ktxh.combo(ktxh.revenue).pk,
            raw="1",
        )


def test_back_entry_needs_provenance_and_stays_out_of_timeliness_but_in_the_ledger(ktxh):
    with pytest.raises(ActionError, match="Hãy ghi nguồn số liệu"):
        entry.open_submission(
            actor=ktxh.commune_reporter,
            form=ktxh.form,
            unit=ktxh.world.commune,
            period=month(2004, 1),
            backfill=True,
        )
    old = fill(ktxh, ktxh.world.commune, ktxh.commune_reporter, month(2020, 1), backfill=True)
    approve_fully(ktxh, old)
    current = fill(ktxh, ktxh.second_commune, ktxh.second_reporter, month(2020, 1))
    rows = {r.unit.pk: r for r in timeliness(ktxh.form, month(2020, 1))}
    assert rows[ktxh.world.commune.pk].submitted_on is None  # back-entered: no deadline
    assert rows[ktxh.second_commune.pk].filled == 4 and rows[ktxh.second_commune.pk].required == 4
    assert current.is_backfill is False
    entry_row = LedgerEntry.objects.get(submission=old)
    assert entry_row.is_backfill and entry_row.value_count == 4


def test_a_sectoral_form_goes_to_the_department_then_the_province(ktxh):
    from egov.reporting.actions import catalogue
    from egov.reporting.actions.catalogue import SectionSpec

    form = catalogue.create_form(
        actor=None,
        code="B02-NS",
        name="Thu ngân sách",
        receiving_unit=ktxh.world.province,
        sections=[SectionSpec("Thu", ["THU_NSNN"])],
        units=[ktxh.world.commune],
        line=Line.SECTORAL,
        sector_unit=ktxh.world.finance,
        skip_access_check=True,
    )
    submission = entry.open_submission(
        actor=ktxh.commune_reporter, form=form, unit=ktxh.world.commune, period=month(2026, 1)
    )
    entry.save_value(
        actor=ktxh.commune_reporter,
        submission=submission,
        indicator_id=ktxh.revenue.pk,
        combo_id=ktxh.combo(ktxh.revenue).pk,
        raw="10",
    )
    submission = workflow.submit(actor=ktxh.commune_reporter, submission=submission)
    assert submission.handler == ktxh.world.finance
    with pytest.raises(PermissionDenied):
        workflow.accept(actor=ktxh.province_reporter, submission=submission)
    workflow.accept(actor=ktxh.finance_leader, submission=submission)
    submission = workflow.approve(actor=ktxh.finance_leader, submission=submission)
    assert (
        submission.state == SubmissionState.APPROVING and submission.handler == ktxh.world.province
    )
    assert (
        workflow.approve(actor=ktxh.province_leader, submission=submission).state
        == SubmissionState.LOCKED
    )


def test_reporters_of_units_that_have_not_sent_are_reminded_before_the_deadline(ktxh):
    from egov.accounts.models import Notification
    from egov.reporting.actions.reminders import send_deadline_reminders

    approve_fully(ktxh, fill(ktxh, ktxh.world.commune, ktxh.commune_reporter, month(2026, 1)))
    # January is due on 19/01/2026 (cut-off 14/01 + 5 days); remind on 17/01.
    sent = send_deadline_reminders(today=dt.date(2026, 1, 17), days_ahead=3)
    assert sent == 1
    note = Notification.objects.get()
    assert note.user == ktxh.second_reporter
    assert "B01-KTXH" in note.text and "19/01/2026" in note.text
    # The scheduler runs it every hour: a second run on the same day sends nothing more.
    assert send_deadline_reminders(today=dt.date(2026, 1, 17), days_ahead=3) == 0
    assert send_deadline_reminders(today=dt.date(2026, 1, 18), days_ahead=3) == 1
    assert Notification.objects.count() == 2
    assert send_deadline_reminders(today=dt.date(2026, 1, 25), days_ahead=3) == 0
