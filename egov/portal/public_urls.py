"""The portal's own public URLs on the portal's and agencies' hostnames (namespace
"portal", like the internal ones, so ``{% url 'portal:language' %}`` works on both)."""

from django.urls import URLPattern, URLResolver, path

from egov.portal.views import public

app_name = "portal"

urlpatterns: list[URLPattern | URLResolver] = [
    path("portal/ngon-ngu/<str:code>/", public.language, name="language"),
    path("tim-kiem/", public.search, name="search"),
    path("rss/", public.rss, name="rss"),
    path("atom/", public.atom, name="atom"),
    path("sitemap.xml", public.sitemap, name="sitemap"),
]
