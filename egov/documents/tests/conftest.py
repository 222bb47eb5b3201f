import pytest


@pytest.fixture(autouse=True)
def _document_types(request):
    """The 29 reference types, which a transactional test run earlier on the same worker
    may have emptied (the data migration does not run again)."""
    marker = request.node.get_closest_marker("django_db")
    if marker is None:
        return
    transactional = bool(marker.kwargs.get("transaction"))
    request.getfixturevalue("transactional_db" if transactional else "db")
    from egov.documents.actions.catalogue import ensure_document_types

    ensure_document_types()
