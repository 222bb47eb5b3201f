from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture
def fb(world: Any) -> Any:
    from egov.feedback.testing import build

    return build(world)


@pytest.fixture(autouse=True)
def _fast_challenge(settings: Any) -> None:
    # The form may be answered at once in tests; the minimum time has its own test.
    settings.EGOV_FEEDBACK_CHALLENGE_MIN_SECONDS = 0
