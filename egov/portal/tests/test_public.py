"""The sites served at their hostnames: pages, live sections, the portal home, search
without diacritics, feeds, sitemap, print and save, English versions, the page cache."""

from __future__ import annotations

import base64
import re
from typing import Any

import pytest
from django.core.cache import cache

from egov.portal.actions.publishing import publish_page
from egov.portal.demo import add_week, fill_site
from egov.portal.models import NewsPage, ScheduleIndexPage
from egov.portal.tests.helpers import published_news

pytestmark = pytest.mark.django_db

SNV = "snv.localhost"
PORTAL = "portal.localhost"


def get(client: Any, host: str, path: str) -> Any:
    return client.get(path, HTTP_HOST=host)


def test_the_internal_host_keeps_the_officials_home(sites: Any, client: Any) -> None:
    response = client.get("/", HTTP_HOST="localhost")
    assert response.status_code in (200, 302)
    assert b"portal-quick" not in response.content


def test_an_agency_hostname_serves_its_site_with_every_section(sites: Any, client: Any) -> None:
    fill_site(sites.home_affairs)
    home = get(client, SNV, "/")
    assert home.status_code == 200
    text = home.content.decode()
    assert "Sở Nội vụ" in text
    for path in (
        "/gioi-thieu/",
        "/to-chuc/",
        "/chuc-nang-nhiem-vu/",
        "/thu-tuc-hanh-chinh/",
        "/lich-cong-tac/",
        "/tin-tuc/",
        "/kinh-te-xa-hoi/",
        "/cong-van-di-den/",
        "/lien-he/",
    ):
        assert get(client, SNV, path).status_code == 200, path


def addresses_in(html: str) -> set[str]:
    """The addresses a page shows the way the mail directory does (reversed base64)."""
    return {
        base64.b64decode(value).decode()[::-1] for value in re.findall(r'data-m="([^"]+)"', html)
    }


def test_the_staff_list_is_read_live_from_the_registry(sites: Any, client: Any) -> None:
    page = get(client, SNV, "/to-chuc/").content.decode()
    assert "Nguyễn Văn Lãnh" in page  # the leader
    assert "leader@angiang.gov.vn" in addresses_in(page)  # a leader's official address
    assert "leader@angiang.gov.vn" not in page  # never in clear for harvesters
    assert "Phòng Công chức, viên chức" in page
    assert "Võ Minh Chuyên" in page
    assert "specialist@angiang.gov.vn" not in addresses_in(page)  # not a contact point
    assert "Đặng Văn Ngoài" not in page  # another agency's staff


def test_english_versions_of_organisation_functions_and_contact(sites: Any, client: Any) -> None:
    fill_site(sites.home_affairs)
    assert "Organisation structure" in get(client, SNV, "/to-chuc/en/").content.decode()
    assert "Draft decisions" in get(client, SNV, "/chuc-nang-nhiem-vu/en/").content.decode()
    assert 'lang="en"' in get(client, SNV, "/lien-he/en/").content.decode()


def test_every_article_can_be_printed_and_saved(sites: Any, client: Any) -> None:
    page = published_news(sites.home_affairs, title="Hội nghị cán bộ công chức")
    article = get(client, SNV, f"/tin-tuc/{page.slug}/").content.decode()
    assert "data-print" in article
    saved = get(client, SNV, f"/tin-tuc/{page.slug}/tai-ve/")
    assert saved["Content-Disposition"].startswith("attachment")
    assert "Hội nghị cán bộ công chức" in saved.content.decode()


def test_the_portal_home_aggregates_news_schedules_and_links_every_site(
    sites: Any, client: Any
) -> None:
    published_news(sites.home_affairs, title="Sở Nội vụ tổ chức hội nghị")
    published_news(sites.finance, title="Sở Tài chính công khai ngân sách")
    add_week(ScheduleIndexPage.objects.child_of(sites.portal).get(), leader="Chủ tịch UBND tỉnh")
    add_week(ScheduleIndexPage.objects.child_of(sites.home_affairs).get(), leader="Giám đốc")
    text = get(client, PORTAL, "/").content.decode()
    assert "Sở Nội vụ tổ chức hội nghị" in text
    assert "Sở Tài chính công khai ngân sách" in text
    assert "Chủ tịch UBND tỉnh" in text
    assert "http://snv.localhost/" in text and "http://stc.localhost/" in text
    for link in ('href="/dichvucong/"', 'href="/phan-anh/"', 'href="/cong-bao/"'):
        assert link in text


