from pathlib import Path
from typing import Any

import pytest

from egov.documents.tests.conftest import _document_types  # noqa: F401 - autouse fixture


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _seeded_templates(request: Any) -> None:
    """The checklist templates of the data migration, which a transactional test run
    earlier on the same worker may have emptied (the migration does not run again)."""
    marker = request.node.get_closest_marker("django_db")
    if marker is None:
        return
    transactional = bool(marker.kwargs.get("transaction"))
    request.getfixturevalue("transactional_db" if transactional else "db")
    from egov.inspections.checklist_seed import ensure_templates
    from egov.inspections.models import ChecklistTemplate

    ensure_templates(ChecklistTemplate)


@pytest.fixture
def team(world: Any) -> Any:
    from egov.inspections.tests.helpers import build_team

    return build_team(world)


@pytest.fixture(autouse=True)
def _vietnamese() -> Any:
    """Messages asserted in Vietnamese whatever a page requested in English before left
    active on this thread (the locale middleware activates the visitor's language)."""
    from django.conf import settings
    from django.utils import translation

    with translation.override(settings.LANGUAGE_CODE):
        yield
