from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture
def gazette(world: Any) -> Any:
    from egov.gazette.testing import build_gazette

    return build_gazette(world)
