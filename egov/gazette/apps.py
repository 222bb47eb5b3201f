from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GazetteConfig(AppConfig):
    name = "egov.gazette"
    verbose_name = _("Công báo và văn bản quy phạm pháp luật")

    def ready(self) -> None:
        from egov.gazette import (
            audit_names,  # noqa: F401 - registers names
        )
        from egov.gazette.nav import gazette_nav
        from egov.home import NAV_PROVIDERS
        from egov.lib.demo import DemoLoader, register_demo_loader

        register_demo_loader(DemoLoader("gazette", "egov.gazette.demo", order=70))
        if gazette_nav not in NAV_PROVIDERS:
            NAV_PROVIDERS.append(gazette_nav)
