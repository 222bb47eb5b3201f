from django.urls import URLPattern, URLResolver, path

from egov.monitoring import views, views_rankings

app_name = "monitoring"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.dashboard, name="dashboard"),
    path("co-quan/<int:pk>/", views.agency, name="agency"),
    path("muc-tieu/", views.targets, name="targets"),
    path("bao-cao/", views.report, name="report"),
    path("xep-hang/", views_rankings.rankings, name="rankings"),
    path("xep-hang/<int:pk>/", views_rankings.ranking_run, name="ranking_run"),
    path("xep-hang/phuong-phap/moi/", views_rankings.method_form, name="method_new"),
    path("xep-hang/phuong-phap/<int:pk>/", views_rankings.method_form, name="method_edit"),
]
