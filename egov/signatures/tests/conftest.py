from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from egov.documents.tests.conftest import _document_types  # noqa: F401 - fixture
from egov.signatures.testing import trust_settings
from egov.signatures.testing_ca import TestPKI, make_test_pki


@pytest.fixture(scope="session")
def pki(tmp_path_factory: pytest.TempPathFactory) -> TestPKI:
    return make_test_pki(Path(tmp_path_factory.mktemp("pki")), password="123456")


@pytest.fixture(autouse=True)
def _trust(settings: Any, pki: TestPKI) -> Iterator[None]:
    trust_settings(settings, pki)
    yield
