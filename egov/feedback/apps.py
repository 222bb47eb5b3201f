from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    name = "egov.feedback"
    verbose_name = _("Phản ánh, kiến nghị")

    def ready(self) -> None:
        from egov.feedback import (
            audit_names,  # noqa: F401 - registers names
        )
        from egov.feedback.nav import feedback_nav
        from egov.feedback.panels import feedback_due_panel
        from egov.home import NAV_PROVIDERS, PANEL_PROVIDERS
        from egov.lib.demo import DemoLoader, register_demo_loader

        register_demo_loader(DemoLoader("feedback", "egov.feedback.demo", order=70))
        if feedback_nav not in NAV_PROVIDERS:
            NAV_PROVIDERS.append(feedback_nav)
        if feedback_due_panel not in PANEL_PROVIDERS:
            PANEL_PROVIDERS.append(feedback_due_panel)
