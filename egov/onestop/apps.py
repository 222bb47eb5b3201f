from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OnestopConfig(AppConfig):
    name = "egov.onestop"
    verbose_name = _("Một cửa điện tử")

    def ready(self) -> None:
        from egov.home import NAV_PROVIDERS, PANEL_PROVIDERS
        from egov.lib.demo import DemoLoader, register_demo_loader
        from egov.onestop import (
            audit_names,  # noqa: F401 - registers names
        )
        from egov.onestop.nav import onestop_nav
        from egov.onestop.panels import queue_panel

        register_demo_loader(DemoLoader("onestop", "egov.onestop.demo", order=70))
        if onestop_nav not in NAV_PROVIDERS:
            NAV_PROVIDERS.append(onestop_nav)
        if queue_panel not in PANEL_PROVIDERS:
            PANEL_PROVIDERS.append(queue_panel)
