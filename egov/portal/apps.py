from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "egov.portal"
    verbose_name = _("Cổng thông tin và trang thông tin điện tử")

    def ready(self) -> None:
        from egov.home import NAV_PROVIDERS
        from egov.lib.demo import DemoLoader, register_demo_loader
        from egov.portal import (
            audit_names,  # noqa: F401 - registers names
        )
        from egov.portal.nav import portal_nav

        register_demo_loader(DemoLoader("portal", "egov.portal.demo", order=90))
        if portal_nav not in NAV_PROVIDERS:
            NAV_PROVIDERS.append(portal_nav)
