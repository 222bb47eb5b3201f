"""Citizens' pages of this part, without login: mounted on the internal host and on the
portal's hosts (egov/public_urls.py) at the same path."""

from django.urls import URLPattern, URLResolver, path, re_path

from egov.feedback.views import open311, public

app_name = "feedback_public"

_FMT = r"(?P<fmt>json|xml)"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", public.public_list, name="list"),
    path("<int:pk>/", public.public_item, name="item"),
    path("gui/", public.submit, name="submit"),
    path("xac-minh/<str:token>/", public.verify, name="verify"),
    path("theo-doi/<str:token>/", public.track, name="track"),
    path("cua-toi/", public.my_items, name="mine"),
    path("cua-toi/<int:pk>/", public.my_item, name="my_item"),
    re_path(rf"^open311/v2/discovery\.{_FMT}$", open311.discovery, name="open311_discovery"),
    re_path(rf"^open311/v2/services\.{_FMT}$", open311.services, name="open311_services"),
    re_path(
        rf"^open311/v2/services/(?P<code>[-\w]+)\.{_FMT}$",
        open311.service_definition,
        name="open311_service",
    ),
    re_path(rf"^open311/v2/requests\.{_FMT}$", open311.requests_view, name="open311_requests"),
    re_path(
        rf"^open311/v2/requests/(?P<pk>[^/.]+)\.{_FMT}$",
        open311.request_detail,
        name="open311_request",
    ),
    re_path(
        rf"^open311/v2/tokens/(?P<token>[-\w]+)\.{_FMT}$",
        open311.token_detail,
        name="open311_token",
    ),
]
