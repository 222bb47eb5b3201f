from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from egov.feedback.testing import answered_item, received_item

pytestmark = pytest.mark.django_db


def _add(fb: Any, numbers: range) -> None:
    for n in numbers:
        answered_item(fb, title=f"Câu hỏi số {n} về tiền lương")
        received_item(fb.finance_category, fb.world.citizen, title=f"Phản ánh số {n}")


def test_lists_read_in_a_fixed_number_of_queries(
    fb: Any, client: Client, client_for: Any, settings: Any
) -> None:
    settings.EGOV_FEEDBACK_RATE_PER_EMAIL = 100
    admin = client_for(fb.world.admin)
    pages = [
        (client, "/phan-anh/"),
        (client, "/phan-anh/open311/v2/requests.json"),
        (client, "/phan-anh/open311/v2/requests.xml"),
        (admin, "/feedback/"),
        (admin, "/feedback/thong-ke/"),
    ]

    def counts() -> list[int]:
        found = []
        for browser, url in pages:
            with CaptureQueriesContext(connection) as queries:
                assert browser.get(url).status_code == 200
            found.append(len(queries))
        return found

    _add(fb, range(2))
    counts()  # warm the per-process caches (calendar overrides, sessions)
    few = counts()
    _add(fb, range(2, 12))
    assert counts() == few
