from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecordsConfig(AppConfig):
    name = "egov.records"
    verbose_name = _("Hồ sơ và lưu trữ")

    def ready(self) -> None:
        from egov.documents import hooks
        from egov.home import NAV_PROVIDERS, PANEL_PROVIDERS
        from egov.lib.demo import DemoLoader, register_demo_loader
        from egov.records import (
            audit_names,  # noqa: F401 - registers names
        )
        from egov.records.nav import records_nav
        from egov.records.panels import document_files_panel, handover_due_panel
        from egov.records.panels_tools import document_tools_panel

        register_demo_loader(DemoLoader("records", "egov.records.demo", order=50))
        if records_nav not in NAV_PROVIDERS:
            NAV_PROVIDERS.append(records_nav)
        if handover_due_panel not in PANEL_PROVIDERS:
            PANEL_PROVIDERS.append(handover_due_panel)
        hooks.on_document_panel(document_files_panel)
        hooks.on_document_panel(document_tools_panel)
