from __future__ import annotations

from typing import Any


def loaded() -> bool:
    from egov.feedback.models import Category

    return Category.objects.exists()


def load(stdout: Any) -> None:
    return None
