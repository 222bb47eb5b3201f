"""The worker's pass and its start-up configuration."""

import pytest

from egov.audit.models import AuditEvent
from egov.exchange import worker
from egov.exchange.actions.delivery import ensure_configured_hub
from egov.exchange.models import InboxMessage, OutboxMessage, Peer

from .test_internal_delivery import issued_to_finance

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_one_pass_delivers_what_is_due_and_marks_it_sent(office):
    issued_to_finance(office)
    worker.run(once=True)
    package = OutboxMessage.objects.get(kind="edoc")
    assert package.state == "sent" and package.sent_at is not None and package.attempts == 1
    assert InboxMessage.objects.filter(kind="edoc", unit=office.finance).count() == 1


def test_the_hub_named_in_the_environment_is_configured_once_and_audited(world, settings):
    settings.EGOV_EXCHANGE_HUB_URL = "https://truc.angiang.gov.vn"
    first = ensure_configured_hub()
    second = ensure_configured_hub()
    assert first is not None and second is not None and first.pk == second.pk
    assert Peer.objects.get(is_hub=True).base_url == "https://truc.angiang.gov.vn"
    assert AuditEvent.objects.filter(action="exchange.peer.save").count() == 1


def test_without_a_hub_url_nothing_is_configured(world, settings):
    settings.EGOV_EXCHANGE_HUB_URL = ""
    assert ensure_configured_hub() is None and not Peer.objects.exists()


def test_the_worker_reads_its_key_and_imports_the_urls_before_its_first_package():
    from django.urls import clear_url_caches, get_resolver

    from egov.exchange.identity import load_identity

    load_identity.cache_clear()
    clear_url_caches()

    worker.warm_up()

    assert load_identity.cache_info().currsize == 1
    assert "url_patterns" in get_resolver().__dict__  # the cached property was filled
