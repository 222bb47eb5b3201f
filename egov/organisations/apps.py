from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "egov.organisations"
    verbose_name = _("Tổ chức, cán bộ")

    def ready(self) -> None:
        from egov.accounts.policy import register_two_factor_predicate
        from egov.audit.scoping import register_unit_scope
        from egov.organisations import access, audit_names  # noqa: F401 - registers names

        from egov.home import PANEL_PROVIDERS
        from egov.organisations.panels import my_unit_panel

        register_two_factor_predicate(access.two_factor_predicate)
        if my_unit_panel not in PANEL_PROVIDERS:
            PANEL_PROVIDERS.append(my_unit_panel)
        register_unit_scope(access.audit_unit_ids)
