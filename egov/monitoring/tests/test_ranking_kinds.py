"""Website rankings beside IT-use rankings: a website method reads only website indicators,
and its bad input is explained like any method's; the pages choose and filter the kind."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from egov.lib.dates import local_today
from egov.lib.errors import ActionError
from egov.monitoring import ranking_kinds
from egov.monitoring.actions import run_ranking, save_method
from egov.monitoring.choices import Group, RankingKind
from egov.monitoring.indicators import Period
from egov.monitoring.models import RankingMethod
from egov.monitoring.ranking import CriterionSpec

pytestmark = pytest.mark.django_db

WRONG_GROUP = (
    "Tiêu chí “Văn bản”: chỉ tiêu “Tỷ lệ văn bản điện tử trong tổng số văn bản gửi, nhận” "
    "thuộc nhóm “Văn bản điện tử”; xếp hạng trang thông tin điện tử chỉ dùng chỉ tiêu nhóm "
    "“Trang thông tin điện tử”."
)


def spec(name: str, code: str, weight: str, floor: str = "0", target: str = "100") -> CriterionSpec:
    return CriterionSpec(name, code, Decimal(weight), Decimal(floor), Decimal(target))


def website_method(world: Any, *criteria: CriterionSpec) -> RankingMethod:
    return save_method(
        actor=world.admin,
        name="Xếp hạng trang thông tin điện tử",
        kind=RankingKind.WEBSITE,
        criteria=list(criteria) or [spec("Trang đạt yêu cầu", "portal_site_compliance", "100")],
    )


def _refusal(world: Any, *criteria: CriterionSpec) -> str:
    with pytest.raises(ActionError) as caught:
        website_method(world, *criteria)
    return " ".join(caught.value.messages)


def test_a_website_method_with_the_website_indicator_is_accepted(world: Any) -> None:
    assert website_method(world).kind == RankingKind.WEBSITE


def test_a_website_method_refuses_an_indicator_of_another_group_and_says_why(
    world: Any,
) -> None:
    text = _refusal(
        world,
        spec("Trang đạt yêu cầu", "portal_site_compliance", "50"),
        spec("Văn bản", "edoc_electronic_share", "50"),
    )
    assert text == WRONG_GROUP


def test_an_it_use_method_may_read_any_group(world: Any) -> None:
    method = save_method(
        actor=world.admin,
        name="Ứng dụng CNTT",
        criteria=[
            spec("Trang", "portal_site_compliance", "50"),
            spec("Kế hoạch", "records_plan_approved", "50"),
        ],
    )
    assert method.kind == RankingKind.IT_USE


@pytest.mark.parametrize(
    ("criteria", "message"),
    [
        (
            [spec("Trang đạt yêu cầu", "portal_site_compliance", "60")],
            "Tổng trọng số các tiêu chí là 60, phải bằng 100.",
        ),
        (
            [spec("Trang đạt yêu cầu", "", "100")],
            "Tiêu chí “Trang đạt yêu cầu” chưa có nguồn số liệu: hãy chọn một chỉ tiêu.",
        ),
        (
            [spec("Trang đạt yêu cầu", "portal_site_compliance", "100", "80", "20")],
            "chỉ tiêu càng cao càng tốt nên mức điểm tối đa phải lớn hơn mức 0 điểm",
        ),
    ],
)
def test_a_bad_website_method_is_explained(
    world: Any, criteria: list[CriterionSpec], message: str
) -> None:
    assert message in _refusal(world, *criteria)


def test_an_unknown_kind_is_refused(world: Any) -> None:
    with pytest.raises(ActionError) as caught:
        save_method(
            actor=world.admin,
            name="X",
            kind="both",
            criteria=[spec("Trang", "portal_site_compliance", "100")],
        )
    assert (
        "Chọn loại xếp hạng: ứng dụng CNTT hoặc trang thông tin điện tử." in caught.value.messages
    )


def test_a_website_run_without_any_site_says_there_is_no_data(world: Any) -> None:
    method = website_method(world)
    with pytest.raises(ActionError) as caught:
        run_ranking(actor=world.admin, method=method, period=Period.year(local_today().year))
    assert caught.value.code == "no_data"
    assert "không cơ quan nào có số liệu của chỉ tiêu" in " ".join(caught.value.messages)


def test_a_website_run_ranks_the_agencies_sites(world: Any) -> None:
    from egov.portal.actions import provisioning

    provisioning.provision_sites(actor=world.admin)
    run = run_ranking(
        actor=world.admin, method=website_method(world), period=Period.year(local_today().year)
    )
    assert run.results.count() == 4
    assert run.method_snapshot[0]["indicator_code"] == "portal_site_compliance"


def test_a_run_refuses_a_website_method_whose_criteria_no_longer_fit(world: Any) -> None:
    method = website_method(world)
    method.criteria.update(indicator_code="edoc_electronic_share", name="Văn bản")
    with pytest.raises(ActionError) as caught:
        run_ranking(actor=world.admin, method=method, period=Period.year(2026))
    assert WRONG_GROUP in " ".join(caught.value.messages)


def test_the_website_indicators_come_from_the_registry() -> None:
    codes = [i.code for i in ranking_kinds.indicators_for(RankingKind.WEBSITE)]
    assert "portal_site_compliance" in codes
    assert all(i.group == Group.WEBSITE for i in ranking_kinds.indicators_for(RankingKind.WEBSITE))


def test_the_method_form_saves_the_kind_and_explains_a_wrong_criterion(
    world: Any, client_for: Any
) -> None:
    admin = client_for(world.admin)
    data = {
        "name": "Trang thông tin",
        "kind": "website",
        "c0-name": "Văn bản",
        "c0-indicator": "edoc_electronic_share",
        "c0-weight": "100",
        "c0-floor": "0",
        "c0-target": "100",
    }
    response = admin.post("/monitoring/xep-hang/phuong-phap/moi/", data)
    assert response.status_code == 400
    assert WRONG_GROUP in response.content.decode()
    data |= {"c0-name": "Trang", "c0-indicator": "portal_site_compliance"}
    assert admin.post("/monitoring/xep-hang/phuong-phap/moi/", data).status_code == 302
    assert RankingMethod.objects.get().kind == RankingKind.WEBSITE


def test_the_rankings_page_filters_by_kind(world: Any, client_for: Any) -> None:
    website_method(world)
    save_method(
        actor=world.admin,
        name="Ứng dụng CNTT năm",
        criteria=[spec("Văn bản", "edoc_electronic_share", "100")],
    )
    leader = client_for(world.leader)
    websites = leader.get("/monitoring/xep-hang/?kind=website").content.decode()
    assert "Xếp hạng trang thông tin điện tử" in websites
    assert "Ứng dụng CNTT năm" not in websites
    both = leader.get("/monitoring/xep-hang/").content.decode()
    assert "Ứng dụng CNTT năm" in both and "Xếp hạng trang thông tin điện tử" in both
