"""Fixtures of the portal's tests: the persona world with a site for every agency, and a
portal editor for Sở Nội vụ and one for Sở Tài chính."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.core.cache import cache

from egov.organisations import actions as org_actions
from egov.organisations.choices import Role
from egov.organisations.testing import START, make_user
from egov.portal.actions import provisioning
from egov.portal.middleware import forget_hostnames
from egov.portal.models import AgencyHomePage, PortalHomePage


@dataclass
class Sites:
    world: Any
    portal: PortalHomePage
    home_affairs: AgencyHomePage
    finance: AgencyHomePage
    editor: Any
    finance_editor: Any


def _editor(username: str, unit: Any) -> Any:
    user = make_user(username, username.title())
    org_actions.grant_role(
        actor=None,
        user=user,
        role=Role.PORTAL_EDITOR,
        unit=unit,
        valid_from=START,
        skip_access_check=True,
    )
    return user


@pytest.fixture
def sites(world: Any) -> Sites:
    cache.clear()
    forget_hostnames()
    editor = _editor("snveditor", world.home_affairs)
    finance_editor = _editor("stceditor", world.finance)
    provisioning.provision_sites(actor=world.admin)
    forget_hostnames()
    return Sites(
        world=world,
        portal=PortalHomePage.objects.get(),
        home_affairs=AgencyHomePage.objects.get(unit=world.home_affairs),
        finance=AgencyHomePage.objects.get(unit=world.finance),
        editor=editor,
        finance_editor=finance_editor,
    )
