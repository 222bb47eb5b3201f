"""The moderation workflow in the Wagtail admin: an agency editor submits, the agency's
leader approves. Content that became refusable after submission (a cited document marked
secret) is refused at approval with the clear message, and nothing goes live."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.urls import reverse

from egov.portal.models import NewsPage
from egov.portal.tests.helpers import draft_news

pytestmark = pytest.mark.django_db


def _submit(page: Any, editor: Any) -> Any:
    revision = page.save_revision(user=editor)
    workflow = page.get_workflow()
    assert workflow is not None
    workflow.start(page, editor)
    page.refresh_from_db()
    assert page.current_workflow_task_state is not None
    return revision


def _approve_url(page: Any) -> str:
    state = page.current_workflow_task_state
    return reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", state.pk))


def _mark_cited_document_secret(world: Any) -> None:
    from egov.documents.actions.incoming import register_incoming
    from egov.documents.testing import doc_type

    register_incoming(
        actor=world.clerk,
        unit=world.home_affairs,
        document_type=doc_type("ke-hoach"),
        issuer_name="Công an tỉnh",
        subject="Kế hoạch bảo đảm an ninh",
        code_number="31",
        code_notation="KH-CAT",
        secrecy=1,
        skip_access_check=True,
    )


def test_the_leader_approves_an_editors_submission_and_it_goes_live(
    sites: Any, client: Any
) -> None:
    page = draft_news(sites.home_affairs, title="Tin chờ duyệt")
    _submit(page, sites.editor)
    client.force_login(sites.world.leader)
    response = client.post(_approve_url(page), {"comment": ""})
    assert response.status_code == 302
    assert NewsPage.objects.get(pk=page.pk).live


@pytest.mark.parametrize("xhr", [False, True])
def test_approving_content_that_became_secret_is_refused_with_the_message(
    sites: Any, client: Any, xhr: bool
) -> None:
    page = draft_news(sites.home_affairs, body="<p>Thực hiện Kế hoạch 31/KH-CAT.</p>")
    _submit(page, sites.editor)
    _mark_cited_document_secret(sites.world)
    client.force_login(sites.world.leader)
    headers = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"} if xhr else {}
    response = client.post(
        _approve_url(page), {"comment": ""}, HTTP_ACCEPT_LANGUAGE="vi", **headers
    )
    if xhr:
        assert response.status_code == 200
        assert response.json()["step"] == "success"
        assert response.json()["redirect"] == f"/cms/pages/{page.pk}/edit/", response.json()
    else:
        assert response.status_code == 302
        assert response["Location"] == f"/cms/pages/{page.pk}/edit/"
    page.refresh_from_db()
    assert not page.live
    assert page.live_revision is None
    assert page.current_workflow_task_state is not None, "the submission stays in moderation"
    shown = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    assert "văn bản mật" in shown.content.decode()


def test_approving_from_the_edit_view_is_refused_too_and_nothing_goes_live(
    sites: Any, client: Any
) -> None:
    page = draft_news(sites.home_affairs, body="<p>Thực hiện Kế hoạch 31/KH-CAT.</p>")
    _submit(page, sites.editor)
    _mark_cited_document_secret(sites.world)
    client.force_login(sites.world.leader)
    edit = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    response = client.post(
        edit,
        {
            "title": page.title,
            "slug": page.slug,
            "intro": page.intro,
            "body": json.dumps(
                {
                    "blocks": [
                        {
                            "key": "a",
                            "type": "unstyled",
                            "text": "Thực hiện Kế hoạch 31/KH-CAT.",
                            "depth": 0,
                            "inlineStyleRanges": [],
                            "entityRanges": [],
                        }
                    ],
                    "entityMap": {},
                }
            ),
            "category": page.category,
            "date": page.date.isoformat(),
            "action-workflow-action": "true",
            "workflow-action-name": "approve",
        },
        HTTP_ACCEPT_LANGUAGE="vi",
        follow=True,
    )
    assert response.status_code == 200
    assert "văn bản mật" in response.content.decode()
    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_task_state is not None
