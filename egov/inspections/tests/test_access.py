"""The access matrix of every inspections page: anonymous visitors are sent to log in; a
user without a role, a specialist of a sibling agency and the sibling agency's leader get
404; the inspected agency's leader sees its inspection and answers; the team conducts."""

from __future__ import annotations

from typing import Any

import pytest

from egov.inspections.actions import checklist
from egov.inspections.tests.helpers import concluded_with_finding, pdf_upload

pytestmark = pytest.mark.django_db

ANON = "anonymous"


@pytest.fixture
def state(world: Any, team: Any) -> dict[str, Any]:
    inspection, finding = concluded_with_finding(team)
    item = inspection.items.earliest("order")
    checklist.attach_item_evidence(
        actor=team.member, item=item, uploads=[pdf_upload()], skip_access_check=True
    )
    return {
        "plan": team.plan.pk,
        "inspection": inspection.pk,
        "item": item.pk,
        "finding": finding.pk,
        "evidence": item.evidence.get().pk,
        "people": {
            "citizen": world.citizen,
            "outsider": world.outsider,
            "finance_leader": team.finance_leader,
            "leader": world.leader,
            "member": team.member,
            "inspector": team.inspector,
        },
    }


def _check(
    client: Any, client_for: Any, state: dict[str, Any], method: str, url: str, **expected: int
) -> None:
    """Every persona in turn; ``expected`` gives the status per persona name (the
    forbidden ones first, the ones allowed to write last)."""
    for name, status in expected.items():
        if name == ANON:
            client.logout()
            response = client.get(url) if method == "get" else client.post(url, {})
        else:
            c = client_for(state["people"][name])
            response = c.get(url) if method == "get" else c.post(url, {})
        assert response.status_code == status, (name, url, response.status_code)


NOBODY = {"citizen": 404, "outsider": 404, "finance_leader": 404}


def test_plan_list(client: Any, client_for: Any, state: dict[str, Any]) -> None:
    _check(
        client,
        client_for,
        state,
        "get",
        "/kiem-tra/",
        anonymous=302,
        **NOBODY,
        leader=302,
        member=200,
        inspector=200,
    )


def test_new_plan(client: Any, client_for: Any, state: dict[str, Any]) -> None:
    _check(
        client,
        client_for,
        state,
        "get",
        "/kiem-tra/ke-hoach/moi/",
        anonymous=302,
        **NOBODY,
        leader=404,
        member=404,
        inspector=200,
    )


def test_plan_detail(client: Any, client_for: Any, state: dict[str, Any]) -> None:
    url = f"/kiem-tra/ke-hoach/{state['plan']}/"
    _check(
        client,
        client_for,
        state,
        "get",
        url,
        anonymous=302,
        **NOBODY,
        leader=404,
        member=200,
        inspector=200,
    )


def test_plan_change(client: Any, client_for: Any, state: dict[str, Any]) -> None:
    url = f"/kiem-tra/ke-hoach/{state['plan']}/sua/"
    _check(
        client,
        client_for,
        state,
        "post",
        url,
        anonymous=302,
        **NOBODY,
        leader=404,
        member=404,
        inspector=404,
    )


def test_inspection_detail(client: Any, client_for: Any, state: dict[str, Any]) -> None:
    url = f"/kiem-tra/cuoc/{state['inspection']}/"
    _check(
        client,
        client_for,
        state,
        "get",
        url,
        anonymous=302,
        **NOBODY,
        leader=200,
        member=200,
        inspector=200,
    )


def test_inspection_move(client: Any, client_for: Any, state: dict[str, Any]) -> None:
    url = f"/kiem-tra/cuoc/{state['inspection']}/chuyen/"
    _check(
        client,
        client_for,
        state,
        "post",
        url,
        anonymous=302,
        **NOBODY,
        leader=404,
        member=404,
        inspector=404,
    )


def test_checklist_writes(client: Any, client_for: Any, state: dict[str, Any]) -> None:
    base = f"/kiem-tra/cuoc/{state['inspection']}/"
    for url in (
        f"{base}muc/{state['item']}/",
        f"{base}muc/{state['item']}/minh-chung/",
        f"{base}muc/moi/",
        f"{base}ton-tai/",
    ):
        _check(
            client,
            client_for,
            state,
            "post",
            url,
            anonymous=302,
            **NOBODY,
            leader=404,
            member=302,
            inspector=302,
        )


def test_report_pdf(client: Any, client_for: Any, state: dict[str, Any]) -> None:
    url = f"/kiem-tra/cuoc/{state['inspection']}/bien-ban.pdf"
    _check(client, client_for, state, "get", url, anonymous=302, **NOBODY, leader=200, member=200)


def test_findings_list(client: Any, client_for: Any, state: dict[str, Any]) -> None:
    _check(
        client,
        client_for,
        state,
        "get",
        "/kiem-tra/ton-tai/",
        anonymous=302,
        **NOBODY,
        leader=200,
        member=200,
        inspector=200,
    )


def test_finding_detail(client: Any, client_for: Any, state: dict[str, Any]) -> None:
    url = f"/kiem-tra/ton-tai/{state['finding']}/"
    _check(
        client,
        client_for,
        state,
        "get",
        url,
        anonymous=302,
        **NOBODY,
        leader=200,
        member=200,
        inspector=200,
    )


def test_finding_answer(client: Any, client_for: Any, state: dict[str, Any]) -> None:
    url = f"/kiem-tra/ton-tai/{state['finding']}/khac-phuc/"
    _check(client, client_for, state, "post", url, anonymous=302, **NOBODY, member=404, leader=302)


def test_finding_decide(client: Any, client_for: Any, state: dict[str, Any]) -> None:
    url = f"/kiem-tra/ton-tai/{state['finding']}/danh-gia/"
    _check(
        client,
        client_for,
        state,
        "post",
        url,
        anonymous=302,
        **NOBODY,
        leader=404,
        member=404,
        inspector=404,
    )


def test_agency_view(client: Any, client_for: Any, state: dict[str, Any]) -> None:
    _check(
        client,
        client_for,
        state,
        "get",
        "/kiem-tra/co-quan/",
        anonymous=302,
        **NOBODY,
        leader=200,
        member=200,
    )


def test_evidence_download(client: Any, client_for: Any, state: dict[str, Any]) -> None:
    url = f"/kiem-tra/minh-chung/{state['evidence']}/"
    _check(
        client,
        client_for,
        state,
        "get",
        url,
        anonymous=302,
        **NOBODY,
        leader=200,
        member=200,
        inspector=200,
    )


def test_an_agency_leader_sees_nothing_of_a_plan_still_in_draft(
    world: Any, team: Any, client_for: Any
) -> None:
    import datetime as dt

    from egov.inspections.actions import plans

    plan = plans.create_plan(
        actor=team.inspector,
        year=2026,
        number="09/KH-TKT",
        title="Dự thảo",
        purpose="",
        period_from=dt.date(2026, 1, 1),
        period_to=dt.date(2026, 2, 1),
        leader=team.inspector,
    )
    draft = plans.add_agency(
        actor=team.inspector, plan=plan, agency=world.finance, scheduled_on=dt.date(2026, 6, 1)
    )
    assert client_for(team.finance_leader).get(f"/kiem-tra/cuoc/{draft.pk}/").status_code == 404
    assert client_for(team.inspector).get(f"/kiem-tra/cuoc/{draft.pk}/").status_code == 200
