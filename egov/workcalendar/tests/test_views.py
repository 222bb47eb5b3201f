import datetime as dt

import pytest

from egov.workcalendar.models import DayOverride

pytestmark = pytest.mark.django_db
URL = "/calendar/"


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("persona", ["unit_admin", "leader", "clerk", "outsider", "citizen"])
def test_only_system_administrators_see_the_calendar(client_for, world, persona):
    assert client_for(getattr(world, persona)).get(URL).status_code == 404


def test_an_administrator_sees_tet_and_adds_a_working_saturday(client_for, world):
    client = client_for(world.admin)
    page = client.get(f"{URL}?year=2026").content.decode()
    assert "Tết Nguyên Đán" in page and "17/02/2026" in page
    response = client.post(
        f"{URL}?year=2026", {"date": "2026-03-07", "is_working_day": "1", "note": "Làm bù"}
    )
    assert response.status_code == 302
    assert DayOverride.objects.get().date == dt.date(2026, 3, 7)


def test_a_missing_reason_is_shown_and_nothing_saved(client_for, world):
    response = client_for(world.admin).post(URL, {"date": "2026-03-07", "is_working_day": "0"})
    assert "Hãy ghi lý do điều chỉnh." in response.content.decode()
    assert not DayOverride.objects.exists()


def test_an_override_is_removed(client_for, world):
    from egov.workcalendar.actions import set_day_override

    override = set_day_override(
        actor=world.admin, date=dt.date(2026, 3, 9), is_working_day=False, note="Bão"
    )
    client_for(world.admin).post(f"{URL}{override.pk}/remove/")
    assert not DayOverride.objects.exists()
