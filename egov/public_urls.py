"""The URLs of the provincial portal's and the agency sites' hostnames (issue 6).

The citizens' pages of the one-stop-shop, feedback and the gazette are mounted here at the
same paths as on the internal host (egov/urls.py), so a link works on either.
"""

from django.urls import include, path

PUBLIC_PARTS = [
    path("dichvucong/", include("egov.onestop.public_urls")),
    path("phan-anh/", include("egov.feedback.public_urls")),
    path("cong-bao/", include("egov.gazette.public_urls")),
]

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    *PUBLIC_PARTS,
]
