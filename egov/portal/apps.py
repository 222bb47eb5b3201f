from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "egov.portal"
    verbose_name = _("Cổng thông tin và trang thông tin điện tử")