def test_search_finds_vietnamese_without_diacritics_across_all_sites(
    sites: Any, client: Any
) -> None:
    published_news(sites.home_affairs, title="Tuyển dụng công chức năm 2026")
    published_news(sites.finance, title="Quyết toán ngân sách địa phương")
    on_portal = get(client, PORTAL, "/tim-kiem/?q=tuyen+dung+cong+chuc").content.decode()
    assert "Tuyển dụng công chức năm 2026" in on_portal
    on_finance = get(client, "stc.localhost", "/tim-kiem/?q=tuyen+dung").content.decode()
    assert "Tuyển dụng công chức năm 2026" not in on_finance
    everywhere = get(client, "stc.localhost", "/tim-kiem/?q=tuyen+dung&pham_vi=tat-ca")
    assert "Tuyển dụng công chức năm 2026" in everywhere.content.decode()


def test_rss_atom_and_sitemap(sites: Any, client: Any) -> None:
    page = published_news(sites.home_affairs, title="Tin có trong nguồn cấp")
    rss = get(client, SNV, "/rss/")
    assert rss.status_code == 200 and b"<rss" in rss.content
    assert "Tin có trong nguồn cấp" in rss.content.decode()
    atom = get(client, PORTAL, "/atom/")
    assert b"http://www.w3.org/2005/Atom" in atom.content
    sitemap = get(client, SNV, "/sitemap.xml").content.decode()
    assert f"http://snv.localhost/tin-tuc/{page.slug}/" in sitemap
    assert "gioi-thieu" not in sitemap  # a draft section is not listed


def test_a_publication_empties_the_page_cache_at_once(sites: Any, client: Any) -> None:
    cache.clear()
    assert "Tin thứ hai" not in get(client, SNV, "/").content.decode()
    published_news(sites.home_affairs, title="Tin thứ hai")
    assert "Tin thứ hai" in get(client, SNV, "/").content.decode()


def test_the_cached_home_is_served_without_rendering_again(
    sites: Any, client: Any, django_assert_max_num_queries: Any
) -> None:
    get(client, SNV, "/")
    with django_assert_max_num_queries(2):
        assert get(client, SNV, "/").status_code == 200


def test_unpublished_news_is_not_shown(sites: Any, client: Any) -> None:
    page = published_news(sites.home_affairs, title="Tin sẽ gỡ")
    NewsPage.objects.get(pk=page.pk).unpublish()
    assert "Tin sẽ gỡ" not in get(client, SNV, "/tin-tuc/").content.decode()


def test_the_language_switch_is_a_link_that_sets_the_cookie(sites: Any, client: Any) -> None:
    response = get(client, SNV, "/portal/ngon-ngu/en/?next=/to-chuc/")
    assert response.status_code == 302 and response["Location"] == "/to-chuc/"
    assert response.cookies["django_language"].value == "en"
    evil = get(client, SNV, "/portal/ngon-ngu/en/?next=https://evil.example/")
    assert evil["Location"] == "/"


def test_the_schedule_week_is_printable(sites: Any, client: Any) -> None:
    week = add_week(ScheduleIndexPage.objects.child_of(sites.home_affairs).get(), leader="Giám đốc")
    text = get(client, SNV, f"/lich-cong-tac/{week.slug}/").content.decode()
    assert "data-print" in text and "Chào cờ đầu tuần" in text


def test_publishing_records_an_audit_event(sites: Any) -> None:
    from egov.audit.models import AuditEvent

    page = published_news(sites.home_affairs)
    publish_page(actor=sites.world.leader, page=NewsPage.objects.get(pk=page.pk))
    assert AuditEvent.objects.filter(
        action="portal.page_published", actor=sites.world.leader, object_id=str(page.pk)
    ).exists()


def test_the_public_pages_speak_english_when_asked(sites: Any, client: Any) -> None:
    client.cookies["django_language"] = "en"
    text = get(client, SNV, "/").content.decode()
    assert "Skip to main content" in text
    assert "Section update status" in text
    assert 'lang="en"' in text


def test_search_covers_the_weekly_schedules_of_the_portal_and_the_agencies(
    sites: Any, client: Any
) -> None:
    from egov.portal.demo import add_week
    from egov.portal.models import ScheduleIndexPage

    add_week(ScheduleIndexPage.objects.child_of(sites.home_affairs).get(), leader="Giám đốc Sở")
    found = get(client, PORTAL, "/tim-kiem/?q=doan+kiem+tra+cap+nhat").content.decode()
    assert "/lich-cong-tac/tuan-" in found
    on_finance = get(client, "stc.localhost", "/tim-kiem/?q=doan+kiem+tra+cap+nhat")
    assert "/lich-cong-tac/tuan-" not in on_finance.content.decode()
