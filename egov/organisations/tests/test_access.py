"""Access matrix of the registry's screens and API: anonymous, no role (citizen), a role
elsewhere in the tree (outsider), a role here, an administrator."""

import datetime as dt

import pytest
from django.urls import reverse

from egov.organisations import actions
from egov.organisations.testing import person_of

pytestmark = pytest.mark.django_db


def _urls(world):
    clerk = person_of(world.clerk)
    return {
        "tree": reverse("organisations:tree"),
        "unit": reverse("organisations:unit", args=[world.home_affairs.pk]),
        "staff": reverse("organisations:staff"),
        "person": reverse("organisations:person", args=[clerk.pk]),
    }


@pytest.mark.parametrize("name", ["tree", "unit", "staff", "person"])
def test_anonymous_visitors_are_sent_to_the_login_page(client, world, name):
    response = client.get(_urls(world)[name])
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize(
    ("name", "status"), [("tree", 403), ("staff", 403), ("unit", 404), ("person", 404)]
)
def test_a_citizen_sees_nothing_of_the_internal_registry(client_for, world, name, status):
    assert client_for(world.citizen).get(_urls(world)[name]).status_code == status


@pytest.mark.parametrize("persona", ["outsider", "specialist", "clerk", "leader", "admin"])
@pytest.mark.parametrize("name", ["tree", "unit", "staff", "person"])
def test_every_staff_member_can_browse_the_registry(client_for, world, persona, name):
    assert client_for(getattr(world, persona)).get(_urls(world)[name]).status_code == 200


def test_personal_details_are_shown_to_the_person_and_unit_administrators_only(client_for, world):
    clerk = person_of(world.clerk)
    actions.update_person(actor=world.admin, person=clerk, birth_date=dt.date(1990, 5, 17))
    url = reverse("organisations:person", args=[clerk.pk])
    assert "17/05/1990" in client_for(world.unit_admin).get(url).content.decode()
    assert "17/05/1990" in client_for(world.clerk).get(url).content.decode()
    assert "17/05/1990" not in client_for(world.outsider).get(url).content.decode()


def test_a_missing_unit_and_a_forbidden_unit_look_the_same(client_for, world):
    client = client_for(world.citizen)
    missing = client.get(reverse("organisations:unit", args=[999999]))
    forbidden = client.get(reverse("organisations:unit", args=[world.finance.pk]))
    assert missing.status_code == forbidden.status_code == 404


@pytest.mark.parametrize("path", ["/api/v1/org/units", "/api/v1/org/tree", "/api/v1/org/people"])
def test_the_api_requires_authentication(client, world, path):
    assert client.get(path).status_code == 401


def test_the_api_gives_a_citizen_empty_lists_and_404_for_objects(client_for, world):
    client = client_for(world.citizen)
    assert client.get("/api/v1/org/units").json() == []
    assert client.get("/api/v1/org/people").json() == []
    assert client.get(f"/api/v1/org/units/{world.finance.pk}").status_code == 404


def test_the_api_serves_units_people_and_the_tree_as_of_a_date(client_for, world):
    client = client_for(world.outsider)
    units = client.get("/api/v1/org/units").json()
    by_name = {u["name"]: u for u in units}
    assert by_name["Sở Nội vụ"]["parent_id"] == world.province.pk
    assert by_name["Sở Nội vụ"]["organ_code"] == "000.00.02.H01"
    people = client.get("/api/v1/org/people", {"q": "pham thi thu"}).json()
    assert [p["full_name"] for p in people] == ["Phạm Thị Thư"]
    tree_2019 = client.get("/api/v1/org/tree", {"as_of": "2019-06-01"}).json()
    assert tree_2019 == []
    tree_now = client.get("/api/v1/org/tree").json()
    assert {n["name"] for n in tree_now} >= {"Sở Nội vụ", "Sở Tài chính"}


def test_the_staff_list_takes_a_fixed_number_of_queries(
    client_for, world, django_assert_max_num_queries
):
    client = client_for(world.specialist)
    client.get(reverse("organisations:staff"))  # warm the session and caches
    with django_assert_max_num_queries(12):
        response = client.get(reverse("organisations:staff"))
    assert response.status_code == 200
    for i in range(30):
        actions.hire_person(
            actor=world.admin,
            full_name=f"Nguyễn Văn {i}",
            unit=world.finance,
            effective_date=dt.date(2021, 1, 1),
        )
    with django_assert_max_num_queries(12):
        assert client.get(reverse("organisations:staff")).status_code == 200
