"""The URLs of the provincial portal's and the agency sites' hostnames (issue 6).

The citizens' pages of the one-stop-shop, feedback and the gazette are mounted here at the
same paths as on the internal host (egov/urls.py), so a link works on either. Everything
else is a Wagtail page of the site the hostname names (``egov.portal.middleware``)."""

from django.urls import include, path, re_path
from wagtail.urls import serve_pattern

from egov.portal.views import public as portal_public

PUBLIC_PARTS = [
    path("dichvucong/", include("egov.onestop.public_urls")),
    path("phan-anh/", include("egov.feedback.public_urls")),
    path("cong-bao/", include("egov.gazette.public_urls")),
]

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    *PUBLIC_PARTS,
    path("", include("egov.portal.public_urls")),
    # Wagtail's catch-all last: the page tree of the site this hostname belongs to.
    re_path(serve_pattern, portal_public.serve, name="wagtail_serve"),
]
