"""Exchange formats: SDMX-ML 2.1 and SDMX-CSV export, DHIS2 DXF2 (JSON, XML, CSV) and ADX
import and export, GSO PX-Web CSV import. Codecs only turn files into
:class:`~egov.reporting.exchange.observations.Observation` rows and back; resolving codes
and writing is :mod:`egov.reporting.actions.exchange`."""
