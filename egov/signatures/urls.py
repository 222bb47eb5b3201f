from django.urls import path

from egov.signatures import views

app_name = "signatures"

urlpatterns = [
    path("keys/", views.key_list, name="keys"),
    path("outgoing/<int:pk>/sign/", views.sign_as_signer, name="sign"),
    path("outgoing/<int:pk>/seal/", views.seal_as_organisation, name="seal"),
    path("outgoing/<int:pk>/signed/<int:signature_pk>/", views.signed_file, name="signed_file"),
]
