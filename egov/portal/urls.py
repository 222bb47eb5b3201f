from django.urls import URLPattern, URLResolver, path

from egov.portal.views import internal, public

app_name = "portal"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", internal.compliance_list, name="compliance"),
    path("trang/<int:pk>/", internal.compliance_detail, name="compliance_detail"),
    path("lap-trang/", internal.provision, name="provision"),
    path("ngon-ngu/<str:code>/", public.language, name="language"),
]
