from django.urls import URLPattern, URLResolver, path

from egov.inspections.views import findings, inspections, plans, templates

app_name = "inspections"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", plans.plan_list, name="plans"),
    path("ke-hoach/moi/", plans.plan_new, name="plan_new"),
    path("ke-hoach/<int:pk>/", plans.plan_detail, name="plan"),
    path("ke-hoach/<int:pk>/sua/", plans.plan_change, name="plan_change"),
    path("cuoc/<int:pk>/", inspections.inspection_detail, name="inspection"),
    path("cuoc/<int:pk>/chuyen/", inspections.inspection_move, name="inspection_move"),
    path("cuoc/<int:pk>/muc/<int:item_pk>/", inspections.item_save, name="item_save"),
    path(
        "cuoc/<int:pk>/muc/<int:item_pk>/minh-chung/",
        inspections.item_evidence,
        name="item_evidence",
    ),
    path("cuoc/<int:pk>/muc/moi/", inspections.item_add, name="item_add"),
    path("cuoc/<int:pk>/ton-tai/", inspections.finding_add, name="finding_add"),
    path("cuoc/<int:pk>/bien-ban.pdf", inspections.inspection_report, name="report"),
    path("ton-tai/", findings.finding_list, name="findings"),
    path("ton-tai/<int:pk>/", findings.finding_detail, name="finding"),
    path("ton-tai/<int:pk>/khac-phuc/", findings.finding_answer, name="finding_answer"),
    path("ton-tai/<int:pk>/danh-gia/", findings.finding_decide, name="finding_decide"),
    path("co-quan/", findings.agency_view, name="agency"),
    path("mau/", templates.template_list, name="templates"),
    path("minh-chung/<int:pk>/", findings.evidence_download, name="evidence"),
]
