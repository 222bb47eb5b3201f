"""The pages do what the actions do: a plan from the form, the checklist saved item by item
(htmx gets the row back), findings filtered, the agency's own view."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from egov.inspections.choices import ItemSource, Result
from egov.inspections.models import Finding, Plan
from egov.inspections.tests.helpers import concluded_with_finding, started

pytestmark = pytest.mark.django_db


def test_an_inspector_creates_a_plan_from_the_form(team: Any, client_for: Any) -> None:
    client = client_for(team.inspector)
    response = client.post(
        "/kiem-tra/ke-hoach/moi/",
        {
            "year": "2026",
            "number": "05/KH-TKT",
            "title": "Kiểm tra sáu tháng cuối năm",
            "purpose": "",
            "period_from": "2026-07-01",
            "period_to": "2026-12-31",
            "leader": "member",
        },
    )
    plan = Plan.objects.get(number="05/KH-TKT")
    assert response.status_code == 302 and response["Location"] == f"/kiem-tra/ke-hoach/{plan.pk}/"
    assert plan.members.get().user == team.member


def test_the_plan_form_shows_the_error_in_vietnamese(team: Any, client_for: Any) -> None:
    response = client_for(team.inspector).post(
        "/kiem-tra/ke-hoach/moi/",
        {
            "year": "2026",
            "number": "06/KH",
            "title": "X",
            "period_from": "2026-07-01",
            "period_to": "2026-01-01",
            "leader": "member",
        },
    )
    assert "Thời kỳ kiểm tra: ngày kết thúc phải sau ngày bắt đầu." in response.content.decode()


def test_an_item_saved_with_htmx_returns_its_row(team: Any, client_for: Any) -> None:
    inspection = started(team)
    item = inspection.items.filter(source=ItemSource.TEMPLATE).earliest("order")
    response = client_for(team.member).post(
        f"/kiem-tra/cuoc/{inspection.pk}/muc/{item.pk}/",
        {"result": "fail", "note": "Chưa dùng"},
        HTTP_HX_REQUEST="true",
    )
    body = response.content.decode()
    assert body.startswith('<li class="insp-item" id="item-') and "Đã lưu" in body
    assert '<p id="insp-progress" hx-swap-oob="true">Đã đánh giá' in body
    item.refresh_from_db()
    assert item.result == Result.FAIL and item.note == "Chưa dùng"


def test_a_refused_item_shows_the_message_in_its_row(team: Any, client_for: Any) -> None:
    inspection = started(team)
    item = inspection.items.get(source=ItemSource.WEBSITE)
    response = client_for(team.member).post(
        f"/kiem-tra/cuoc/{inspection.pk}/muc/{item.pk}/",
        {"result": "pass", "note": ""},
        HTTP_HX_REQUEST="true",
    )
    assert "ghi rõ lý do trong phần ghi chú" in response.content.decode()


def test_a_finding_is_recorded_from_the_inspection_page(
    world: Any, team: Any, client_for: Any
) -> None:
    inspection = started(team)
    response = client_for(team.member).post(
        f"/kiem-tra/cuoc/{inspection.pk}/ton-tai/",
        {
            "description": "Chưa cập nhật lịch công tác",
            "remedy": "Cập nhật hằng tuần",
            "severity": "high",
            "responsible_unit": str(world.home_affairs.pk),
            "deadline_basis": "calendar",
            "deadline": "",
        },
    )
    assert response.status_code == 302
    finding = Finding.objects.get()
    assert finding.deadline == dt.date(2026, 5, 1) and finding.severity == "high"


def test_the_findings_list_filters_and_highlights_overdue(team: Any, client_for: Any) -> None:
    concluded_with_finding(team)
    client = client_for(team.inspector)
    with CaptureQueriesContext(connection) as queries:
        body = client.get("/kiem-tra/ton-tai/?status=overdue").content.decode()
    assert "insp-overdue" in body and "(quá hạn)" in body
    assert "Chưa giao việc qua thư điện tử công vụ" in body
    assert len(queries) < 30
    body = client.get("/kiem-tra/ton-tai/?status=closed").content.decode()
    assert "Chưa giao việc qua thư điện tử công vụ" not in body


def test_the_agency_leader_sees_its_own_inspection_and_findings(
    world: Any, team: Any, client_for: Any
) -> None:
    concluded_with_finding(team)
    body = client_for(world.leader).get("/kiem-tra/co-quan/").content.decode()
    assert "Sở Nội vụ" in body and "Chưa giao việc qua thư điện tử công vụ" in body
    assert "Ủy ban nhân dân xã Định Mỹ" not in body


def test_the_plans_list_reads_a_fixed_number_of_queries(team: Any, client_for: Any) -> None:
    from egov.inspections.actions import plans

    client = client_for(team.inspector)
    client.get("/kiem-tra/")
    with CaptureQueriesContext(connection) as before:
        client.get("/kiem-tra/")
    for n in range(3):
        plan = plans.create_plan(
            actor=team.inspector,
            year=2026,
            number=f"1{n}/KH-TKT",
            title="Kiểm tra",
            purpose="",
            period_from=dt.date(2026, 1, 1),
            period_to=dt.date(2026, 2, 1),
            leader=team.inspector,
        )
        plans.add_agency(
            actor=team.inspector,
            plan=plan,
            agency=team.snv.agency,
            scheduled_on=dt.date(2026, 5, 4),
        )
    with CaptureQueriesContext(connection) as after:
        body = client.get("/kiem-tra/").content.decode()
    assert "12/KH-TKT" in body
    assert len(after) == len(before)


def test_the_checklist_page_reads_a_fixed_number_of_queries(team: Any, client_for: Any) -> None:
    from egov.inspections.actions import checklist

    inspection = started(team)
    client = client_for(team.member)
    client.get(f"/kiem-tra/cuoc/{inspection.pk}/")
    with CaptureQueriesContext(connection) as before:
        client.get(f"/kiem-tra/cuoc/{inspection.pk}/")
    for n in range(3):
        checklist.add_item(actor=team.member, inspection=inspection, text=f"Nội dung {n}")
    with CaptureQueriesContext(connection) as after:
        body = client.get(f"/kiem-tra/cuoc/{inspection.pk}/").content.decode()
    assert "Nội dung 2" in body
    assert len(after) == len(before)
