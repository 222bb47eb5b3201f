from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GazetteConfig(AppConfig):
    name = "egov.gazette"
    verbose_name = _("Công báo và văn bản quy phạm pháp luật")
