"""Sections read live from the other parts, and the moderation workflow of news."""

from __future__ import annotations

from typing import Any

import pytest

from egov.portal.models import NewsPage
from egov.portal.queries import document_counts_of, figures_of, procedures_of
from egov.portal.tests.helpers import draft_news

pytestmark = pytest.mark.django_db


def _register(world: Any, code: str, **fields: Any) -> Any:
    from egov.documents.actions.incoming import register_incoming
    from egov.documents.testing import doc_type

    return register_incoming(
        actor=world.clerk,
        unit=world.home_affairs,
        document_type=doc_type(code),
        issuer_name="UBND tỉnh",
        subject=fields.pop("subject", "Về việc triển khai"),
        skip_access_check=True,
        **fields,
    )


def test_document_counts_by_type_leave_out_secret_documents(sites: Any, client: Any) -> None:
    _register(sites.world, "cong-van")
    _register(sites.world, "cong-van")
    _register(sites.world, "quyet-dinh")
    _register(sites.world, "cong-van", secrecy=1)
    counts = document_counts_of(sites.world.home_affairs)
    by_type = {row["type"]: row["incoming"] for row in counts.rows}
    assert counts.incoming_total == 3
    assert sorted(by_type.values()) == [1, 2]
    page = client.get("/cong-van-di-den/", HTTP_HOST="snv.localhost").content.decode()
    assert "3 văn bản đến" in page
    assert document_counts_of(sites.world.finance).incoming_total == 0


def test_empty_states_where_a_part_has_no_data(sites: Any, client: Any) -> None:
    assert figures_of(sites.world.home_affairs) == []
    assert procedures_of(sites.world.home_affairs) == []
    text = client.get("/kinh-te-xa-hoi/", HTTP_HOST="snv.localhost").content.decode()
    assert "Chưa có số liệu kinh tế - xã hội đã được duyệt" in text
    text = client.get("/thu-tuc-hanh-chinh/", HTTP_HOST="snv.localhost").content.decode()
    assert "Chưa có thủ tục hành chính" in text


def test_an_editor_submits_news_and_the_agency_leader_approves_it(sites: Any) -> None:
    page = draft_news(sites.home_affairs, title="Tin chờ duyệt")
    page.save_revision(user=sites.editor)
    workflow = page.get_workflow()
    assert workflow is not None
    state = workflow.start(page, sites.editor)
    task_state = state.current_task_state
    task = task_state.task.specific
    actions = [name for name, *_ in task.get_actions(page, sites.world.leader)]
    assert "approve" in actions
    assert task.get_actions(page, sites.finance_editor) == []
    task.on_action(task_state, sites.world.leader, "approve")
    assert NewsPage.objects.get(pk=page.pk).live


def test_ktxh_figures_show_approved_reports_only(sites: Any, client: Any) -> None:
    from egov.reporting.testing import approve_fully, build_ktxh, fill, month

    k = build_ktxh(sites.world)
    approved = fill(k, sites.world.commune, k.commune_reporter, month(2026, 1), revenue="1250")
    approve_fully(k, approved)
    fill(k, sites.world.commune, k.commune_reporter, month(2026, 2), revenue="9999")
    figures = figures_of(sites.world.commune)
    assert figures and {f.period for f in figures} == {month(2026, 1).code}
    host = "uy-ban-nhan-dan-xa-dinh-my.localhost"
    text = client.get("/kinh-te-xa-hoi/", HTTP_HOST=host).content.decode()
    assert k.revenue.name in text and "1250" in text
    assert "9999" not in text


def test_the_one_stop_catalogue_shows_on_the_agency_site_and_the_portal(
    sites: Any, client: Any
) -> None:
    from egov.onestop.testing import make_procedure

    make_procedure(sites.world)
    assert [p.name for p in procedures_of(sites.world.home_affairs)] == ["Cấp giấy phép thử nghiệm"]
    assert procedures_of(sites.world.finance) == []
    text = client.get("/thu-tuc-hanh-chinh/", HTTP_HOST="snv.localhost").content.decode()
    assert "Cấp giấy phép thử nghiệm" in text and "1.000001" in text
    portal = client.get("/", HTTP_HOST="portal.localhost").content.decode()
    assert "Cấp giấy phép thử nghiệm" in portal
