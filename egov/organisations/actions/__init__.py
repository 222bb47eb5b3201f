"""The only code that writes to the organisation registry: one function per verb.

Each action: access check (``skip_access_check=True`` only for system jobs such as imports
run from the command line) → validation → save → audit record, all in one transaction.
"""

from egov.organisations.actions.people import (
    end_employment,
    hire_person,
    link_user,
    return_from_leave,
    transfer_person,
    update_person,
)
from egov.organisations.actions.roles import grant_role, revoke_role
from egov.organisations.actions.units import (
    create_unit,
    dissolve_unit,
    merge_units,
    move_unit,
    rename_unit,
    split_unit,
    update_unit_contacts,
)

__all__ = [
    "create_unit",
    "dissolve_unit",
    "end_employment",
    "grant_role",
    "hire_person",
    "link_user",
    "merge_units",
    "move_unit",
    "rename_unit",
    "return_from_leave",
    "revoke_role",
    "split_unit",
    "transfer_person",
    "update_person",
    "update_unit_contacts",
]
