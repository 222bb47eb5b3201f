from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "egov.accounts"
    verbose_name = _("Tài khoản")

    def ready(self) -> None:
        from egov.accounts import audit_names  # noqa: F401 - registers the action names
        from egov.accounts.receivers import connect  # the audit records of logins

        connect()
