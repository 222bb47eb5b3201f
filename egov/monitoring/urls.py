from django.urls import URLPattern, URLResolver, path

from egov.monitoring import views

app_name = "monitoring"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.dashboard, name="dashboard"),
    path("co-quan/<int:pk>/", views.agency, name="agency"),
    path("muc-tieu/", views.targets, name="targets"),
]
