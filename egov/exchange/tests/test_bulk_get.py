"""``bulk.get``: large answers from the hub read with http.client, with the same errors
as the httpx client (``PeerRefused`` for 4xx, ``TransportError`` otherwise)."""

import socket

import pytest

from egov.exchange import bulk
from egov.exchange.errors import PeerRefused, TransportError
from egov.exchange.models import HubMailbox

from .test_batch_transfer import _media, hub_served_by  # noqa: F401 - _media: a fixture


@pytest.fixture
def hub(db, live_server):
    return hub_served_by(live_server.url)


def _packages_url(hub, ids):
    return f"{hub.base_url}/exchange/hub/packages/?ids={','.join(map(str, ids))}"


def test_an_empty_batch_comes_back_and_the_connection_is_kept_for_the_next_call(hub):
    assert bulk.get(_packages_url(hub, [999_999]), token="t-1") == b""
    kept = dict(bulk._local.pool)

    assert bulk.get(_packages_url(hub, [999_998]), token="t-1") == b""
    assert bulk._local.pool == kept  # the same connection object served both
    assert HubMailbox.objects.count() == 0


def test_a_wrong_token_is_refused_with_the_hubs_code(hub):
    with pytest.raises(PeerRefused) as caught:
        bulk.get(_packages_url(hub, [1]), token="not-the-token")

    assert caught.value.code == "unauthorised"


def test_a_bad_request_is_refused_with_the_hubs_code(hub):
    with pytest.raises(PeerRefused) as caught:
        bulk.get(f"{hub.base_url}/exchange/hub/packages/?ids=x", token="t-1")

    assert caught.value.code == "bad_parameter"


def test_a_hub_that_does_not_answer_is_a_transport_error():
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    with pytest.raises(TransportError):
        bulk.get(f"http://127.0.0.1:{port}/exchange/hub/packages/?ids=1", token="t-1")
