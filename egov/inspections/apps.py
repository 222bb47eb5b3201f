from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InspectionsConfig(AppConfig):
    name = "egov.inspections"
    verbose_name = _("Kiểm tra việc vận hành hệ thống")
