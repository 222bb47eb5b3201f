"""Access matrix of the audit screen: anonymous, citizen, staff without an administrative
role, the administrator of one agency, the provincial administrator."""

from typing import Any

import pytest
from django.urls import reverse

from egov.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

SCREENS = ["list", "export", "detail"]


def _url(name: str, event_id: int) -> str:
    if name == "detail":
        return reverse("audit:detail", args=[event_id])
    return reverse(f"audit:{name}")


def _event_of(unit: Any) -> AuditEvent:
    return AuditEvent.objects.filter(unit_id=unit.pk).order_by("id")[0]


@pytest.mark.parametrize("name", SCREENS)
def test_anonymous_visitors_are_sent_to_the_login_page(client, world, name):
    response = client.get(_url(name, _event_of(world.province).pk))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("persona", ["citizen", "specialist", "clerk", "leader", "outsider"])
@pytest.mark.parametrize("name", SCREENS)
def test_users_without_an_administrative_role_are_refused(client_for, world, persona, name):
    response = client_for(getattr(world, persona)).get(_url(name, _event_of(world.province).pk))
    assert response.status_code == 403


def _listed_units(client: Any) -> set[int | None]:
    response = client.get(reverse("audit:list"), {"page": 1})
    assert response.status_code == 200
    return {row.event.unit_id for row in response.context["rows"]}


def test_an_agency_administrator_sees_the_events_of_its_agency_and_the_units_under_it(
    client_for, world
):
    client = client_for(world.unit_admin)
    units = _listed_units(client)
    assert units == {world.home_affairs.pk, world.civil_service_division.pk}
    assert client.get(_url("detail", _event_of(world.civil_service_division).pk)).status_code == 200


def test_an_agency_administrator_sees_nothing_of_a_sibling_agency(client_for, world):
    client = client_for(world.unit_admin)
    finance_event = _event_of(world.finance)
    assert world.finance.pk not in _listed_units(client)
    assert client.get(_url("detail", finance_event.pk)).status_code == 404
    export = b"".join(client.get(reverse("audit:export")).streaming_content).decode("utf-8-sig")
    assert "Sở Tài chính" not in export
    assert "Sở Nội vụ" in export


def test_a_missing_event_and_a_forbidden_event_look_the_same(client_for, world):
    client = client_for(world.unit_admin)
    assert client.get(_url("detail", 10**9)).status_code == 404
    assert client.get(_url("detail", _event_of(world.province).pk)).status_code == 404


def test_the_provincial_administrator_sees_every_event(client_for, world):
    client = client_for(world.admin)
    response = client.get(reverse("audit:list"))
    assert response.context["page"].paginator.count == AuditEvent.objects.count()
    assert _listed_units(client) >= {
        world.province.pk,
        world.home_affairs.pk,
        world.finance.pk,
        world.commune.pk,
    }
    assert client.get(_url("detail", _event_of(world.finance).pk)).status_code == 200


def test_the_unit_filter_offers_only_the_units_the_reader_may_see(client_for, world):
    response = client_for(world.unit_admin).get(reverse("audit:list"))
    offered = {value for value, _ in response.context["form"].fields["unit"].choices if value}
    assert offered == {world.home_affairs.pk, world.civil_service_division.pk}
