from egov.organisations.views.importing import import_data
from egov.organisations.views.registry import person_detail, staff_directory, tree, unit_detail

__all__ = ["import_data", "person_detail", "staff_directory", "tree", "unit_detail"]
