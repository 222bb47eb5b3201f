from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from egov import views
from egov.api import api
from egov.public_urls import PUBLIC_PARTS

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("egov.accounts.urls")),
    path("org/", include("egov.organisations.urls")),
    path("audit/", include("egov.audit.urls")),
    path("documents/", include("egov.documents.urls")),
    path("exchange/", include("egov.exchange.urls")),
    path("calendar/", include("egov.workcalendar.urls")),
    path("ktxh/", include("egov.reporting.urls")),
    path("mail/", include("egov.mail.urls")),
    path("records/", include("egov.records.urls")),
    path("signatures/", include("egov.signatures.urls")),
    path("gazette/", include("egov.gazette.urls")),
    path("onestop/", include("egov.onestop.urls")),
    path("feedback/", include("egov.feedback.urls")),
    path("portal/", include("egov.portal.urls")),
    path("monitoring/", include("egov.monitoring.urls")),
    path("kiem-tra/", include("egov.inspections.urls")),
    path("cms/", include(wagtailadmin_urls)),  # Wagtail admin: agency site editors (issue 6)
    path("cms-documents/", include(wagtaildocs_urls)),
    *PUBLIC_PARTS,
    path("api/v1/", api.urls),
    path("django-admin/", admin.site.urls),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
