from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "egov.organisations"
    verbose_name = _("Tổ chức, cán bộ")

    def ready(self) -> None:
        from egov.accounts.policy import register_two_factor_predicate
        from egov.audit.scoping import register_unit_scope
        from egov.organisations import access, audit_names  # noqa: F401 - registers names

        register_two_factor_predicate(access.two_factor_predicate)
        register_unit_scope(access.audit_unit_ids)
