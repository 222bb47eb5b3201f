from django.urls import URLPattern, URLResolver, path

from egov.onestop.views import manage, officer

app_name = "onestop"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", officer.queue, name="queue"),
    path("ho-so/<int:pk>/", officer.dossier_detail, name="dossier_detail"),
    path("ho-so/<int:pk>/mau-<int:number>.pdf", officer.dossier_form_pdf, name="dossier_form"),
    path("ho-so/<int:pk>/<slug:verb>/", officer.dossier_action, name="dossier_action"),
    path("tiep-nhan/", officer.receive_start, name="receive_start"),
    path("tiep-nhan/<int:procedure_id>/<int:unit_id>/", officer.receive_form, name="receive_form"),
    path("so-theo-doi/", officer.tracking_book, name="book"),
    path("thu-tuc/", manage.procedure_list, name="procedure_list"),
    path("thu-tuc/nhap/", manage.procedure_import, name="procedure_import"),
    path("thong-ke/", manage.statistics, name="statistics"),
    path("dong-bo/trang-thai/", manage.national_feed, name="national_feed"),
]
