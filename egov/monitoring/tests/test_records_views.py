"""The agency records pages: the access matrix of every view (anonymous, no role, role
elsewhere, viewer without editing, role here, administrator), the forms' bad input and the
XLSX downloads."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import openpyxl
import pytest
from django.test import Client

from egov.monitoring import actions
from egov.monitoring.choices import PlanStatus
from egov.monitoring.models import Evidence, ITPlan, ITStaffAssignment, TrainingSession
from egov.monitoring.tests.records_helpers import (
    approved_plan,
    assign,
    draft_plan,
    finance_leader,
    pdf,
    provincial_inspector,
    train,
)
from egov.organisations.testing import person_of

pytestmark = pytest.mark.django_db

PERSONAS = (
    "anonymous",
    "citizen",
    "outsider",
    "finance_leader",
    "clerk",
    "inspector",
    "leader",
    "admin",
)
#: Who may read an agency's records, and who may edit them.
READERS = {"inspector", "leader", "admin"}
EDITORS = {"leader", "admin"}


def _client(world: Any, client_for: Any, persona: str) -> Client:
    if persona == "anonymous":
        return Client()
    user = {
        "finance_leader": lambda: finance_leader(world),
        "inspector": provincial_inspector,
    }.get(persona, lambda: getattr(world, persona))()
    client: Client = client_for(user)
    return client


def _expect(persona: str, allowed: set[str], ok: int) -> int:
    if persona == "anonymous":
        return 302
    return ok if persona in allowed else 404


Request = Callable[[Client, Any], Any]


def _records(c: Client, w: Any) -> Any:
    return c.get(f"/monitoring/co-quan/{w.home_affairs.pk}/ho-so/?year=2026")


def _records_xlsx(c: Client, w: Any) -> Any:
    return c.get(f"/monitoring/co-quan/{w.home_affairs.pk}/ho-so/?format=xlsx&table=staff")


def _plan_form(c: Client, w: Any) -> Any:
    return c.get(f"/monitoring/co-quan/{w.home_affairs.pk}/ho-so/ke-hoach/2026/")


def _plan_save(c: Client, w: Any) -> Any:
    return c.post(
        f"/monitoring/co-quan/{w.home_affairs.pk}/ho-so/ke-hoach/2026/",
        {"goals": "Mục tiêu A", "planned_budget": "1000000", "budget_sources": "Ngân sách tỉnh"},
    )


def _plan_results(c: Client, w: Any) -> Any:
    plan = ITPlan.objects.get(unit=w.home_affairs)
    return c.get(f"/monitoring/ho-so/ke-hoach/{plan.pk}/ket-qua/")


def _staff_assign(c: Client, w: Any) -> Any:
    return c.post(
        f"/monitoring/co-quan/{w.home_affairs.pk}/ho-so/can-bo/",
        {"person": person_of(w.clerk).pk, "kind": "part_time", "valid_from": "2026-01-05"},
    )


def _staff_end(c: Client, w: Any) -> Any:
    staff = ITStaffAssignment.objects.get(unit=w.home_affairs)
    return c.post(f"/monitoring/ho-so/can-bo/{staff.pk}/ket-thuc/", {"valid_to": "2026-02-01"})


def _training_form(c: Client, w: Any) -> Any:
    return c.get(f"/monitoring/co-quan/{w.home_affairs.pk}/ho-so/tap-huan/")


def _evidence_upload(c: Client, w: Any) -> Any:
    plan = ITPlan.objects.get(unit=w.home_affairs)
    return c.post(f"/monitoring/ho-so/minh-chung/plan/{plan.pk}/", {"file": pdf()})


def _evidence_file(c: Client, w: Any) -> Any:
    return c.get(f"/monitoring/ho-so/minh-chung/{Evidence.objects.get().pk}/")


#: (request, who may, status for them); a POST that succeeds redirects.
MATRIX: list[tuple[Request, set[str], int]] = [
    (_records, READERS, 200),
    (_records_xlsx, READERS, 200),
    (_plan_form, EDITORS, 200),
    (_plan_save, EDITORS, 302),
    (_plan_results, EDITORS, 200),
    (_staff_assign, EDITORS, 302),
    (_staff_end, EDITORS, 302),
    (_training_form, EDITORS, 200),
    (_evidence_upload, EDITORS, 302),
    (_evidence_file, READERS, 200),
]


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(("request_", "allowed", "ok"), MATRIX, ids=[m[0].__name__ for m in MATRIX])
def test_the_records_views_obey_the_access_matrix(
    world: Any,
    client_for: Any,
    media_tmp: Any,
    persona: str,
    request_: Request,
    allowed: set[str],
    ok: int,
) -> None:
    approved_plan(world, year=2026)
    ITPlan.objects.filter(unit=world.home_affairs).update(status=PlanStatus.APPROVED)
    assign(world, world.specialist)
    actions.attach_evidence(
        actor=world.leader, target=ITPlan.objects.get(unit=world.home_affairs), upload=pdf()
    )
    if request_ in (_plan_form, _plan_save):
        ITPlan.objects.filter(unit=world.home_affairs).update(status=PlanStatus.DRAFT)
    response = request_(_client(world, client_for, persona), world)
    assert response.status_code == _expect(persona, allowed, ok)


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_provincial_leaders_and_administrators_decide_on_a_plan(
    world: Any, client_for: Any, persona: str
) -> None:
    plan = actions.submit_plan(actor=world.leader, plan=draft_plan(world))
    response = _client(world, client_for, persona).post(
        f"/monitoring/ho-so/ke-hoach/{plan.pk}/duyet/", {"decision": "approve"}
    )
    assert response.status_code == _expect(persona, {"admin"}, 302)
    plan.refresh_from_db()
    assert (plan.status == PlanStatus.APPROVED) is (persona == "admin")


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_provincial_overview_is_for_provincial_viewers(
    world: Any, client_for: Any, persona: str
) -> None:
    response = _client(world, client_for, persona).get("/monitoring/ho-so/?year=2026")
    assert response.status_code == _expect(persona, {"inspector", "admin"}, 200)


def test_the_agency_dashboard_links_to_the_records(world: Any, client_for: Any) -> None:
    page = client_for(world.leader).get(f"/monitoring/co-quan/{world.home_affairs.pk}/")
    assert f"/monitoring/co-quan/{world.home_affairs.pk}/ho-so/" in page.content.decode()


def test_a_viewer_who_cannot_edit_sees_no_forms(world: Any, client_for: Any) -> None:
    draft_plan(world)
    page = _records(client_for(provincial_inspector()), world).content.decode()
    assert "Sửa hoặc trình kế hoạch" not in page
    assert "Ghi nhận cán bộ CNTT" not in page
    assert "Văn bản điện tử 100%" in page


def test_the_plan_form_explains_bad_input(world: Any, client_for: Any) -> None:
    leader = client_for(world.leader)
    url = f"/monitoring/co-quan/{world.home_affairs.pk}/ho-so/ke-hoach/2026/"
    response = leader.post(url, {"goals": "", "planned_budget": "abc"})
    assert response.status_code == 400
    assert "Kinh phí dự kiến là số tiền bằng đồng" in response.content.decode()
    response = leader.post(url, {"goals": " ", "planned_budget": "1.000.000"})
    assert response.status_code == 400
    assert "Kế hoạch phải có ít nhất một mục tiêu cụ thể." in response.content.decode()
    response = leader.post(url, {"goals": "A\nB", "planned_budget": "1.000.000"})
    assert "Hãy ghi nguồn kinh phí" in response.content.decode()


def test_saving_and_submitting_a_plan_from_the_form(world: Any, client_for: Any) -> None:
    leader = client_for(world.leader)
    url = f"/monitoring/co-quan/{world.home_affairs.pk}/ho-so/ke-hoach/2026/"
    leader.post(
        url,
        {
            "goals": "Văn bản điện tử 100%\n\nMột cửa điện tử",
            "planned_budget": "1.500.000.000",
            "budget_sources": "Ngân sách tỉnh",
            "submit": "1",
        },
    )
    plan = ITPlan.objects.get()
    assert plan.status == PlanStatus.SUBMITTED
    assert plan.planned_budget == Decimal(1500000000)
    assert [g.title for g in plan.goals.all()] == ["Văn bản điện tử 100%", "Một cửa điện tử"]


def test_the_training_form_records_attendees_and_their_results(world: Any, client_for: Any) -> None:
    clerk, specialist = person_of(world.clerk), person_of(world.specialist)
    response = client_for(world.leader).post(
        f"/monitoring/co-quan/{world.home_affairs.pk}/ho-so/tap-huan/",
        {
            "held_on": "2026-03-15",
            "topic": "Quản lý văn bản",
            "organiser": "Sở KH&CN",
            "attendee": [clerk.pk, specialist.pk],
            f"result-{clerk.pk}": "yes",
            f"result-{specialist.pk}": "no",
        },
    )
    assert response.status_code == 302
    session = TrainingSession.objects.get()
    assert dict(session.attendances.values_list("person_id", "can_use_system")) == {
        clerk.pk: True,
        specialist.pk: False,
    }


def test_the_training_form_explains_a_missing_attendee(world: Any, client_for: Any) -> None:
    response = client_for(world.leader).post(
        f"/monitoring/co-quan/{world.home_affairs.pk}/ho-so/tap-huan/",
        {"held_on": "15/03/2026", "topic": "Quản lý văn bản", "organiser": "Sở KH&CN"},
    )
    assert response.status_code == 400
    assert "Chọn ít nhất một cán bộ tham dự." in response.content.decode()


def test_a_wrong_evidence_file_is_explained(
    world: Any,
    client_for: Any,
    media_tmp: Any,
) -> None:
    plan = draft_plan(world)
    response = client_for(world.leader).post(
        f"/monitoring/ho-so/minh-chung/plan/{plan.pk}/",
        {"file": pdf("ke-hoach.exe", b"MZ\x90\x00")},
        follow=True,
    )
    assert "không đúng định dạng" in response.content.decode()
    assert not Evidence.objects.exists()


def _sheet(response: Any) -> list[tuple[Any, ...]]:
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    return list(workbook.active.iter_rows(values_only=True))


def test_each_records_table_downloads_as_xlsx(world: Any, client_for: Any) -> None:
    approved_plan(world)
    assign(world, world.clerk, dt.date(2026, 1, 5))
    train(world, {world.clerk: True, world.specialist: False})
    leader = client_for(world.leader)
    base = f"/monitoring/co-quan/{world.home_affairs.pk}/ho-so/?year=2026&format=xlsx&table="
    plan_rows = _sheet(leader.get(base + "plan"))
    assert plan_rows[0] == ("Mục tiêu", "Kết quả", "Đạt")
    assert ("Kinh phí dự kiến (đồng)", 500000000, "Ngân sách tỉnh") in plan_rows
    assert ("Trạng thái", "Đã phê duyệt", None) in plan_rows
    staff_rows = _sheet(leader.get(base + "staff"))
    assert staff_rows[1][:3] == ("Phạm Thị Thư", "Chuyên trách", "Kỹ sư CNTT")
    training_rows = _sheet(leader.get(base + "training"))
    assert training_rows[0][3:] == ("Cán bộ", "Sử dụng được hệ thống")
    assert sorted(r[3:] for r in training_rows[1:]) == [
        ("Phạm Thị Thư", "Có"),
        ("Võ Minh Chuyên", "Không"),
    ]


def test_the_provincial_overview_shows_and_exports_each_agency(world: Any, client_for: Any) -> None:
    approved_plan(world)
    assign(world, world.clerk, dt.date(2026, 1, 5))
    train(world, {world.clerk: True})
    admin = client_for(world.admin)
    page = admin.get("/monitoring/ho-so/?year=2026").content.decode()
    assert "1/4 cơ quan có kế hoạch được phê duyệt; 1 cơ quan có cán bộ CNTT." in page
    rows = _sheet(admin.get("/monitoring/ho-so/?year=2026&format=xlsx"))
    assert rows[0][0] == "Cơ quan"
    by_name = {r[0]: r for r in rows[1:]}
    assert by_name["Sở Nội vụ"][1:] == ("Đã phê duyệt", 500000000, None, 1, 0, 25)
    assert by_name["Sở Tài chính"][1:] == ("Chưa có", None, None, 0, 0, "không có dữ liệu")


def test_the_overview_reads_a_fixed_number_of_queries_whatever_the_number_of_agencies(
    world: Any, client_for: Any
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from egov.organisations import actions as org_actions
    from egov.organisations.choices import UnitKind
    from egov.organisations.testing import START

    approved_plan(world)
    assign(world, world.clerk, dt.date(2026, 1, 5))
    train(world, {world.clerk: True})
    admin = client_for(world.admin)
    admin.get("/monitoring/ho-so/?year=2026")
    with CaptureQueriesContext(connection) as few:
        admin.get("/monitoring/ho-so/?year=2026")
    for n in range(5):
        org_actions.create_unit(
            actor=None,
            parent=world.province,
            name=f"Sở thứ {n}",
            kind=UnitKind.AGENCY,
            valid_from=START,
            abbreviation=f"S{n}",
            skip_access_check=True,
        )
    with CaptureQueriesContext(connection) as many:
        page = admin.get("/monitoring/ho-so/?year=2026").content.decode()
    assert "Sở thứ 4" in page
    assert len(many.captured_queries) == len(few.captured_queries)


def test_an_oversized_evidence_upload_is_refused_before_it_is_read(
    world: Any, client_for: Any
) -> None:
    plan = draft_plan(world)
    response = client_for(world.leader).post(
        f"/monitoring/ho-so/minh-chung/plan/{plan.pk}/",
        data=b"x",
        content_type="application/octet-stream",
        CONTENT_LENGTH=str(50 * 1024 * 1024),
    )
    assert response.status_code == 413
    assert "Tệp gửi lên quá lớn (tối đa 10 MB)." in response.content.decode()


def test_returning_a_plan_without_a_reason_is_explained_and_changes_nothing(
    world: Any, client_for: Any
) -> None:
    plan = actions.submit_plan(actor=world.leader, plan=draft_plan(world))
    response = client_for(world.admin).post(
        f"/monitoring/ho-so/ke-hoach/{plan.pk}/duyet/", {"decision": "return"}, follow=True
    )
    assert "Hãy ghi lý do trả lại để cơ quan sửa kế hoạch." in response.content.decode()
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUBMITTED


def test_the_results_form_records_the_budget_spent_and_each_goal(
    world: Any, client_for: Any
) -> None:
    plan = approved_plan(world)
    first, second = plan.goals.all()
    leader = client_for(world.leader)
    url = f"/monitoring/ho-so/ke-hoach/{plan.pk}/ket-qua/"
    response = leader.post(url, {"spent_budget": "bốn trăm triệu"})
    assert response.status_code == 400
    assert "Kinh phí đã thực hiện là số tiền bằng đồng" in response.content.decode()
    leader.post(
        url,
        {
            "spent_budget": "400.000.000",
            f"result-{first.pk}": "Đã đạt",
            f"achieved-{first.pk}": "yes",
            f"achieved-{second.pk}": "no",
        },
    )
    plan.refresh_from_db()
    assert plan.spent_budget == Decimal(400000000)
    assert [g.achieved for g in plan.goals.all()] == [True, False]
    page = _records(leader, world).content.decode()
    assert "400.000.000 đ (80%)" in page


def test_the_it_staff_form_explains_bad_input(world: Any, client_for: Any) -> None:
    leader = client_for(world.leader)
    url = f"/monitoring/co-quan/{world.home_affairs.pk}/ho-so/can-bo/"
    page = leader.post(
        url, {"person": "", "kind": "full_time", "valid_from": "2026-01-05"}, follow=True
    ).content.decode()
    assert "Chọn một cán bộ của cơ quan." in page
    page = leader.post(
        url,
        {"person": person_of(world.outsider).pk, "kind": "full_time", "valid_from": "x"},
        follow=True,
    ).content.decode()
    assert "Nhập ngày bắt đầu, ví dụ 01/03/2026." in page
    page = leader.post(
        url,
        {"person": person_of(world.outsider).pk, "kind": "full_time", "valid_from": "05/01/2026"},
        follow=True,
    ).content.decode()
    assert "Đặng Văn Ngoài không phải cán bộ đang công tác tại cơ quan này." in page
    assert not ITStaffAssignment.objects.exists()


def test_the_records_page_reads_a_fixed_number_of_queries_whatever_the_number_of_records(
    world: Any, client_for: Any
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    approved_plan(world)
    assign(world, world.clerk, dt.date(2026, 1, 5))
    train(world, {world.clerk: True})
    leader = client_for(world.leader)
    _records(leader, world)
    with CaptureQueriesContext(connection) as few:
        _records(leader, world)
    assign(world, world.specialist, dt.date(2026, 2, 1))
    for month in (4, 5, 6):
        train(world, {world.clerk: True, world.specialist: False}, dt.date(2026, month, 1))
    with CaptureQueriesContext(connection) as many:
        _records(leader, world)
    assert len(many.captured_queries) == len(few.captured_queries)
