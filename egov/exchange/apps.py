from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangeConfig(AppConfig):
    name = "egov.exchange"
    verbose_name = _("Liên thông văn bản")

    def ready(self) -> None:
        from egov.documents import hooks
        from egov.exchange import (
            audit_names,  # noqa: F401 - registers names
        )
        from egov.exchange.actions import listeners
        from egov.exchange.nav import exchange_nav
        from egov.home import NAV_PROVIDERS
        from egov.lib.demo import DemoLoader, register_demo_loader

        register_demo_loader(DemoLoader("exchange", "egov.exchange.demo", order=30))

        hooks.on_issue(listeners.dispatch_issued)
        hooks.on_recall(listeners.dispatch_recall)
        hooks.on_distribution(listeners.dispatch_update)
        hooks.on_release(listeners.dispatch_released)
        hooks.on_incoming_status(listeners.report_progress)
        if exchange_nav not in NAV_PROVIDERS:
            NAV_PROVIDERS.append(exchange_nav)
