"""Fixtures shared by every app's tests: the persona world, shared fixture files, a browser."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent
FIXTURES = (PROJECT_ROOT / ".." / "shared" / "fixtures").resolve()


@pytest.fixture
def shared_fixture() -> Any:
    """Path to a file under ../shared/fixtures; fail loudly if the folder is missing."""

    def _get(rel: str) -> Path:
        path = FIXTURES / rel
        if not path.exists():
            pytest.fail(f"shared fixture missing: {path}")
        return path

    return _get


@pytest.fixture(scope="session")
def exchange_identity(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """One test CA and one installation certificate for the whole run: issuing a document
    signs its exchange packages, whichever app's test issues it."""
    from egov.exchange.testing import new_ca, write_identity

    directory = tmp_path_factory.mktemp("exchange-identity")
    return write_identity(directory, new_ca(), "Văn thư hệ thống thử nghiệm")


@pytest.fixture(autouse=True)
def _exchange_settings(settings: Any, exchange_identity: dict[str, str]) -> Iterator[None]:
    from egov.exchange.identity import load_identity

    for name, value in exchange_identity.items():
        setattr(settings, name, value)
    load_identity.cache_clear()
    yield
    load_identity.cache_clear()


@pytest.fixture
def world(db: None) -> Any:
    from egov.organisations.testing import build_world

    return build_world()


@pytest.fixture
def client_for(client: Any) -> Any:
    """Log the test client in as a user, two-factor check passed (for administrators)."""

    def _login(user: Any) -> Any:
        client.force_login(user, backend="egov.accounts.backends.UsernameOrEmailBackend")
        from django_otp.plugins.otp_static.models import StaticDevice

        session = client.session
        device = StaticDevice.objects.get_or_create(user=user, name="test", confirmed=True)[0]
        session["otp_device_id"] = device.persistent_id
        session.save()
        return client

    return _login


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    import os

    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop on this thread; the Django calls the tests
    # make between browser steps are still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any, live_server: Any) -> Iterator[Any]:
    context = browser.new_context(base_url=live_server.url, locale="vi-VN")
    page = context.new_page()
    yield page
    context.close()


def pytest_configure(config: Any) -> None:
    from django.conf import settings

    # Password hashing at production strength costs about half a second per persona.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def office(world: Any) -> Any:
    """The personas plus a head of division, for the e-office tests."""
    from egov.documents.testing import build_office

    return build_office(world)
