import pytest


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _document_types(request):
    marker = request.node.get_closest_marker("django_db")
    if marker is None:
        return
    transactional = bool(marker.kwargs.get("transaction"))
    request.getfixturevalue("transactional_db" if transactional else "db")
    from egov.documents.actions.catalogue import ensure_document_types

    ensure_document_types()
