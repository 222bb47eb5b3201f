from __future__ import annotations

from typing import TYPE_CHECKING

from django.apps import AppConfig
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from egov.audit.scoping import UnitChoice


def audit_unit_choices(unit_ids: list[int] | None) -> list[UnitChoice]:
    """Labels of the units offered by the audit screen's filter (``None``: every unit)."""
    from egov.audit.scoping import UnitChoice
    from egov.organisations.models import OrgUnit

    units = OrgUnit.objects.all() if unit_ids is None else OrgUnit.objects.filter(pk__in=unit_ids)
    return [
        UnitChoice(
            id=unit.pk,
            label=unit.name
            if unit.valid_to is None
            else gettext("%(name)s (đã giải thể)") % {"name": unit.name},
            depth=unit.depth,
            tree_key=unit.path,
        )
        for unit in units.only("pk", "name", "valid_to", "depth", "path")
    ]


class OrganisationsConfig(AppConfig):
    name = "egov.organisations"
    verbose_name = _("Tổ chức, cán bộ")

    def ready(self) -> None:
        from egov.accounts.policy import register_two_factor_predicate
        from egov.audit.scoping import register_unit_scope
        from egov.home import PANEL_PROVIDERS
        from egov.organisations import access, audit_names  # noqa: F401 - registers names
        from egov.organisations.panels import my_unit_panel

        register_two_factor_predicate(access.two_factor_predicate)
        if my_unit_panel not in PANEL_PROVIDERS:
            PANEL_PROVIDERS.append(my_unit_panel)
        register_unit_scope(access.audit_unit_ids, labels=audit_unit_choices)
