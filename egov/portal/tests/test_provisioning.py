from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from wagtail.models import Page, Site, WorkflowPage

from egov.portal.actions import provisioning
from egov.portal.choices import Section
from egov.portal.models import AgencyHomePage, IntroductionPage, NewsIndexPage

pytestmark = pytest.mark.django_db


def test_one_step_makes_a_site_with_every_required_section_for_each_agency(sites: Any) -> None:
    world = sites.world
    homes = AgencyHomePage.objects.all()
    assert {home.unit_id for home in homes} == {
        world.office.pk,
        world.home_affairs.pk,
        world.finance.pk,
        world.commune.pk,
    }
    site = Site.objects.get(root_page=sites.home_affairs)
    assert site.hostname == "snv.localhost"
    titles = [page.title for page in sites.home_affairs.get_children().order_by("path")]
    assert titles == [str(section.label) for section in Section]
    assert WorkflowPage.objects.filter(page=sites.home_affairs).exists()


def test_running_the_provisioning_again_changes_nothing(sites: Any) -> None:
    pages, site_count = Page.objects.count(), Site.objects.count()
    result = provisioning.provision_sites(actor=sites.world.admin)
    assert result.created == []
    assert len(result.existing) == 4
    assert (Page.objects.count(), Site.objects.count()) == (pages, site_count)


def test_a_unit_added_later_gets_its_site_on_the_next_run(sites: Any) -> None:
    from egov.organisations import actions as org_actions
    from egov.organisations.testing import START

    unit = org_actions.create_unit(
        actor=None,
        parent=sites.world.province,
        name="Sở Tư pháp",
        kind="agency",
        valid_from=START,
        abbreviation="STP",
        skip_access_check=True,
    )
    result = provisioning.provision_sites(actor=sites.world.admin)
    assert result.created == ["stp"]
    assert Site.objects.get(root_page__agencyhomepage__unit=unit).hostname == "stp.localhost"


def test_communes_sharing_an_abbreviation_get_a_slug_from_their_name(sites: Any) -> None:
    home = AgencyHomePage.objects.get(unit=sites.world.commune)
    assert home.slug == "uy-ban-nhan-dan-xa-dinh-my"


def test_only_a_system_administrator_may_provision(sites: Any) -> None:
    with pytest.raises(PermissionDenied):
        provisioning.provision_sites(actor=sites.world.unit_admin)


def test_the_editor_role_puts_the_user_in_their_agencys_group_only(sites: Any) -> None:
    groups = set(sites.editor.groups.values_list("name", flat=True))
    assert groups == {provisioning.editors_group_name("snv")}
    leader_groups = set(sites.world.leader.groups.values_list("name", flat=True))
    assert leader_groups == {provisioning.approvers_group_name("snv")}


def test_editor_sections_start_as_drafts_and_live_sections_start_live(sites: Any) -> None:
    intro = IntroductionPage.objects.child_of(sites.home_affairs).get()
    assert not intro.live
    assert NewsIndexPage.objects.child_of(sites.home_affairs).get().live
