"""Citizens' pages of this part, without login: mounted on the internal host and on the
portal's hosts (egov/public_urls.py) at the same path."""

from django.urls import URLPattern, URLResolver, path

from egov.onestop.views import public

app_name = "onestop_public"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", public.catalogue, name="catalogue"),
    path("thu-tuc/<str:code>/", public.procedure_detail, name="procedure"),
    path("thu-tuc/<str:code>/nop/", public.submit, name="submit"),
    path("xac-minh-email/", public.verify_email, name="verify_email"),
    path("ho-so-cua-toi/", public.my_dossiers, name="my_dossiers"),
    path("tra-cuu/", public.lookup, name="lookup"),
    path("tra-cuu/<str:code>/", public.lookup_detail, name="lookup_detail"),
    path("tra-cuu/<str:code>/giay-tiep-nhan.pdf", public.receipt_pdf, name="receipt"),
    path("tra-cuu/<str:code>/<slug:verb>/", public.citizen_action, name="citizen_action"),
]
