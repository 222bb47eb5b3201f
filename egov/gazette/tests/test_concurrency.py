"""Two editors opening the next gazette issue at the same moment get two numbers."""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any

import pytest
from django.db import connection

from egov.gazette.actions import issues as issue_actions
from egov.gazette.models import GazetteIssue
from egov.gazette.testing import build_gazette

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_editors_opening_the_next_issue_at_once_get_consecutive_numbers(world: Any) -> None:
    gazette = build_gazette(world)
    barrier = threading.Barrier(3)
    errors: list[BaseException] = []

    def open_issue() -> None:
        try:
            barrier.wait()
            issue_actions.create_issue(
                actor=gazette.editor, publisher=world.province, date=dt.date(2026, 5, 4)
            )
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=open_issue) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    numbers = sorted(GazetteIssue.objects.values_list("number", flat=True))
    assert numbers == [1, 2, 3]
