"""The oversight demo: plans in every state, IT staff with history, a training session, and
one default ranking method per kind; loaded once."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest

from egov.monitoring import demo
from egov.monitoring.choices import RankingKind
from egov.monitoring.models import (
    Evidence,
    ITPlan,
    ITStaffAssignment,
    RankingMethod,
    TrainingSession,
)

pytestmark = pytest.mark.django_db


def test_the_demo_loads_the_records_and_a_method_of_each_kind(world: Any, media_tmp: Any) -> None:
    from egov.portal.actions import provisioning

    provisioning.provision_sites(actor=world.admin)
    assert not demo.loaded()
    out = StringIO()
    demo.load(out)
    assert demo.loaded()
    statuses = set(ITPlan.objects.values_list("status", flat=True))
    assert statuses == {"draft", "submitted", "approved"}
    assert ITPlan.objects.filter(spent_budget__isnull=False).exists()
    assert ITStaffAssignment.objects.filter(valid_to__isnull=False).exists()
    assert ITStaffAssignment.objects.filter(kind="part_time").exists()
    assert TrainingSession.objects.get().attendances.filter(can_use_system=False).exists()
    assert Evidence.objects.filter(media_type="application/pdf").count() == 2
    kinds = dict(RankingMethod.objects.values_list("kind", "name"))
    assert set(kinds) == {RankingKind.IT_USE, RankingKind.WEBSITE}
    website = RankingMethod.objects.get(kind=RankingKind.WEBSITE)
    # The world has agency sites (provisioned above) but no documents: the website method
    # runs; the IT-use method says which criterion has no data rather than guessing.
    assert website.runs.count() == 1
    assert "Văn bản điện tử" in out.getvalue()
