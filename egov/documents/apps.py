from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "egov.documents"
    verbose_name = _("Quản lý văn bản")

    def ready(self) -> None:
        from egov.documents import (
            audit_names,  # noqa: F401 - registers names
        )
        from egov.documents.nav import documents_nav
        from egov.documents.panels import my_documents_panel
        from egov.home import NAV_PROVIDERS, PANEL_PROVIDERS
        from egov.lib.demo import DemoLoader, register_demo_loader

        register_demo_loader(DemoLoader("e-office", "egov.documents.demo", order=20))
        if documents_nav not in NAV_PROVIDERS:
            NAV_PROVIDERS.append(documents_nav)
        if my_documents_panel not in PANEL_PROVIDERS:
            PANEL_PROVIDERS.append(my_documents_panel)
