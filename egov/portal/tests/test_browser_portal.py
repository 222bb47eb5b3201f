"""Every page type of the portal and an agency site in real Chromium at their hostnames:
axe-core (WCAG 2.1 AA) on each, nothing scrolls sideways on a 375px phone, the skip link
and the print button work from the keyboard."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from egov.lib.testing.browser import assert_accessible
from egov.portal.actions.publishing import publish_page
from egov.portal.demo import add_week, fill_site
from egov.portal.models import ScheduleIndexPage
from egov.portal.tests.helpers import draft_news

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 800}
DESKTOP = {"width": 1280, "height": 900}


def check_page(page: Any) -> None:
    assert_accessible(page)
    page.set_viewport_size(PHONE)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px at 375px"
    page.set_viewport_size(DESKTOP)


def test_every_page_type_is_accessible_and_works_on_a_phone(
    page: Any, live_server: Any, sites: Any
) -> None:
    port = urlsplit(live_server.url).port
    fill_site(sites.home_affairs)
    article = draft_news(sites.home_affairs, title="Hội nghị triển khai chuyển đổi số")
    article.image = Image.objects.create(title="Hội nghị", file=get_test_image_file())
    article.image_alt = "Quang cảnh hội nghị tại hội trường Sở Nội vụ"
    publish_page(actor=None, page=article)
    add_week(ScheduleIndexPage.objects.child_of(sites.portal).get(), leader="Chủ tịch UBND tỉnh")
    week = sites.home_affairs.get_descendants().filter(depth=5, slug__startswith="tuan-").first()
    agency = f"http://snv.localhost:{port}"
    portal = f"http://portal.localhost:{port}"
    page.set_viewport_size(DESKTOP)
    urls = [
        f"{portal}/",
        f"{portal}/tim-kiem/?q=chuyen+doi+so",
        f"{agency}/",
        f"{agency}/gioi-thieu/",
        f"{agency}/to-chuc/",
        f"{agency}/to-chuc/en/",
        f"{agency}/chuc-nang-nhiem-vu/",
        f"{agency}/thu-tuc-hanh-chinh/",
        f"{agency}/lich-cong-tac/",
        f"{agency}/lich-cong-tac/{week.slug}/",
        f"{agency}/tin-tuc/",
        f"{agency}/tin-tuc/{article.slug}/",
        f"{agency}/kinh-te-xa-hoi/",
        f"{agency}/cong-van-di-den/",
        f"{agency}/lien-he/en/",
    ]
    for url in urls:
        response = page.goto(url)
        assert response.status == 200, url
        check_page(page)
    # The article: keyboard to the skip link, then to the print button, which JS revealed.
    page.goto(f"{agency}/tin-tuc/{article.slug}/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    assert page.get_by_role("button", name="In bài").is_visible()
    assert page.get_by_role("img", name="Quang cảnh hội nghị tại hội trường Sở Nội vụ").is_visible()
    assert "Hội nghị triển khai chuyển đổi số" in page.get_by_role("heading", level=1).inner_text()


def test_the_compliance_report_is_accessible(page: Any, live_server: Any, sites: Any) -> None:
    from egov.lib.testing.browser import log_in
    from egov.organisations.testing import PERSONA_PASSWORD

    fill_site(sites.home_affairs)
    page.set_viewport_size(DESKTOP)
    log_in(page, "snveditor", PERSONA_PASSWORD)
    page.goto(f"{live_server.url}/portal/")
    check_page(page)
    page.get_by_role("link", name="Sở Nội vụ").click()
    page.wait_for_load_state("networkidle")
    assert "Báo cáo kiểm tra trang thông tin" in page.content()
    check_page(page)
