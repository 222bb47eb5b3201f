"""Citizens' pages of this part, without login: mounted on the internal host and on the
portal's hosts (egov/public_urls.py) at the same path."""

from django.urls import URLPattern, URLResolver, path

from egov.gazette.views import public

app_name = "gazette_public"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", public.search, name="search"),
    path("van-ban/<int:pk>/", public.document_detail, name="document"),
    path("van-ban/<int:pk>/ban-goc.pdf", public.document_pdf, name="document_pdf"),
    path("so/", public.issue_list, name="issues"),
    path("so/<int:pk>/", public.issue_detail, name="issue"),
    path("so/<int:pk>/cong-bao.pdf", public.issue_pdf, name="issue_pdf"),
    path("feed/", public.feed, name="feed"),
]
