"""An agency editor's day in the real Wagtail admin (real Chromium): open /cms/, edit a
news article of their own agency's site, preview it, submit it to moderation; the agency
leader approves; the article is on the agency's hostname (axe on the public page, not on
Wagtail's admin, which is not ours). The editor cannot open another agency's page."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest

from egov.lib.testing.browser import assert_accessible, log_in
from egov.organisations.testing import PERSONA_PASSWORD
from egov.portal.models import IntroductionPage, NewsPage
from egov.portal.tests.helpers import draft_news

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEW_TITLE = "Sở Nội vụ triển khai hồ sơ điện tử toàn trình"


def test_an_editor_edits_previews_and_submits_and_the_leader_approves(
    page: Any, live_server: Any, sites: Any
) -> None:
    article = draft_news(sites.home_affairs, title="Tin nháp của Sở")
    other = IntroductionPage.objects.child_of(sites.finance).get()
    log_in(page, "snveditor", PERSONA_PASSWORD)
    assert page.goto("/cms/").status == 200

    # Edit the article of their own site and save a draft.
    page.goto(f"/cms/pages/{article.pk}/edit/")
    page.locator("#id_title").fill(NEW_TITLE)
    page.locator("button[name='action-submit']").dispatch_event("click")
    page.wait_for_load_state("networkidle")
    article.refresh_from_db()
    assert article.current_workflow_task_state is not None, "submitted to moderation"
    assert not article.live
    # Preview: the draft as it will look.
    assert page.goto(f"/cms/pages/{article.pk}/view_draft/").status == 200
    assert NEW_TITLE in page.get_by_role("heading", level=1).inner_text()

    # Another agency's page: refused, and absent from the explorer.
    response = page.goto(f"/cms/pages/{other.pk}/edit/")
    assert response.status == 403 or urlsplit(page.url).path != f"/cms/pages/{other.pk}/edit/"
    page.goto(f"/cms/pages/{sites.portal.pk}/")
    explorer = page.locator("main").inner_text()
    assert "Sở Nội vụ" in explorer and "Sở Tài chính" not in explorer

    # The leader approves in the admin.
    page.context.clear_cookies()
    log_in(page, sites.world.leader.username, PERSONA_PASSWORD)
    page.goto(f"/cms/pages/{article.pk}/edit/")
    approve = page.locator("button[data-workflow-action-name='approve']").first
    with page.expect_navigation():
        approve.dispatch_event("click")
    page.wait_for_load_state("networkidle")
    published = NewsPage.objects.get(pk=article.pk)
    assert published.live and published.title == NEW_TITLE

    # The article on the agency's hostname, accessible.
    port = urlsplit(live_server.url).port
    public = page.goto(f"http://snv.localhost:{port}/tin-tuc/{published.slug}/")
    assert public.status == 200
    assert NEW_TITLE in page.get_by_role("heading", level=1).inner_text()
    assert_accessible(page)
