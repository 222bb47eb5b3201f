"""Citizens' pages of this part, without login: mounted on the internal host and on the
portal's hosts (egov/public_urls.py) at the same path."""

from django.urls import URLPattern, URLResolver

app_name = "onestop_public"

urlpatterns: list[URLPattern | URLResolver] = []
