from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SignaturesConfig(AppConfig):
    name = "egov.signatures"
    verbose_name = _("Chữ ký số")

    def ready(self) -> None:
        from egov.documents import hooks
        from egov.home import NAV_PROVIDERS
        from egov.lib.demo import DemoLoader, register_demo_loader
        from egov.signatures import (
            audit_names,  # noqa: F401 - registers names
        )
        from egov.signatures.actions.signing import awaits_organisation_signature
        from egov.signatures.actions.verification import on_incoming_files
        from egov.signatures.nav import signatures_nav
        from egov.signatures.panels import document_panel
        from egov.signatures.prefill import registration_prefill
        from egov.signatures.queries import failing_signature_condition

        register_demo_loader(DemoLoader("signatures", "egov.signatures.demo", order=40))
        hooks.on_incoming_files(on_incoming_files)
        hooks.on_dispatch_gate(awaits_organisation_signature)
        hooks.on_document_panel(document_panel)
        hooks.on_registration_prefill(registration_prefill)
        hooks.on_incoming_row_badge(
            hooks.RowBadge(
                name="signature_failed",
                condition=failing_signature_condition,
                label=_("Chữ ký số không đạt"),
                modifier="flag",
            )
        )
        if signatures_nav not in NAV_PROVIDERS:
            NAV_PROVIDERS.append(signatures_nav)
