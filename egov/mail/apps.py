from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MailConfig(AppConfig):
    name = "egov.mail"
    verbose_name = _("Thư điện tử công vụ")

    def ready(self) -> None:
        from egov.documents import hooks as document_hooks
        from egov.home import NAV_PROVIDERS
        from egov.lib.demo import DemoLoader, register_demo_loader
        from egov.mail import (
            audit_names,  # noqa: F401 - registers names
        )
        from egov.mail.actions import notices, staff
        from egov.mail.nav import mail_nav
        from egov.mail.panels import document_mail_panel
        from egov.organisations import hooks

        document_hooks.on_document_panel(document_mail_panel)
        document_hooks.on_assign(notices.on_assigned)
        register_demo_loader(DemoLoader("mail", "egov.mail.demo", order=40))
        hooks.on_hires(staff.on_hires)
        hooks.on_transfer(staff.on_transfer)
        hooks.on_leave(staff.on_leave)
        hooks.on_return(staff.on_return)
        if mail_nav not in NAV_PROVIDERS:
            NAV_PROVIDERS.append(mail_nav)
