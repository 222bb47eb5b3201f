"""The inspection pages in English once the user picks it (the catalogue is
egov/inspections/locale/en; ``make test`` compiles it first)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_inspection_page_reads_in_english(team: Any, client_for: Any) -> None:
    client = client_for(team.member)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(f"/kiem-tra/cuoc/{team.snv.pk}/").content.decode()
    assert "Inspection of Sở Nội vụ" in page
    assert "Start the inspection" in page
    assert "Planned" in page
