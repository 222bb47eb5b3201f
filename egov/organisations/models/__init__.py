from egov.organisations.models.areas import AdminArea, AdminAreaName, AdminAreaSuccession
from egov.organisations.models.people import Employment, Person, Position, StaffEvent
from egov.organisations.models.roles import RoleAssignment
from egov.organisations.models.units import OrgEvent, OrgEventLink, OrgUnit, OrgUnitVersion

__all__ = [
    "AdminArea",
    "AdminAreaName",
    "AdminAreaSuccession",
    "Employment",
    "OrgEvent",
    "OrgEventLink",
    "OrgUnit",
    "OrgUnitVersion",
    "Person",
    "Position",
    "RoleAssignment",
    "StaffEvent",
]
