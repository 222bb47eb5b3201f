"""Vietnamese by default; English once the user picks it in the header's language switch.

The English strings come from egov/locale/en/LC_MESSAGES/django.mo, which is not committed:
``make test`` compiles it first (``manage.py compilemessages``).
"""

import pytest
from django.urls import reverse

from egov.lib.text import nfc

pytestmark = pytest.mark.django_db


def switch_language(client, code, next_url="/"):
    """Post the header's language form as a browser would."""
    response = client.post(reverse("set_language"), {"language": code, "next": next_url})
    assert response.status_code == 302
    assert response["Location"] == next_url
    return response


def test_the_login_page_is_in_vietnamese_by_default(client):
    page = client.get(reverse("accounts:login")).content.decode()
    assert '<html lang="vi">' in page
    assert "<h1>Đăng nhập</h1>" in page
    assert '<label for="id_username">Tên đăng nhập hoặc e-mail</label>' in page
    assert "Quên mật khẩu?" in page
    assert "Ủy ban nhân dân tỉnh An Giang" in page
    assert "Forgot your password?" not in page


def test_every_page_offers_the_language_switch_posting_to_set_language(client):
    page = client.get(reverse("accounts:login")).content.decode()
    assert f'<form action="{reverse("set_language")}" method="post" class="lang-form">' in page
    # Django's own name for Vietnamese is not in NFC: compare normalised text.
    assert nfc('<option value="vi" lang="vi" selected>Tiếng Việt</option>') in nfc(page)
    assert '<option value="en" lang="en">English</option>' in page  # named in its own language


def test_after_choosing_english_the_login_page_is_in_english(client):
    login = reverse("accounts:login")
    switch_language(client, "en", login)
    page = client.get(login).content.decode()
    assert '<html lang="en">' in page, "is egov/locale/en/LC_MESSAGES/django.mo compiled?"
    assert "<title>Log in · An Giang Province</title>" in page
    assert "<h1>Log in</h1>" in page
    assert '<label for="id_username">Username or email</label>' in page
    assert '<label for="id_password">Password</label>' in page
    assert "Forgot your password?" in page
    assert "Skip to main content" in page
    assert "An Giang Provincial People's Committee" in page
    assert '<option value="en" lang="en" selected>English</option>' in page
    # The switch still names Vietnamese in Vietnamese, so it can be found again.
    assert nfc('<option value="vi" lang="vi">Tiếng Việt</option>') in nfc(page)
    assert "Quên mật khẩu?" not in page
    assert "Tên đăng nhập" not in page


def test_login_errors_are_in_english_too(client, world):
    login = reverse("accounts:login")
    switch_language(client, "en", login)
    page = client.post(login, {"username": "", "password": ""}).content.decode()
    assert "Could not log in" in page
    assert "Enter your username or email address." in page
    assert "Enter your password." in page


def test_the_home_page_follows_the_chosen_language(client_for, world):
    client = client_for(world.specialist)
    home = reverse("home")
    name = world.specialist.get_full_name()

    page = client.get(home).content.decode()
    assert f"Xin chào, {name}" in page
    assert "Đăng xuất" in page

    switch_language(client, "en", home)
    page = client.get(home).content.decode()
    assert f"Hello, {name}" in page
    assert "<title>My work · An Giang Province</title>" in page
    assert "Log out" in page
    assert "Change password" in page
    assert "Xin chào" not in page
    assert "Đăng xuất" not in page

    switch_language(client, "vi", home)
    assert f"Xin chào, {name}" in client.get(home).content.decode()


def test_a_browser_asking_for_english_still_gets_vietnamese_until_english_is_chosen(client):
    page = client.get(reverse("accounts:login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="vi">' in page.content.decode()
    switch_language(client, "en", reverse("accounts:login"))
    page = client.get(reverse("accounts:login"), HTTP_ACCEPT_LANGUAGE="vi")
    assert '<html lang="en">' in page.content.decode()
