from django.urls import path

from egov.signatures import views, views_scans

app_name = "signatures"

urlpatterns = [
    path("keys/", views.key_list, name="keys"),
    path("scans/new/", views_scans.scan_new, name="scan_new"),
    path("scans/<int:pk>/", views_scans.scan_confirm, name="scan_confirm"),
    path("outgoing/<int:pk>/sign/", views.sign_as_signer, name="sign"),
    path("outgoing/<int:pk>/seal/", views.seal_as_organisation, name="seal"),
    path("outgoing/<int:pk>/signed/<int:signature_pk>/", views.signed_file, name="signed_file"),
    path("copies/<int:pk>/seal/", views.seal_copy, name="seal_copy"),
    path("copies/<int:pk>/file/", views.copy_file, name="copy_file"),
]
