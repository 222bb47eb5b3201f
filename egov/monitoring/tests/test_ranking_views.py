"""Ranking pages: configuring a method, running it, the explained table and its export."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import openpyxl
import pytest

from egov.monitoring.models import RankingMethod, RankingRun
from egov.monitoring.tests.helpers import register

pytestmark = pytest.mark.django_db

MARCH = dt.date(2026, 3, 10)


def _criteria(*rows: tuple[str, str, str, str, str]) -> dict[str, str]:
    data: dict[str, str] = {}
    for i, (name, code, weight, floor, target) in enumerate(rows):
        data.update(
            {
                f"c{i}-name": name,
                f"c{i}-indicator": code,
                f"c{i}-weight": weight,
                f"c{i}-floor": floor,
                f"c{i}-target": target,
            }
        )
    return data


def test_an_administrator_configures_runs_and_exports_a_ranking(
    world: Any, client_for: Any
) -> None:
    register(world, channel="exchange", day=MARCH, unit=world.finance)
    register(world, channel="paper", day=MARCH)
    register(world, channel="exchange", day=MARCH)
    admin = client_for(world.admin)
    assert admin.get("/monitoring/xep-hang/phuong-phap/moi/").status_code == 200
    response = admin.post(
        "/monitoring/xep-hang/phuong-phap/moi/",
        {
            "name": "Xếp hạng CNTT",
            **_criteria(("Văn bản điện tử", "edoc_electronic_share", "100", "0", "100")),
        },
    )
    assert response.status_code == 302
    method = RankingMethod.objects.get()
    response = admin.post("/monitoring/xep-hang/", {"method": method.pk, "year": "2026"})
    run = RankingRun.objects.get()
    assert response["Location"] == f"/monitoring/xep-hang/{run.pk}/"
    page = admin.get(response["Location"]).content.decode()
    assert page.index("Sở Tài chính") < page.index("Sở Nội vụ")
    assert "giá trị 50 → 50/100 điểm" in page
    assert "không có dữ liệu trong kỳ: 0 điểm" in page
    sheet = openpyxl.load_workbook(
        io.BytesIO(admin.get(response["Location"] + "?format=xlsx").content)
    ).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Hạng", "Cơ quan", "Tổng điểm")
    assert rows[1][:3] == (1, "Sở Tài chính", 100)


def test_a_bad_method_is_refused_with_every_reason(world: Any, client_for: Any) -> None:
    admin = client_for(world.admin)
    response = admin.post(
        "/monitoring/xep-hang/phuong-phap/moi/",
        {
            "name": "Sai",
            **_criteria(
                ("Văn bản", "edoc_electronic_share", "50", "0", "50"),
                ("Văn bản", "", "30", "0", "50"),
            ),
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Tổng trọng số các tiêu chí là 80, phải bằng 100." in page
    assert "chưa có nguồn số liệu" in page
    assert "bị trùng tên" in page
    assert not RankingMethod.objects.exists()
    response = admin.post(
        "/monitoring/xep-hang/phuong-phap/moi/",
        {"name": "Sai", **_criteria(("A", "edoc_electronic_share", "nhiều", "0", "50"))},
    )
    assert (
        "Dòng 1: trọng số, mức 0 điểm và mức điểm tối đa phải là số." in response.content.decode()
    )


def test_a_run_over_a_period_without_data_is_explained(world: Any, client_for: Any) -> None:
    admin = client_for(world.admin)
    admin.post(
        "/monitoring/xep-hang/phuong-phap/moi/",
        {"name": "CNTT", **_criteria(("Văn bản", "edoc_electronic_share", "100", "0", "50"))},
    )
    method = RankingMethod.objects.get()
    response = admin.post("/monitoring/xep-hang/", {"method": method.pk, "year": "2019"})
    assert response.status_code == 400
    assert "không cơ quan nào có số liệu" in response.content.decode()
    assert not RankingRun.objects.exists()


def test_a_leader_sees_runs_with_their_agency_only_and_cannot_configure(
    world: Any, client_for: Any
) -> None:
    register(world, channel="exchange", day=MARCH, unit=world.finance)
    admin = client_for(world.admin)
    admin.post(
        "/monitoring/xep-hang/phuong-phap/moi/",
        {"name": "CNTT", **_criteria(("Văn bản", "edoc_electronic_share", "100", "0", "50"))},
    )
    admin.post("/monitoring/xep-hang/", {"method": RankingMethod.objects.get().pk, "year": "2026"})
    run = RankingRun.objects.get()
    leader = client_for(world.leader)
    page = leader.get(f"/monitoring/xep-hang/{run.pk}/").content.decode()
    assert "Sở Nội vụ" in page and "Sở Tài chính" not in page
    assert leader.get("/monitoring/xep-hang/phuong-phap/moi/").status_code == 404
    assert (
        leader.post("/monitoring/xep-hang/", {"method": run.method_id, "year": "2026"}).status_code
        == 404
    )
    for persona in ("clerk", "outsider", "citizen"):
        client = client_for(getattr(world, persona))
        assert client.get("/monitoring/xep-hang/").status_code == 404
        assert client.get(f"/monitoring/xep-hang/{run.pk}/").status_code == 404


def test_a_run_page_charts_the_scores_and_the_points_per_criterion_of_its_table(
    world: Any, client_for: Any
) -> None:
    import json
    import re
    from decimal import Decimal

    from egov.monitoring.actions import run_ranking, save_method
    from egov.monitoring.indicators import Period
    from egov.monitoring.ranking import CriterionSpec

    register(world, channel="exchange", day=MARCH, unit=world.finance)
    register(world, channel="paper", day=MARCH)
    register(world, channel="exchange", day=MARCH)
    method = save_method(
        actor=world.admin,
        name="Hai tiêu chí",
        criteria=[
            CriterionSpec(
                "Điện tử", "edoc_electronic_share", Decimal(60), Decimal(0), Decimal(100)
            ),
            CriterionSpec("Quá hạn", "edoc_overdue_rate", Decimal(40), Decimal(50), Decimal(0)),
        ],
    )
    run = run_ranking(actor=world.admin, method=method, period=Period.year(2026))
    page = client_for(world.admin).get(f"/monitoring/xep-hang/{run.pk}/").content.decode()
    found = re.search(r'<script id="r-chart-data" type="application/json">(.*?)</script>', page)
    assert found is not None
    chart = json.loads(found.group(1))
    results = list(run.results.select_related("unit"))
    assert chart["labels"] == [r.unit.short_name or r.unit.name for r in results]
    assert chart["totals"] == [float(r.score) for r in results]
    assert [c["name"] for c in chart["criteria"]] == ["Điện tử", "Quá hạn"]
    for i, series in enumerate(chart["criteria"]):
        assert series["data"] == [float(r.details[i]["weighted"]) for r in results]
    # Stacked, the criteria add up to each agency's total.
    for n, total in enumerate(chart["totals"]):
        assert sum(s["data"][n] for s in chart["criteria"]) == pytest.approx(total)
    assert 'role="img"' in page and 'aria-describedby="r-chart-note"' in page
    assert "Bảng dưới đây có cùng số liệu với các biểu đồ." in page
