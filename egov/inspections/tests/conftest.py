from egov.documents.tests.conftest import _document_types  # noqa: F401 - autouse fixture
