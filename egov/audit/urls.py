from django.urls import path

from egov.audit import views

app_name = "audit"
urlpatterns = [
    path("", views.event_list, name="list"),
    path("export.csv", views.event_export, name="export"),
    path("<int:pk>/", views.event_detail, name="detail"),
]
