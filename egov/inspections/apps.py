from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InspectionsConfig(AppConfig):
    name = "egov.inspections"
    verbose_name = _("Kiểm tra việc vận hành hệ thống")

    def ready(self) -> None:
        from egov.home import NAV_PROVIDERS
        from egov.inspections import (
            audit_names,  # noqa: F401 - registers names
        )
        from egov.inspections.nav import inspections_nav
        from egov.lib.demo import DemoLoader, register_demo_loader

        register_demo_loader(DemoLoader("inspections", "egov.inspections.demo", order=96))
        if inspections_nav not in NAV_PROVIDERS:
            NAV_PROVIDERS.append(inspections_nav)
