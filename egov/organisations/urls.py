from django.urls import path

from egov.organisations import views

app_name = "organisations"
urlpatterns = [
    path("tree/", views.tree, name="tree"),
    path("units/<int:pk>/", views.unit_detail, name="unit"),
    path("staff/", views.staff_directory, name="staff"),
    path("staff/<int:pk>/", views.person_detail, name="person"),
    path("import/", views.import_data, name="import"),
]
