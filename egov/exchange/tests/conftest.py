from typing import Any

import pytest

from egov.documents.tests.conftest import _document_types  # noqa: F401 - fixture


@pytest.fixture
def receiver(world: Any) -> Any:
    from egov.exchange.testing import build_receiver

    return build_receiver(world)


@pytest.fixture
def office(world: Any) -> Any:
    from egov.documents.testing import build_office

    return build_office(world)
