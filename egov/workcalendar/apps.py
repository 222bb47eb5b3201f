from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkCalendarConfig(AppConfig):
    name = "egov.workcalendar"
    verbose_name = _("Lịch làm việc")

    def ready(self) -> None:
        from egov.workcalendar import audit_names  # noqa: F401 - registers names
