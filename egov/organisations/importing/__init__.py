"""Import and export of units and staff as XLSX or CSV.

An import validates every row first and writes nothing unless the whole file is clean;
then it writes through the registry's actions in one transaction. Files are limited to
:data:`egov.lib.tabular.MAX_ROWS` rows, which keeps an import short enough to run inside the
request (no background task, so the user sees the report at once).
"""

from egov.organisations.importing.report import ImportReport, RowError, RowOutcome
from egov.organisations.importing.staff import import_staff
from egov.organisations.importing.units import import_units

__all__ = ["ImportReport", "RowError", "RowOutcome", "import_staff", "import_units"]
