"""Reference data: Vietnam's administrative units before and after the 2025 reform.

``import_admin_areas(directory)`` loads the four files of ``shared/fixtures/ktxh/vn_admin``
into AdminArea / AdminAreaName / AdminAreaSuccession (see ``plan`` for the dating rules and
``parsing`` for the merger map's free text).
"""

from egov.organisations.reference.importer import ImportReport, import_admin_areas
from egov.organisations.reference.sources import AdminAreaImportError

__all__ = ["AdminAreaImportError", "ImportReport", "import_admin_areas"]
