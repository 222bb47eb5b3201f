import pytest


@pytest.fixture
def ktxh(world):
    from egov.reporting.testing import build_ktxh

    return build_ktxh(world)
