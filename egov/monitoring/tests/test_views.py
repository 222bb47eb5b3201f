"""The dashboards and the targets page: access matrix, sorting, XLSX export, bad input."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import Any

import openpyxl
import pytest
from django.test import Client

from egov.monitoring.models import Target
from egov.monitoring.tests.helpers import register

pytestmark = pytest.mark.django_db

MARCH = dt.date(2026, 3, 10)


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("citizen", 404),
        ("clerk", 404),
        ("specialist", 404),
        ("outsider", 404),
        ("leader", 200),
        ("admin", 200),
    ],
)
def test_the_dashboard_is_for_leaders_and_administrators_only(
    world: Any, client_for: Any, persona: str, status: int
) -> None:
    assert client_for(getattr(world, persona)).get("/monitoring/").status_code == status


def test_an_anonymous_visitor_is_sent_to_log_in(client: Client) -> None:
    response = client.get("/monitoring/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_an_agency_leader_sees_their_agency_and_not_the_province(
    world: Any, client_for: Any
) -> None:
    leader = client_for(world.leader)
    page = leader.get("/monitoring/?year=2026").content.decode()
    assert "Sở Nội vụ" in page
    assert "Sở Tài chính" not in page
    assert "Toàn tỉnh" not in page
    assert leader.get(f"/monitoring/co-quan/{world.home_affairs.pk}/").status_code == 200
    assert leader.get(f"/monitoring/co-quan/{world.finance.pk}/").status_code == 404


def test_the_provincial_dashboard_lists_every_agency_with_the_province_first(
    world: Any, client_for: Any
) -> None:
    register(world, channel="exchange", day=MARCH)
    page = client_for(world.admin).get("/monitoring/?year=2026").content.decode()
    assert page.index("Toàn tỉnh") < page.index("Sở Nội vụ") < page.index("Sở Tài chính")
    assert "Ủy ban nhân dân xã Định Mỹ" in page
    assert "Phòng Công chức, viên chức" not in page
    assert "không có dữ liệu" in page
    assert "100%" in page


def test_sorting_by_an_indicator_puts_agencies_without_data_last(
    world: Any, client_for: Any
) -> None:
    register(world, channel="paper", day=MARCH)
    register(world, channel="exchange", day=MARCH, unit=world.finance)
    admin = client_for(world.admin)
    page = admin.get("/monitoring/?year=2026&sort=edoc_electronic_share").content.decode()
    assert page.index("Sở Tài chính") < page.index("Sở Nội vụ") < page.index("xã Định Mỹ")
    page = admin.get("/monitoring/?year=2026&sort=edoc_electronic_share&dir=asc").content.decode()
    assert page.index("Sở Nội vụ") < page.index("Sở Tài chính") < page.index("xã Định Mỹ")


def test_the_dashboard_shows_one_group_of_indicators_at_a_time(world: Any, client_for: Any) -> None:
    from egov.monitoring import indicators
    from egov.monitoring.choices import Group

    admin = client_for(world.admin)
    names: dict[str, list[str]] = {}
    for i in indicators.INDICATORS.values():
        names.setdefault(i.group, []).append(str(i.name))
    eoffice = admin.get("/monitoring/?year=2026").content.decode()
    assert all(name in eoffice for name in names[Group.EOFFICE])
    assert not any(
        name in eoffice.split("Định nghĩa các chỉ tiêu")[0] for name in names[Group.FEEDBACK]
    )
    feedback = admin.get("/monitoring/?year=2026&group=feedback").content.decode()
    table = feedback.split("Định nghĩa các chỉ tiêu")[0]
    assert all(name in table for name in names[Group.FEEDBACK])
    assert not any(name in table for name in names[Group.EOFFICE])
    assert 'href="?year=2026&amp;group=feedback" aria-current="page"' in feedback
    everything = admin.get("/monitoring/?year=2026&group=all").content.decode()
    assert all(str(i.name) in everything for i in indicators.INDICATORS.values())
    # An unknown group falls back to the first one; sorting keeps the group.
    assert "aria-current" in admin.get("/monitoring/?year=2026&group=nope").content.decode()
    sorted_page = admin.get(
        "/monitoring/?year=2026&group=feedback&sort=feedback_on_time_rate"
    ).content.decode()
    assert 'aria-sort="descending"' in sorted_page


def test_the_dashboard_table_exports_to_xlsx(world: Any, client_for: Any) -> None:
    register(world, channel="exchange", day=MARCH)
    response = client_for(world.admin).get("/monitoring/?year=2026&format=xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Cơ quan"
    assert rows[1][0] == "Toàn tỉnh"
    from egov.monitoring import indicators

    # Every indicator of every group, whichever group the page shows.
    assert len(rows[0]) == 1 + len(indicators.INDICATORS)
    home = next(r for r in rows if r[0] == "Sở Nội vụ")
    assert home[1] == 100
    finance = next(r for r in rows if r[0] == "Sở Tài chính")
    assert finance[1] == "không có dữ liệu"


def test_the_agency_dashboard_shows_definitions_the_target_gap_and_exports(
    world: Any, client_for: Any
) -> None:
    register(world, channel="paper", day=MARCH)
    leader = client_for(world.leader)
    url = f"/monitoring/co-quan/{world.home_affairs.pk}/?year=2026"
    page = leader.get(url).content.decode()
    assert "còn thiếu 50 so với mục tiêu" in page
    assert "văn bản đến bị thu hồi không tính" in page
    assert "03/2026" in page
    response = leader.get(url + "&format=xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    first = list(sheet.iter_rows(values_only=True))[1]
    assert first[1:] == (0, 50, 50)


def test_an_administrator_sets_a_target_through_the_form(world: Any, client_for: Any) -> None:
    admin = client_for(world.admin)
    response = admin.post(
        "/monitoring/muc-tieu/",
        {
            "indicator": "onestop_on_time_rate",
            "unit": world.finance.pk,
            "year": "2026",
            "value": "97,5",
        },
    )
    assert response.status_code == 302
    target = Target.objects.get(indicator_code="onestop_on_time_rate")
    assert (target.unit, target.year, target.value) == (world.finance, 2026, Decimal("97.5"))
    assert "Sở Tài chính" in admin.get("/monitoring/muc-tieu/").content.decode()


def test_bad_target_input_is_explained_in_the_error_summary(world: Any, client_for: Any) -> None:
    admin = client_for(world.admin)
    response = admin.post(
        "/monitoring/muc-tieu/", {"indicator": "", "value": "năm mươi", "year": "hai"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Chọn một chỉ tiêu." in page
    assert "Nhập mục tiêu là một số" in page
    assert 'href="#t-year"' in page
    response = admin.post(
        "/monitoring/muc-tieu/", {"indicator": "edoc_electronic_share", "value": "120"}
    )
    assert response.status_code == 400
    assert "phải từ 0 đến 100" in response.content.decode()


def test_a_leader_sees_the_targets_but_may_not_set_one(world: Any, client_for: Any) -> None:
    leader = client_for(world.leader)
    page = leader.get("/monitoring/muc-tieu/").content.decode()
    assert "50" in page and "Đặt mục tiêu" not in page
    response = leader.post(
        "/monitoring/muc-tieu/", {"indicator": "edoc_electronic_share", "value": "60"}
    )
    assert response.status_code == 404
    assert client_for(world.clerk).get("/monitoring/muc-tieu/").status_code == 404


def test_the_provincial_dashboard_pages_its_agencies_and_exports_them_all(
    world: Any, client_for: Any, monkeypatch: Any
) -> None:
    import io

    import openpyxl

    from egov.monitoring import access, views

    monkeypatch.setattr(views, "PAGE_ROWS", 2)
    admin = client_for(world.admin)
    agencies = [a.name for a in access.all_agencies()]
    assert len(agencies) > 2
    first = admin.get("/monitoring/?year=2026").content.decode()
    second = admin.get("/monitoring/?year=2026&page=2").content.decode()
    assert "Toàn tỉnh" in first and "Toàn tỉnh" in second
    assert agencies[0] in first and agencies[0] not in second
    assert agencies[2] in second and agencies[2] not in first
    pages = -(-len(agencies) // 2)
    assert f"Trang 2/{pages}" in second
    sheet = openpyxl.load_workbook(
        io.BytesIO(admin.get("/monitoring/?year=2026&format=xlsx").content)
    ).active
    assert [row[0] for row in sheet.iter_rows(min_row=3, values_only=True)] == agencies
