"""Public views on the portal's and the agencies' hostnames: Wagtail's page serving with a
cache emptied at every publication, search, feeds, sitemap and the language switch."""

from __future__ import annotations

import time
from typing import Any
from xml.sax.saxutils import escape

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from egov.portal import queries
from egov.portal.constants import FEED_ITEMS, PAGE_CACHE_SECONDS
from egov.portal.models import CacheGeneration

SITEMAP_LIMIT = 50_000


#: The publication counter is read from the database at most once a second per process:
#: another process's publication is seen within a second, this process's at once
#: (:func:`forget_generation`, called after every publication).
GENERATION_TTL_SECONDS = 1.0
_generation_memo: tuple[float, int] = (0.0, 0)


def _generation() -> int:
    global _generation_memo
    now = time.monotonic()
    read_at, value = _generation_memo
    if now - read_at < GENERATION_TTL_SECONDS:
        return value
    stored = CacheGeneration.objects.filter(pk=1).values_list("value", flat=True).first()
    _generation_memo = (now, int(stored or 0))
    return _generation_memo[1]


def forget_generation() -> None:
    global _generation_memo
    _generation_memo = (0.0, 0)


def _cacheable(request: HttpRequest) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not request.GET
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def serve(request: HttpRequest, path: str) -> Any:
    """Wagtail's serve; anonymous GETs without a query string from the cache, keyed by the
    publication counter (one indexed read) and kept PAGE_CACHE_SECONDS for live data."""
    if not _cacheable(request):
        return wagtail_views.serve(request, path)
    key = f"portal:page:{_generation()}:{request.get_host()}:{translation.get_language()}:{path}"
    cached = cache.get(key)
    if cached is not None:
        return cached
    response = wagtail_views.serve(request, path)
    if hasattr(response, "render") and not response.is_rendered:
        response.render()
    if response.status_code == 200 and not response.cookies:
        cache.set(key, response, PAGE_CACHE_SECONDS)
    return response


def language(request: HttpRequest, code: str) -> HttpResponse:
    """Switch the language by a link (no form, so cached pages carry no CSRF token)."""
    target = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = "/"
    response = HttpResponseRedirect(target)
    if code in dict(settings.LANGUAGES):
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME, code, max_age=365 * 24 * 3600, samesite="Lax"
        )
    return response


def _site_root(request: HttpRequest) -> Page | None:
    site = Site.find_for_request(request)
    return site.root_page if site else None


def search(request: HttpRequest) -> HttpResponse:
    text = request.GET.get("q", "").strip()[:200]
    everywhere = request.GET.get("pham_vi") == "tat-ca"
    root = None if everywhere else _site_root(request)
    if root is not None and root.depth < 3:
        root = None  # the portal searches every site
    results = queries.search(text, root=root) if text else []
    return render(
        request,
        "portal/search.html",
        {"q": text, "results": results, "everywhere": everywhere or root is None},
    )


class LatestNewsFeed(Feed):  # type: ignore[type-arg] # Django's Feed is generic in stubs
    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        self.request = request
        return _site_root(request)

    def title(self, obj: Any) -> str:
        return _("Tin mới: %(site)s") % {"site": obj.title if obj else settings.WAGTAIL_SITE_NAME}

    def link(self, obj: Any) -> str:
        return "/"

    def description(self, obj: Any) -> str:
        return _("Tin tức hoạt động và phổ biến pháp luật")

    def items(self, obj: Any) -> list[Any]:
        root = obj if obj is not None and obj.depth >= 3 else None
        return list(queries.live_news(root)[:FEED_ITEMS])

    def item_title(self, item: Any) -> str:
        return str(item.title)

    def item_description(self, item: Any) -> str:
        return str(item.intro)

    def item_link(self, item: Any) -> str:
        return str(item.get_full_url(self.request))

    def item_pubdate(self, item: Any) -> Any:
        return item.first_published_at


class AtomNewsFeed(LatestNewsFeed):
    feed_type = Atom1Feed
    subtitle = LatestNewsFeed.description


def rss(request: HttpRequest) -> HttpResponse:
    return LatestNewsFeed()(request)


def atom(request: HttpRequest) -> HttpResponse:
    return AtomNewsFeed()(request)


def sitemap(request: HttpRequest) -> HttpResponse:
    """Every live public page of this site (up to the sitemap protocol's 50,000 URLs)."""
    site = Site.find_for_request(request)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ]
    if site is not None:
        root = site.root_page
        base = site.root_url
        cut = len(root.url_path)
        pages = (
            Page.objects.live()
            .public()
            .filter(path__startswith=root.path)
            .order_by("path")
            .values_list("url_path", "last_published_at")[:SITEMAP_LIMIT]
        )
        for url_path, last in pages:
            lines.append(
                f"<url><loc>{escape(base + '/' + url_path[cut:])}</loc>"
                + (f"<lastmod>{last.date().isoformat()}</lastmod>" if last else "")
                + "</url>"
            )
    lines.append("</urlset>")
    return HttpResponse("\n".join(lines), content_type="application/xml; charset=utf-8")
