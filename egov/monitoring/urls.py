from django.urls import URLPattern, URLResolver, path

from egov.monitoring import views, views_rankings, views_records, views_records_overview

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
    # Agency records: IT plan, IT staff, training (issue 8).
    path("co-quan/<int:pk>/ho-so/", views_records.records, name="records"),
    path(
        "co-quan/<int:pk>/ho-so/ke-hoach/<int:year>/",
        views_records.plan_form,
        name="plan_form",
    ),
    path("ho-so/ke-hoach/<int:plan_pk>/duyet/", views_records.plan_decide, name="plan_decide"),
    path("ho-so/ke-hoach/<int:plan_pk>/ket-qua/", views_records.plan_results, name="plan_results"),
    path("co-quan/<int:pk>/ho-so/can-bo/", views_records.staff_assign, name="staff_assign"),
    path("ho-so/can-bo/<int:staff_pk>/ket-thuc/", views_records.staff_end, name="staff_end"),
    path("co-quan/<int:pk>/ho-so/tap-huan/", views_records.training_form, name="training_form"),
    path(
        "ho-so/minh-chung/<str:kind>/<int:target_pk>/",
        views_records.evidence_upload,
        name="evidence_upload",
    ),
    path("ho-so/minh-chung/<int:evidence_pk>/", views_records.evidence_file, name="evidence_file"),
    path("ho-so/", views_records_overview.overview, name="records_overview"),
]
