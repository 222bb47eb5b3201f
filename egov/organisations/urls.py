from django.urls import path

from egov.organisations import views

app_name = "organisations"
urlpatterns = [
    path("tree/", views.tree, name="tree"),
    path("units/<int:pk>/", views.unit_detail, name="unit"),
    path("staff/", views.staff_directory, name="staff"),
    path("staff/<int:pk>/", views.person_detail, name="person"),
    path("staff/<int:pk>/events/", views.record_staff_event, name="person_event"),
    path("staff/<int:pk>/roles/grant/", views.grant_role, name="person_role_grant"),
    path("staff/<int:pk>/roles/revoke/", views.revoke_role, name="person_role_revoke"),
    path("import/", views.import_data, name="import"),
    path("import/template/<str:kind>/", views.importing.import_template, name="import_template"),
    path("export/units.<str:fmt>", views.importing.export_units_file, name="export_units"),
    path("export/staff.<str:fmt>", views.importing.export_staff_file, name="export_staff"),
]
