import pytest

from egov.accounts.models import Notification
from egov.accounts.notify import notify

pytestmark = pytest.mark.django_db


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get("/accounts/notifications/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_user_sees_only_their_own_notifications_and_the_unread_count(client_for, world):
    notify([world.clerk], text="Văn bản Hỏa tốc vừa đến", url="/documents/incoming/1/", urgent=True)
    notify([world.outsider], text="Việc của người khác")
    page = client_for(world.clerk).get("/accounts/notifications/")
    body = page.content.decode()
    assert "Văn bản Hỏa tốc vừa đến" in body and "Việc của người khác" not in body
    assert page.context["unread_notifications"] == 1


def test_marking_all_read_clears_the_count(client_for, world):
    notify([world.clerk, world.clerk], text="Một")  # the same user once
    assert Notification.objects.filter(user=world.clerk).count() == 1
    client = client_for(world.clerk)
    client.post("/accounts/notifications/read/")
    assert client.get("/accounts/notifications/").context["unread_notifications"] == 0
    assert Notification.objects.filter(user=world.outsider).count() == 0
