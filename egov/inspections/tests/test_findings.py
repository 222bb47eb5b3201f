"""Findings: deadlines (60 calendar days by default, or working days), the responsible
unit inside the inspected agency, the agency's fix report and the inspector's decision."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from egov.audit.models import AuditEvent
from egov.inspections import queries
from egov.inspections.actions import findings
from egov.inspections.choices import DeadlineBasis, FindingState
from egov.inspections.models import Finding
from egov.inspections.tests.helpers import DAY, concluded_with_finding, pdf_upload, started
from egov.lib.errors import ActionError
from egov.workcalendar.queries import add_working_days

pytestmark = pytest.mark.django_db


def _record(team: Any, inspection: Any, **extra: Any) -> Finding:
    return findings.record_finding(
        actor=team.member,
        inspection=inspection,
        description="Trang thông tin chưa cập nhật lịch công tác",
        remedy="Cập nhật lịch công tác hằng tuần",
        **extra,
    )


def test_the_default_deadline_is_60_calendar_days_after_the_inspection(team: Any) -> None:
    finding = _record(team, started(team))
    assert finding.deadline == DAY + dt.timedelta(days=60)
    assert finding.deadline_basis == DeadlineBasis.CALENDAR
    assert [t.to_state for t in finding.transitions.all()] == [FindingState.OPEN]
    assert AuditEvent.objects.filter(action="inspections.finding.record").exists()


def test_the_deadline_may_count_60_working_days(team: Any) -> None:
    finding = _record(team, started(team), deadline_basis=DeadlineBasis.WORKING)
    assert finding.deadline == add_working_days(DAY, 60)
    assert finding.deadline > DAY + dt.timedelta(days=60)


def test_it_refuses_a_deadline_before_the_inspection_date(team: Any) -> None:
    with pytest.raises(ActionError) as error:
        _record(team, started(team), deadline=DAY - dt.timedelta(days=1))
    assert error.value.messages == [
        "Hạn khắc phục (01/03/2026) không được trước ngày kiểm tra (02/03/2026)."
    ]


def test_it_refuses_a_finding_for_an_agency_not_in_the_plan(world: Any, team: Any) -> None:
    with pytest.raises(ActionError) as error:
        _record(team, started(team), responsible_unit=world.finance)
    assert error.value.messages == [
        "“Sở Tài chính” không phải cơ quan được kiểm tra trong kế hoạch này (Sở Nội vụ)."
    ]


def test_a_division_of_the_inspected_agency_may_be_responsible(world: Any, team: Any) -> None:
    finding = _record(team, started(team), responsible_unit=world.civil_service_division)
    assert finding.responsible_unit == world.civil_service_division


def test_it_refuses_a_finding_without_description_or_remedy(team: Any) -> None:
    inspection = started(team)
    with pytest.raises(ActionError) as error:
        findings.record_finding(
            actor=team.member, inspection=inspection, description=" ", remedy="x"
        )
    assert error.value.messages == ["Nhập nội dung tồn tại, hạn chế."]
    with pytest.raises(ActionError) as error:
        findings.record_finding(
            actor=team.member, inspection=inspection, description="x", remedy=""
        )
    assert error.value.messages == ["Nhập yêu cầu khắc phục."]


def test_the_agency_reports_its_fix_with_evidence_and_the_inspector_accepts(
    world: Any, team: Any
) -> None:
    _inspection, finding = concluded_with_finding(team)
    finding = findings.report_fix(
        actor=world.leader, finding=finding, note="Đã ban hành quy định", uploads=[pdf_upload()]
    )
    assert finding.state == FindingState.FIX_REPORTED
    assert finding.evidence.count() == 1
    finding = findings.accept_fix(actor=team.member, finding=finding, on=dt.date(2026, 4, 1))
    assert finding.state == FindingState.CLOSED and finding.closed_on == dt.date(2026, 4, 1)
    assert [t.action for t in finding.transitions.all()] == ["record", "report_fix", "accept"]
    names = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"inspections.finding.report_fix", "inspections.finding.accept"} <= names


def test_the_inspector_reopens_a_fix_with_a_reason(world: Any, team: Any) -> None:
    _inspection, finding = concluded_with_finding(team)
    findings.report_fix(actor=world.leader, finding=finding, note="Đã sửa")
    with pytest.raises(ActionError) as error:
        findings.reopen_finding(actor=team.member, finding=finding, reason="")
    assert error.value.messages == ["Nhập lý do chưa chấp nhận kết quả khắc phục."]
    finding = findings.reopen_finding(actor=team.member, finding=finding, reason="Chưa đủ")
    assert finding.state == FindingState.OPEN
    assert finding.transitions.last().note == "Chưa đủ"  # type: ignore[union-attr]


def test_it_refuses_to_accept_a_finding_the_agency_has_not_answered(team: Any) -> None:
    _inspection, finding = concluded_with_finding(team)
    with pytest.raises(ActionError) as error:
        findings.accept_fix(actor=team.member, finding=finding)
    assert error.value.messages == [
        "Không thể chấp nhận kết quả khắc phục của tồn tại đang ở trạng thái “Chưa khắc phục”."
    ]


def test_it_refuses_a_fix_report_without_its_account(world: Any, team: Any) -> None:
    _inspection, finding = concluded_with_finding(team)
    with pytest.raises(ActionError) as error:
        findings.report_fix(actor=world.leader, finding=finding, note="")
    assert error.value.messages == ["Nhập nội dung đã khắc phục."]


def test_it_refuses_a_fix_report_before_the_inspection_is_concluded(world: Any, team: Any) -> None:
    finding = _record(team, started(team))
    with pytest.raises(ActionError) as error:
        findings.report_fix(actor=world.leader, finding=finding, note="Đã sửa")
    assert error.value.messages == [
        "Cuộc kiểm tra chưa kết luận hoặc đã kết thúc; chưa thể báo cáo khắc phục."
    ]


def test_a_sibling_agency_leader_does_not_answer(team: Any) -> None:
    _inspection, finding = concluded_with_finding(team)
    with pytest.raises(PermissionDenied):
        findings.report_fix(actor=team.finance_leader, finding=finding, note="x")


def test_overdue_findings_are_counted(world: Any, team: Any) -> None:
    inspection, finding = concluded_with_finding(team)
    later = _record(team, inspection, deadline=dt.date(2099, 1, 1))
    summary = queries.summary(Finding.objects.all())
    assert (summary.open, summary.overdue) == (2, 1)  # the first is due 01/05/2026
    assert queries.is_overdue(finding) and not queries.is_overdue(later)
    overdue = queries.filter_findings(Finding.objects.all(), status="overdue")
    assert list(overdue) == [finding]
