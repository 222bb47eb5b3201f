from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "egov.reporting"
    label = "reporting"
    verbose_name = _("Báo cáo kinh tế - xã hội")

    def ready(self) -> None:
        from egov.home import NAV_PROVIDERS, PANEL_PROVIDERS
        from egov.lib.demo import DemoLoader, register_demo_loader
        from egov.reporting import (
            audit_names,  # noqa: F401 - registers names
        )
        from egov.reporting.nav import reporting_nav
        from egov.reporting.panels import reporting_panel

        register_demo_loader(DemoLoader("ktxh", "egov.reporting.demo", order=40))
        if reporting_nav not in NAV_PROVIDERS:
            NAV_PROVIDERS.append(reporting_nav)
        if reporting_panel not in PANEL_PROVIDERS:
            PANEL_PROVIDERS.append(reporting_panel)
