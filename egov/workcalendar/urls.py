from django.urls import path

from egov.workcalendar import views

app_name = "workcalendar"
urlpatterns = [
    path("", views.overrides, name="overrides"),
    path("<int:pk>/remove/", views.remove, name="remove"),
]
