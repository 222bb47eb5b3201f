from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "egov.monitoring"
    verbose_name = _("Giám sát, đánh giá ứng dụng CNTT")

    def ready(self) -> None:
        from egov.home import NAV_PROVIDERS
        from egov.lib.demo import DemoLoader, register_demo_loader
        from egov.monitoring import (
            audit_names,  # noqa: F401 - registers names
            indicators_records,  # noqa: F401 - registers the indicators of the agency records
        )
        from egov.monitoring.nav import monitoring_nav

        if monitoring_nav not in NAV_PROVIDERS:
            NAV_PROVIDERS.append(monitoring_nav)
        register_demo_loader(DemoLoader("monitoring", "egov.monitoring.demo", order=95))
