"""The inspections demo: one approved plan, two inspections, findings in every state (one
overdue); loaded once."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest

from egov.inspections import demo, queries
from egov.inspections.choices import InspectionState
from egov.inspections.models import Finding, Inspection
from egov.organisations.choices import Role
from egov.organisations.testing import hire_with_role

pytestmark = pytest.mark.django_db


def test_the_demo_loads_a_plan_two_inspections_and_findings_in_every_state(world: Any) -> None:
    from egov.portal.actions import provisioning

    provisioning.provision_sites(actor=world.admin)
    hire_with_role("quantri", "Quản Trị Demo", world.province, Role.SYSTEM_ADMIN, subtree=True)
    hire_with_role("lanhdao.snv", "Lãnh Đạo Demo", world.home_affairs, Role.LEADER, subtree=True)
    hire_with_role("thanhtra.dinhmy", "Thanh Tra Demo", world.commune, Role.INSPECTOR)
    assert not demo.loaded()
    out = StringIO()
    demo.load(out)
    assert demo.loaded()
    states = dict(Inspection.objects.values_list("agency__abbreviation", "state"))
    assert states == {"SNV": InspectionState.FOLLOW_UP, "STC": InspectionState.IN_PROGRESS}
    assert set(Finding.objects.values_list("state", flat=True)) == {
        "open",
        "fix_reported",
        "closed",
    }
    assert queries.summary(Finding.objects.all()).overdue >= 1
    assert "two inspections" in out.getvalue()
