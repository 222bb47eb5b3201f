from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture
def gazette(world: Any) -> Any:
    from egov.gazette.testing import build_gazette

    return build_gazette(world)


@pytest.fixture(autouse=True)
def _forget_cached_issuers() -> None:
    """The search filter's issuer list is cached per process; each test starts without it."""
    from django.core.cache import cache

    from egov.gazette.pagecache import forget_version
    from egov.gazette.queries import ISSUERS_CACHE_KEY

    cache.delete(ISSUERS_CACHE_KEY)
    cache.clear()  # public pages too (keyed by the gazette's version, trusted for a second)
    forget_version()
