"""Access matrix of the accounts screens: anonymous visitors, a logged-in user."""

import pytest
from django.urls import reverse

from egov.accounts import actions

pytestmark = pytest.mark.django_db

PRIVATE = ["password_change", "password_change_done", "otp_setup", "otp_verify", "tokens"]
PUBLIC = ["login", "password_reset", "password_reset_done", "password_reset_complete"]


@pytest.mark.parametrize("name", PRIVATE)
def test_anonymous_visitors_are_sent_to_the_login_page(client, world, name):
    response = client.get(reverse(f"accounts:{name}"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login") + "?next=")


def test_anonymous_visitors_cannot_revoke_a_token(client, world):
    token, _ = actions.create_api_token(actor=world.clerk, user=world.clerk, name="Thử")
    response = client.post(reverse("accounts:token_revoke", args=[token.pk]))
    assert response["Location"].startswith(reverse("accounts:login"))
    token.refresh_from_db()
    assert token.revoked_at is None


@pytest.mark.parametrize("name", PUBLIC)
def test_anonymous_visitors_reach_the_login_and_reset_pages(client, world, name):
    assert client.get(reverse(f"accounts:{name}")).status_code == 200


@pytest.mark.parametrize("persona", ["specialist", "citizen", "admin"])
@pytest.mark.parametrize("name", ["password_change", "password_change_done", "tokens"])
def test_a_logged_in_user_reaches_the_account_pages(client_for, world, persona, name):
    response = client_for(getattr(world, persona)).get(reverse(f"accounts:{name}"))
    assert response.status_code == 200


@pytest.mark.parametrize("persona", ["specialist", "citizen", "admin"])
def test_a_logged_in_user_reaches_two_factor_enrolment(client_for, world, persona):
    assert client_for(getattr(world, persona)).get(reverse("accounts:otp_setup")).status_code == 200


def test_a_verified_user_on_the_verify_page_goes_on_to_the_next_page(client_for, world):
    response = client_for(world.admin).get(reverse("accounts:otp_verify") + "?next=/org/")
    assert response["Location"] == "/org/"


def test_a_logged_in_user_on_the_login_page_goes_to_the_home_page(client_for, world):
    assert client_for(world.specialist).get(reverse("accounts:login"))["Location"] == "/"


def test_each_user_sees_only_their_own_tokens(client_for, world):
    actions.create_api_token(actor=world.clerk, user=world.clerk, name="Của văn thư")
    page = client_for(world.specialist).get(reverse("accounts:tokens")).content.decode()
    assert "Của văn thư" not in page
    assert "Bạn chưa có khóa API nào." in page


def test_the_token_list_takes_the_same_number_of_queries_for_one_or_many_tokens(client_for, world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(world.clerk)
    counts = []
    for n in range(6):
        actions.create_api_token(actor=world.clerk, user=world.clerk, name=f"Khóa {n}")
        if n in (0, 5):
            with CaptureQueriesContext(connection) as queries:
                assert client.get(reverse("accounts:tokens")).status_code == 200
            counts.append(len(queries))
    assert counts[0] == counts[1]
