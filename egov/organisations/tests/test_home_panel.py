import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_home_page_shows_my_unit_and_roles(client_for, world):
    body = client_for(world.clerk).get(reverse("home")).content.decode()
    assert "Sở Nội vụ" in body
    assert "Văn thư" in body


def test_a_citizen_gets_no_registry_panel(client_for, world):
    body = client_for(world.citizen).get(reverse("home")).content.decode()
    assert "Đơn vị và vai trò của tôi" not in body
