from egov.organisations.views.importing import import_data
from egov.organisations.views.people import grant_role, record_staff_event, revoke_role
from egov.organisations.views.registry import person_detail, staff_directory, tree, unit_detail

__all__ = [
    "grant_role",
    "import_data",
    "person_detail",
    "record_staff_event",
    "revoke_role",
    "staff_directory",
    "tree",
    "unit_detail",
]
