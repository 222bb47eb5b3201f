from __future__ import annotations

import io
from typing import Any

import pytest

from egov.portal import demo
from egov.portal.freshness import compliance_of
from egov.portal.models import AgencyHomePage, IntroductionPage, NewsPage

pytestmark = pytest.mark.django_db


def test_an_editor_opens_their_own_pages_in_the_cms_and_not_another_agencys(
    sites: Any, client: Any
) -> None:
    client.force_login(sites.editor)
    own = IntroductionPage.objects.child_of(sites.home_affairs).get()
    other = IntroductionPage.objects.child_of(sites.finance).get()
    assert client.get(f"/cms/pages/{own.pk}/edit/").status_code == 200
    assert client.get(f"/cms/pages/{other.pk}/edit/").status_code in (302, 403)


def test_an_editor_previews_a_draft_in_the_cms(sites: Any, client: Any) -> None:
    from egov.portal.tests.helpers import draft_news

    page = draft_news(sites.home_affairs, title="Bản nháp xem trước")
    client.force_login(sites.editor)
    response = client.get(f"/cms/pages/{page.pk}/view_draft/")
    assert response.status_code == 200
    assert "Bản nháp xem trước" in response.content.decode()


def test_the_demo_loader_fills_the_first_sites(world: Any) -> None:
    assert not demo.loaded()
    demo.load(io.StringIO())
    assert demo.loaded()
    home = AgencyHomePage.objects.get(unit=world.home_affairs)  # bientap.snv's agency
    filled = [s.section for s in compliance_of(home).sections if s.filled]
    assert len(filled) >= 8
    assert NewsPage.objects.filter(category="legal").exists()
