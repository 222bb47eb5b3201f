"""Seed 003's inspection: every section filled within 60 days of the site's creation,
news daily and the schedule weekly; per agency and for the province, printable."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from egov.portal.choices import Section
from egov.portal.demo import fill_site
from egov.portal.freshness import compliance_of, freshness_of
from egov.portal.models import AgencyHomePage

pytestmark = pytest.mark.django_db


def _by_section(home: Any, today: dt.date | None = None) -> dict[str, Any]:
    return {status.section: status for status in freshness_of(home, today=today)}


def test_a_new_site_shows_the_sections_an_editor_has_not_filled(sites: Any) -> None:
    status = _by_section(sites.home_affairs)
    assert not status[Section.INTRODUCTION].filled
    assert not status[Section.NEWS].filled
    assert status[Section.ORGANISATION].filled  # read live from the registry
    assert not compliance_of(sites.home_affairs).passes


def test_a_filled_site_passes_the_inspection(sites: Any) -> None:
    fill_site(sites.home_affairs)
    report = compliance_of(AgencyHomePage.objects.get(pk=sites.home_affairs.pk))
    missing = [s.section for s in report.sections if not s.filled]
    assert missing == [Section.CONTACT]  # the registry has no address for the test unit
    sites.world.home_affairs.address = "15 Tôn Đức Thắng"
    sites.world.home_affairs.save(update_fields=["address"])
    report = compliance_of(AgencyHomePage.objects.get(pk=sites.home_affairs.pk))
    assert report.passes, [(s.section, s.filled, s.late_by) for s in report.sections]


def test_news_older_than_one_working_day_makes_the_section_late(sites: Any) -> None:
    fill_site(sites.home_affairs)
    in_a_week = dt.date.today() + dt.timedelta(days=7)
    status = _by_section(sites.home_affairs, today=in_a_week)
    assert status[Section.NEWS].late_by >= 3
    assert status[Section.INTRODUCTION].late_by == 0  # updated on change only


def test_a_section_filled_after_sixty_days_is_reported(sites: Any) -> None:
    home = sites.home_affairs
    AgencyHomePage.objects.filter(pk=home.pk).update(created_on=dt.date(2020, 1, 1))
    fill_site(home)
    report = compliance_of(AgencyHomePage.objects.get(pk=home.pk))
    intro = next(s for s in report.sections if s.section == Section.INTRODUCTION)
    assert intro.filled and not intro.filled_in_time
    assert report.missing_after_deadline > 0
    assert not report.passes


def test_the_province_report_lists_every_site_for_the_admin(sites: Any, client_for: Any) -> None:
    client = client_for(sites.world.admin)
    response = client.get("/portal/")
    assert response.status_code == 200
    text = response.content.decode()
    for name in ("Sở Nội vụ", "Sở Tài chính", "Ủy ban nhân dân xã Định Mỹ"):
        assert name in text
    assert "data-print" in text


def test_an_agency_editor_sees_only_their_agencys_report(sites: Any, client_for: Any) -> None:
    client = client_for(sites.editor)
    text = client.get("/portal/").content.decode()
    assert "Sở Nội vụ" in text and "Sở Tài chính" not in text
    assert client.get(f"/portal/trang/{sites.home_affairs.pk}/").status_code == 200
    assert client.get(f"/portal/trang/{sites.finance.pk}/").status_code == 404


@pytest.mark.parametrize("who", ["anonymous", "citizen", "outsider_on_other"])
def test_the_access_matrix_of_the_compliance_report(
    sites: Any, client_for: Any, client: Any, who: str
) -> None:
    url = f"/portal/trang/{sites.home_affairs.pk}/"
    if who == "anonymous":
        assert client.get(url).status_code == 302
    elif who == "citizen":
        assert client_for(sites.world.citizen).get(url).status_code == 404
    else:
        assert client_for(sites.world.outsider).get(url).status_code == 404


def test_only_the_system_administrator_may_provision_from_the_page(
    sites: Any, client_for: Any
) -> None:
    assert client_for(sites.editor).post("/portal/lap-trang/").status_code == 403
    response = client_for(sites.world.admin).post("/portal/lap-trang/")
    assert response.status_code == 302


def test_the_provincial_inspection_team_sees_every_site(sites: Any, client_for: Any) -> None:
    from egov.organisations import actions as org_actions
    from egov.organisations.choices import Role
    from egov.organisations.testing import START, make_user

    inspector = make_user("kiemtra", "Tổ Kiểm Tra")
    org_actions.grant_role(
        actor=None,
        user=inspector,
        role=Role.INSPECTOR,
        unit=sites.world.province,
        valid_from=START,
        covers_subtree=True,
        skip_access_check=True,
    )
    text = client_for(inspector).get("/portal/").content.decode()
    assert "Sở Nội vụ" in text and "Sở Tài chính" in text and "Định Mỹ" in text
    assert "Lập trang thông tin cho mọi cơ quan" not in text  # provisioning is the admin's


def test_updates_on_time_are_judged_from_the_publication_history(
    sites: Any, client_for: Any
) -> None:
    """A news gap of six working days in the past is a lapse even though the section is
    up to date today: the inspection reads Wagtail's publish log, not the current state."""
    from wagtail.models import PageLogEntry

    from egov.lib.dates import BUSINESS_TZ
    from egov.portal.tests.helpers import published_news
    from egov.workcalendar.queries import add_working_days

    home = sites.home_affairs
    created = dt.date(2026, 3, 2)
    first = add_working_days(created, 1)
    after_gap = add_working_days(first, 6)
    today = add_working_days(after_gap, 1)
    AgencyHomePage.objects.filter(pk=home.pk).update(created_on=created)
    for title, day in (("Tin thứ nhất", first), ("Tin sau khoảng trống", after_gap)):
        page = published_news(home, title=title, day=day)
        PageLogEntry.objects.filter(page=page, action="wagtail.publish").update(
            timestamp=dt.datetime.combine(day, dt.time(9), tzinfo=BUSINESS_TZ)
        )
    home = AgencyHomePage.objects.get(pk=home.pk)
    news = _by_section(home, today=today)[Section.NEWS]
    assert news.late_by == 0
    assert (news.lapses, news.longest_lapse) == (1, 5)
    assert not compliance_of(home, today=today).passes
    report = client_for(sites.editor).get(f"/portal/trang/{home.pk}/").content.decode()
    assert "Theo lịch sử đăng: 1 lần cập nhật chậm" in report
