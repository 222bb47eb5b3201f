"""The navigation entries: the plans for provincial inspectors and team members, the
agency's own view for the leader of an inspected agency; no query once warm."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import RequestFactory

from egov.inspections.nav import inspections_nav
from egov.organisations import access as org_access

pytestmark = pytest.mark.django_db


def _keys(user: Any) -> list[str]:
    request = RequestFactory().get("/")
    request.user = user
    return [item.key for item in inspections_nav(request)]


def test_each_persona_gets_its_entries(world: Any, team: Any) -> None:
    assert _keys(team.inspector) == ["inspections"]
    assert _keys(team.member) == ["inspections"]
    assert _keys(world.leader) == ["inspections_agency"]
    assert _keys(team.finance_leader) == []
    assert _keys(world.unit_admin) == []
    assert _keys(world.citizen) == []


def test_the_entries_cost_no_query_once_warm(
    world: Any, team: Any, django_assert_num_queries: Any
) -> None:
    for user in (team.member, world.leader, world.unit_admin):
        org_access.active_assignments(user)
        _keys(user)
        with django_assert_num_queries(0):
            _keys(user)
