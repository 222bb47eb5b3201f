from decimal import Decimal
from typing import Any

import pytest

from egov.documents.tests.conftest import _document_types  # noqa: F401 - autouse fixture


@pytest.fixture(autouse=True)
def _seeded_target(request: Any) -> None:
    """The 50% target of the data migration, which a transactional test run earlier on the
    same worker may have emptied (the migration does not run again)."""
    marker = request.node.get_closest_marker("django_db")
    if marker is None:
        return
    transactional = bool(marker.kwargs.get("transaction"))
    request.getfixturevalue("transactional_db" if transactional else "db")
    from egov.monitoring.models import Target

    Target.objects.get_or_create(
        indicator_code="edoc_electronic_share",
        unit=None,
        year=None,
        defaults={
            "value": Decimal("50"),
            "source": "50% văn bản điện tử trong tổng số văn bản gửi nhận "
            "(Chỉ thị 07/CT-UBND ngày 04/08/2009)",
        },
    )


@pytest.fixture
def media_tmp(settings: Any, tmp_path: Any) -> Any:
    """Uploaded files go to a temporary directory for the test."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    return tmp_path
