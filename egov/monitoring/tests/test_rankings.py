"""Ranking methods: validated with clear reasons, runs stored, explained and reproducible."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from egov.audit.models import AuditEvent
from egov.lib.errors import ActionError, PermissionDenied
from egov.monitoring import ranking
from egov.monitoring.actions import recompute, run_ranking, save_method
from egov.monitoring.indicators import Period
from egov.monitoring.ranking import CriterionSpec
from egov.monitoring.tests.helpers import register

pytestmark = pytest.mark.django_db

MARCH = dt.date(2026, 3, 10)
YEAR = Period.year(2026)


def spec(name: str, code: str, weight: str, floor: str = "0", target: str = "100") -> CriterionSpec:
    return CriterionSpec(name, code, Decimal(weight), Decimal(floor), Decimal(target))


def test_a_correct_method_has_no_errors() -> None:
    assert (
        ranking.method_errors(
            [
                spec("Văn bản điện tử", "edoc_electronic_share", "60", "0", "50"),
                spec("Xử lý đúng hạn", "edoc_overdue_rate", "40", "30", "0"),
            ]
        )
        == []
    )


@pytest.mark.parametrize(
    ("criteria", "message"),
    [
        (
            [spec("A", "edoc_electronic_share", "60")],
            "Tổng trọng số các tiêu chí là 60, phải bằng 100.",
        ),
        (
            [spec("A", "", "100")],
            "Tiêu chí “A” chưa có nguồn số liệu: hãy chọn một chỉ tiêu.",
        ),
        (
            [
                spec("A", "edoc_electronic_share", "50"),
                spec("a", "edoc_overdue_rate", "50", "30", "0"),
            ],
            "Tiêu chí “a” bị trùng tên.",
        ),
        (
            [spec("A", "edoc_electronic_share", "50"), spec("B", "edoc_electronic_share", "50")],
            "Tiêu chí “B” dùng lại chỉ tiêu",
        ),
        ([spec("A", "nonsense", "100")], "không có chỉ tiêu mã “nonsense”"),
        (
            [spec("A", "edoc_overdue_rate", "100", "0", "30")],
            "càng thấp càng tốt nên mức điểm tối đa phải nhỏ hơn mức 0 điểm",
        ),
        ([], "ít nhất một tiêu chí"),
    ],
)
def test_bad_methods_are_explained(criteria: list[CriterionSpec], message: str) -> None:
    assert any(message in error for error in ranking.method_errors(criteria))


def test_scoring_is_linear_between_floor_and_target_and_clamped() -> None:
    c = spec("A", "edoc_electronic_share", "100", "10", "50")
    assert ranking.points(30.0, c) == Decimal("50.00")
    assert ranking.points(5.0, c) == 0
    assert ranking.points(80.0, c) == 100
    lower = spec("B", "edoc_overdue_rate", "100", "30", "0")
    assert ranking.points(15.0, lower) == Decimal("50.00")


def test_saving_a_method_refuses_all_its_problems_at_once(world: Any) -> None:
    with pytest.raises(ActionError) as caught:
        save_method(actor=world.admin, name="", criteria=[spec("A", "", "70")])
    text = " ".join(caught.value.messages)
    assert "Hãy đặt tên phương pháp." in text
    assert "chưa có nguồn số liệu" in text
    assert "là 70, phải bằng 100" in text


def test_only_a_system_administrator_configures_a_method(world: Any) -> None:
    with pytest.raises(PermissionDenied):
        save_method(
            actor=world.leader,
            name="Xếp hạng",
            criteria=[spec("A", "edoc_electronic_share", "100")],
        )


def _method(world: Any) -> Any:
    return save_method(
        actor=world.admin,
        name="Xếp hạng ứng dụng CNTT",
        criteria=[
            spec("Văn bản điện tử", "edoc_electronic_share", "70", "0", "50"),
            spec("Phản ánh đúng hạn", "feedback_on_time_rate", "30", "50", "100"),
        ],
    )


def test_a_run_ranks_agencies_and_explains_each_criterion(world: Any) -> None:
    register(world, channel="exchange", day=MARCH)
    register(world, channel="paper", day=MARCH)
    for _ in range(3):
        register(world, channel="exchange", day=MARCH, unit=world.finance)
    method = _method(world)
    # No feedback at all in 2026: the criterion cannot be scored and the run says why.
    with pytest.raises(ActionError) as caught:
        run_ranking(actor=world.admin, method=method, period=YEAR)
    assert caught.value.code == "no_data"
    assert "Phản ánh đúng hạn" in " ".join(caught.value.messages)
    method = save_method(
        actor=world.admin,
        method=method,
        name=method.name,
        criteria=[spec("Văn bản điện tử", "edoc_electronic_share", "100", "0", "50")],
    )
    run = run_ranking(actor=world.admin, method=method, period=YEAR)
    results = {r.unit: r for r in run.results.all()}
    assert results[world.finance].rank == 1
    assert results[world.finance].score == 100
    assert results[world.home_affairs].details[0]["value"] == 50.0
    assert results[world.home_affairs].details[0]["points"] == "100.00"
    # Two agencies at 100 share the first place; the office and the commune have no data.
    assert results[world.home_affairs].score == 100
    assert results[world.home_affairs].rank == 1
    assert results[world.commune].score == 0
    assert "không có dữ liệu" in results[world.commune].details[0]["note"]
    assert AuditEvent.objects.filter(action="monitoring.ranking.run").count() == 1


def test_recomputing_a_run_gives_the_same_scores(world: Any) -> None:
    register(world, channel="exchange", day=MARCH)
    register(world, channel="paper", day=MARCH, unit=world.finance)
    method = save_method(
        actor=world.admin,
        name="Văn bản điện tử",
        criteria=[spec("Văn bản điện tử", "edoc_electronic_share", "100", "0", "80")],
    )
    run = run_ranking(actor=world.admin, method=method, period=YEAR)
    stored = sorted((r.unit_id, str(r.score), r.rank) for r in run.results.all())
    assert recompute(run) == stored
    # Changing the method later does not change what the run recomputes.
    save_method(
        actor=world.admin,
        method=method,
        name=method.name,
        criteria=[spec("Văn bản điện tử", "edoc_electronic_share", "100", "0", "20")],
    )
    run.refresh_from_db()
    assert recompute(run) == stored
